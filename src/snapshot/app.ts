/**
 * `steward policies build` as the startup snapshot holds it (see entry.ts, and "Build and run" in
 * docs/ARCHITECTURE.md). `preload` runs while the snapshot is made and loads everything that does
 * not depend on the organization's profile: the template library with its parsed Liquid, the
 * catalog, the shared-responsibility rows, the Liquid of every commitment sentence and table note,
 * the normalized form of every citation the library writes, the list of time zones, and (by
 * importing them) the zod schemas, markdown-it and the YAML parser. A run then only reads,
 * validates and renders the profile and writes the files.
 */
import type { Liquid, Template } from "liquidjs";
import { readFileSync } from "node:fs";
import { loadCatalog } from "../catalog/catalog.ts";
import { canonicalCitation } from "../catalog/normalize.ts";
import { processIo, type CliIo } from "../cli/io.ts";
import { policiesBuild } from "../cli/policies-build.ts";
import { exitWith, runCommand } from "../cli/run-command.ts";
import { contentDir } from "../paths.ts";
import { canonicalTimeZones } from "../profile/identity.ts";
import type { Profile } from "../profile/schema.ts";
import { liquidEngine } from "../templates/liquid.ts";
import { loadLibrary } from "../templates/load.ts";
import { headingCitations } from "../templates/sections.ts";
import { sharedResponsibilityRows } from "../templates/shared-responsibility.ts";
import { parseYamlCached } from "../yaml-cache.ts";

export interface SnapshotApp {
  /** Builds each profile into `outDir` (site and Markdown), output discarded; throws what a build throws. */
  exercise(profiles: string[], outDir: string): Promise<void>;
  preload(): void;
  /** Runs `policies build ARGS` and ends the process with its exit code. */
  run(argv: string[]): void;
}

/**
 * Texts a build hands to the Liquid engine as strings, parsing them again each time: each
 * commitment's sentence (for the profile fields it reads) and each shared-responsibility note.
 * They are content, not profile.
 */
function contentLiquidTexts(): string[] {
  const texts: string[] = [];
  for (const template of loadLibrary()) for (const c of template.meta.commitments) texts.push(c.text);
  let rows: unknown = [];
  try {
    rows = parseYamlCached(readFileSync(contentDir("shared-responsibility.yaml"), "utf8"));
  } catch {
    // No file or a broken one: the build reports it, with or without the snapshot.
  }
  for (const row of Array.isArray(rows) ? (rows as unknown[]) : [])
    for (const cell of Object.values(row as Record<string, unknown>))
      if (typeof (cell as { note?: unknown } | null)?.note === "string")
        texts.push((cell as { note: string }).note);
  return texts;
}

/** Every citation the library writes: its commitments' and its section headings'. */
function libraryCitations(): string[] {
  const citations: string[] = [];
  for (const template of loadLibrary()) {
    for (const c of template.meta.commitments) citations.push(...c.citations);
    citations.push(...headingCitations(template.bodyText));
  }
  return citations;
}

/**
 * Parses `texts` once and answers the engine's `parse(text)` and `globalFullVariablesSync(text)`
 * for them from that: same result as parsing again, since parsed templates are never changed by
 * rendering (the library shares its own across builds too). Any other text goes to the engine.
 */
function memoizeLiquid(liquid: Liquid, texts: string[]): void {
  const parsed = new Map<string, Template[]>();
  const variables = new Map<string, string[]>();
  for (const text of texts) {
    try {
      const templates = liquid.parse(text);
      parsed.set(text, templates);
      variables.set(text, liquid.globalFullVariablesSync(templates));
    } catch {
      // Left to fail where it is used, with the message it gives there.
    }
  }
  const parse = liquid.parse.bind(liquid);
  const globalFullVariablesSync = liquid.globalFullVariablesSync.bind(liquid);
  liquid.parse = (html, filepath) =>
    (filepath === undefined ? parsed.get(html) : undefined) ?? parse(html, filepath);
  liquid.globalFullVariablesSync = (template, options) => {
    const known = typeof template === "string" && options === undefined ? variables.get(template) : undefined;
    return known ? [...known] : globalFullVariablesSync(template, options);
  };
}

const silent: CliIo = { out: () => undefined, err: () => undefined, readStdin: () => Promise.resolve("") };

export const app: SnapshotApp = {
  async exercise(profiles, outDir) {
    // An example that does not build (exit 1) only compiles less; anything thrown is a bug.
    for (const profile of profiles)
      await policiesBuild.run(["--profile", profile, "--out", outDir, "--format", "site,markdown"], silent);
  },
  preload() {
    loadCatalog();
    // Loads and checks the rows; with no offering, no note is rendered.
    const noOffering = { modules: { sharedResponsibility: true }, services: { offerings: [] } };
    sharedResponsibilityRows(noOffering as unknown as Profile, {});
    memoizeLiquid(liquidEngine(), contentLiquidTexts());
    for (const citation of libraryCitations()) {
      try {
        canonicalCitation(citation);
      } catch {
        // Reported by the build that renders it, with the snapshot or without.
      }
    }
    canonicalTimeZones();
  },
  run(argv) {
    const run = runCommand(policiesBuild.name, () => policiesBuild, argv, processIo);
    exitWith(run);
    // Output is written synchronously (files, pipes and terminals on POSIX), so the process can end
    // as soon as the build has: without waiting for background compiler threads to wind down.
    void run.then(
      (code) => process.exit(code),
      () => process.exit(),
    );
  },
};
