/**
 * The shared-responsibility table: who secures what, per service offering. The rows are data
 * (content/shared-responsibility.yaml); notes may use Liquid and are rendered against the profile.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseYamlCached as parseYaml } from "../yaml-cache.ts";
import { z } from "zod";
import { contentDir } from "../paths.ts";
import type { Profile } from "../profile/schema.ts";
import { TemplateError, fromLiquidError } from "./errors.ts";
import { renderLiquid } from "./fast-liquid.ts";
import { liquidEngine } from "./liquid.ts";

const Cell = z.strictObject({
  responsibility: z.enum(["organization", "customer", "shared"]),
  note: z.string().min(1),
});
const Row = z.strictObject({
  area: z.string().min(1),
  citations: z.array(z.string()).default([]),
  saas: Cell,
  paas: Cell,
  "add-ons": Cell,
  other: Cell,
});

export interface SharedResponsibilityRow {
  area: string;
  citations: string[];
  byOffering: { offering: string; responsibility: "organization" | "customer" | "shared"; note: string }[];
}

const file = "content/shared-responsibility.yaml";
let rows: z.infer<typeof Row>[] | null = null;

function loadRows(): z.infer<typeof Row>[] {
  if (rows) return rows;
  const path = contentDir("shared-responsibility.yaml");
  if (!existsSync(path)) return (rows = []);
  const parsed = z.array(Row).safeParse(parseYaml(readFileSync(path, "utf8")));
  if (!parsed.success) {
    throw new TemplateError(
      parsed.error.issues.map((i) => ({ file, line: null, message: `${i.path.join(".")}: ${i.message}` })),
    );
  }
  return (rows = parsed.data);
}

/** Rows for the offerings this organization has, notes rendered; empty when the module is off. */
export function sharedResponsibilityRows(
  profile: Profile,
  scope: Record<string, unknown>,
): SharedResponsibilityRow[] {
  if (!profile.modules.sharedResponsibility) return [];
  const liquid = liquidEngine();
  return loadRows().map((row) => ({
    area: row.area,
    citations: row.citations,
    byOffering: profile.services.offerings.map((offering) => {
      const cell = row[offering.kind];
      try {
        const note = renderLiquid(liquid, liquid.parse(cell.note), scope, { profile });
        return { offering: offering.name, responsibility: cell.responsibility, note: note.trim() };
      } catch (error) {
        throw new TemplateError([fromLiquidError(file, error)]);
      }
    }),
  }));
}
