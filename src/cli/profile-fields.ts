/** `steward profile fields [--json]`: every profile field with its description, default and the sections that use it. */
import { z } from "zod";
import { ProfileShape } from "../profile/schema.ts";
import { fieldUsage } from "../templates/field-usage.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";

interface FieldRow {
  path: string;
  type: string;
  description: string;
  default: unknown;
  usedBy: string[];
}

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
}

/** Walks the JSON Schema of the profile down to its leaves (objects inside lists count as leaves' parents). */
function leaves(node: JsonSchemaNode, path: string, out: Omit<FieldRow, "usedBy">[]): void {
  const variants = node.anyOf ?? [node];
  const object = variants.find((v) => v.properties);
  if (object?.properties && !path.match(/\.(providers|offerings|incidentResponseTeam|other)$/)) {
    for (const [key, child] of Object.entries(object.properties))
      leaves(child, path ? `${path}.${key}` : key, out);
    return;
  }
  const types = variants
    .flatMap((v) => (v.enum ? [`one of ${v.enum.map(String).join(", ")}`] : (v.type ?? [])))
    .flat();
  out.push({
    path,
    type: types.join(" or ") || "value",
    description: node.description ?? "",
    default: node.default,
  });
}

export function profileFields(): FieldRow[] {
  const schema = z.toJSONSchema(ProfileShape, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
  const rows: Omit<FieldRow, "usedBy">[] = [];
  leaves(schema, "", rows);
  const usage = fieldUsage();
  return rows.map((row) => ({
    ...row,
    usedBy: [...usage]
      .filter(([path]) => path === row.path || path.startsWith(`${row.path}.`))
      .flatMap(([, places]) => places)
      .filter((p, i, all) => all.indexOf(p) === i)
      .sort(),
  }));
}

export const profileFieldsCommand: Command = {
  name: "profile fields",
  summary: "List every profile field with its description, default and the policy sections that use it",
  run(argv, io) {
    const { values } = parseFlags(argv, { json: { type: "boolean" } });
    const rows = profileFields();
    if (values.json) {
      io.out(JSON.stringify(rows, null, 2));
      return Promise.resolve(0);
    }
    for (const row of rows) {
      const fallback = row.default === undefined ? "" : ` (default ${JSON.stringify(row.default)})`;
      io.out(
        `${row.path}: ${row.type}${fallback}\n  ${row.description}\n  used by: ${row.usedBy.join(", ") || "no section"}`,
      );
    }
    return Promise.resolve(0);
  },
};
