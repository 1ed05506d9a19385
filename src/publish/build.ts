/**
 * `policies build`: render once, then write each requested format. Everything is written into a
 * staging directory beside the target and moved into place only when every format succeeded, so a
 * failed build leaves the previous output untouched and no partial files.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Profile } from "../profile/schema.ts";
import { renderPolicySet, type RenderOptions } from "../templates/render.ts";
import type { PolicySet } from "../templates/model.ts";
import { computeCoverage, type CoverageDocument } from "./coverage.ts";
import { renderIndexMarkdown, renderPolicyMarkdown } from "./markdown.ts";
import { launchPdfPrinter, type PdfPrinter } from "./pdf.ts";
import { renderSite } from "./site/index.ts";

export const publishFormats = ["site", "markdown", "pdf"] as const;
export type PublishFormat = (typeof publishFormats)[number];

export interface BuildOptions extends RenderOptions {
  outDir: string;
  formats: PublishFormat[];
  chromiumPath?: string;
}

export interface BuildResult {
  set: PolicySet;
  coverage: CoverageDocument;
  files: string[];
}

function writeTree(root: string, files: Map<string, string>, written: string[], prefix: string): void {
  const made = new Set<string>();
  for (const [relativePath, content] of files) {
    const path = join(root, prefix, relativePath);
    // Once per directory: a recursive mkdir costs system calls even when the directory exists.
    const dir = dirname(path);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(path, content);
    written.push(join(prefix, relativePath));
  }
}

/** Renders a policy set in memory: the in-process half of a build, shared by CLI, server and benchmarks. */
export function renderOutputs(
  set: PolicySet,
  formats: PublishFormat[],
): { coverage: CoverageDocument; trees: [string, Map<string, string>][] } {
  const coverage = computeCoverage(set);
  const trees: [string, Map<string, string>][] = [];
  if (formats.includes("markdown")) {
    const files = new Map(set.policies.map((p) => [`${p.id}.md`, renderPolicyMarkdown(set, p)]));
    files.set("README.md", renderIndexMarkdown(set));
    trees.push(["markdown", files]);
  }
  if (formats.includes("site")) {
    trees.push([
      "site",
      renderSite(set, { coverage: coverage.citations, sharedResponsibility: set.sharedResponsibility }),
    ]);
  }
  return { coverage, trees };
}

export async function buildPolicies(profile: Profile, options: BuildOptions): Promise<BuildResult> {
  // Chromium starts first (or fails at once when missing) and launches while the set renders.
  const printer: Promise<PdfPrinter> | null = options.formats.includes("pdf")
    ? launchPdfPrinter({ chromiumPath: options.chromiumPath })
    : null;
  printer?.catch(() => undefined);
  try {
    return await buildWith(profile, options, printer);
  } finally {
    if (printer)
      await printer.then(
        (p) => p.close(),
        () => undefined,
      );
  }
}

async function buildWith(
  profile: Profile,
  options: BuildOptions,
  printer: Promise<PdfPrinter> | null,
): Promise<BuildResult> {
  const set = renderPolicySet(profile, options);
  const { coverage, trees } = renderOutputs(set, options.formats);
  const target = resolve(options.outDir);
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const files: string[] = [];
  try {
    mkdirSync(staging, { recursive: true });
    for (const [prefix, tree] of trees) writeTree(staging, tree, files, prefix);
    writeFileSync(join(staging, "coverage.json"), JSON.stringify(coverage, null, 2) + "\n");
    files.push("coverage.json");
    if (printer) {
      await (await printer).print(set, join(staging, "policies.pdf"));
      files.push("policies.pdf");
    }
    swapInto(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { set, coverage, files };
}

/** Replaces the target directory with the staged one in two renames. */
function swapInto(staging: string, target: string): void {
  const previous = `${target}.previous-${process.pid}`;
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
