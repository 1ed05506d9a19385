/** Request and response shapes of the sanctions log. */
import { z } from "zod";
import { sanctionActions, sanctionCategories } from "../../audit/events/workforce.ts";
import { LocalDateText } from "../obligations/obligations.schema.ts";
import { Id } from "./people.schema.ts";

export const RecordSanctionBody = z.strictObject({
  personId: Id,
  occurredOn: LocalDateText.describe("The day of the violation."),
  category: z
    .enum(sanctionCategories, { error: `expected one of: ${sanctionCategories.join(", ")}` })
    .describe("What kind of violation."),
  action: z
    .enum(sanctionActions, { error: `expected one of: ${sanctionActions.join(", ")}` })
    .describe("The sanction applied."),
  policyId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "expected a policy id such as system-access" })
    .nullable()
    .default(null)
    .describe("The policy violated, by id, when one applies."),
  notes: z
    .string()
    .trim()
    .max(4000)
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .default(null)
    .describe("Circumstances; kept on the record only, never in the audit trail. No ePHI."),
});
export type RecordSanctionBody = z.infer<typeof RecordSanctionBody>;

export const SanctionsQuery = z.strictObject({
  personId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const SanctionView = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
  occurredOn: z.string(),
  category: z.enum(sanctionCategories),
  action: z.enum(sanctionActions),
  policyId: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  recordedAt: z.iso.datetime(),
});
export type SanctionView = z.infer<typeof SanctionView>;
export const SanctionPage = z.object({
  sanctions: z.array(SanctionView),
  nextOffset: z.number().int().nullable(),
});
