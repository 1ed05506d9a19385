/**
 * The shape of each file under content/catalog/, and the parser that checks one file against it.
 * A bad entry fails the load with the file name and the entry index, so a typo in the data is found
 * at startup (and by the tests) instead of surfacing as a missing citation in a report.
 */
import { parseYamlCached as parse } from "../yaml-cache.ts";
import { z } from "zod";

/** A canonical citation: "164.308(a)(1)(ii)(A)", "164.524"; no "45 CFR", no "§", no spaces. */
export const citationIdPattern = /^164\.\d{3}(\([0-9a-zA-Z]+\))*$/;
const CitationId = z
  .string()
  .regex(citationIdPattern, { error: 'expected a canonical citation such as "164.312(b)"' });

const Title = z.string().trim().min(1).describe("Title of the paragraph or control, shown in reports.");
const Note = z.string().trim().min(1).optional().describe("Why this entry departs from the obvious reading.");

/** One entry of hipaa-security.yaml: a Security Rule standard or implementation specification. */
export const SecurityEntry = z
  .strictObject({
    id: CitationId,
    title: Title,
    kind: z.enum(["standard", "standard-part", "implementation-specification"]),
    ra: z
      .enum(["R", "A"])
      .nullable()
      .describe("Required or Addressable; null for a standard with specifications."),
    parent: CitationId.nullable().describe("The standard an implementation specification belongs to."),
    note: Note,
  })
  // Coverage rolls specifications up to their standard, so a missing or stray parent would
  // silently misreport; an IS without R/A would leave the addressable-decision register blind.
  .refine((e) => (e.kind === "implementation-specification") === (e.parent !== null), {
    error: "an implementation specification names its standard in parent; other kinds have parent null",
    path: ["parent"],
  })
  .refine((e) => e.kind !== "implementation-specification" || e.ra !== null, {
    error: "an implementation specification is R or A",
    path: ["ra"],
  })
  .refine((e) => e.kind !== "standard-part" || e.ra === null, {
    error: "a standard part carries no R/A of its own",
    path: ["ra"],
  });
export type SecurityEntry = z.infer<typeof SecurityEntry>;

/** One entry of hipaa-breach.yaml or hipaa-privacy-ba.yaml: a paragraph that imposes a duty. */
export const RequirementEntry = z.strictObject({
  id: CitationId,
  title: Title,
  kind: z.literal("requirement"),
  // R/A is a Security Rule notion; null is written out so every HIPAA file has the same fields.
  ra: z.null(),
  parent: z.null(),
  deadline: z.string().trim().min(1).optional().describe("The legal time limit, in a few words."),
  note: Note,
});
export type RequirementEntry = z.infer<typeof RequirementEntry>;

/** One HITRUST CSF control reference, such as 01.t or 09.ab. */
export const HitrustEntry = z.strictObject({
  id: z.string().regex(/^\d{2}\.[a-z]{1,2}$/, { error: 'expected a HITRUST reference such as "01.t"' }),
  title: Title,
});

/** One NIST SP 800-53 rev5 base control, such as AC-2 (unpadded, no enhancement). */
export const NistEntry = z.strictObject({
  id: z.string().regex(/^[A-Z]{2}-[1-9]\d?$/, { error: 'expected a base control id such as "AC-2"' }),
  title: Title,
});

/**
 * Parses one catalog file: a YAML list whose every entry must satisfy `schema`, with unique ids.
 * Throws an Error starting with the file name; entry errors also name the index (0-based) and id.
 */
export function parseEntries<T extends { id: string }>(
  file: string,
  text: string,
  schema: z.ZodType<T>,
): T[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of entries`);
  const seen = new Set<string>();
  return data.map((raw: unknown, index) => {
    const result = schema.safeParse(raw);
    const label = describeEntry(raw);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".") || "entry"}: ${i.message}`);
      throw new Error(`${file}: entry ${index}${label}: ${problems.join("; ")}`);
    }
    if (seen.has(result.data.id)) throw new Error(`${file}: entry ${index}${label}: duplicate id`);
    seen.add(result.data.id);
    return result.data;
  });
}

/** " (164.312(b))" when the raw entry has a readable id, so the message points at the line to fix. */
function describeEntry(raw: unknown): string {
  const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === "string" ? ` (${id})` : "";
}
