/** Shapes of "the policies in effect on a date", shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { PolicyVersionFields } from "../policies/policies.schema.ts";

export const AsOfQuery = z.strictObject({
  date: z.iso
    .date("expected a date as YYYY-MM-DD")
    .describe("The day asked about; the version whose effective date is the latest on or before it."),
});

export const AsOfList = z.object({
  date: z.string(),
  version: PolicyVersionFields.nullable().describe("Null when no version was in effect yet on that date."),
  policies: z
    .array(z.object({ id: z.string(), number: z.number().int(), title: z.string(), summary: z.string() }))
    .describe("Empty when no version was in effect."),
});
export type AsOfList = z.infer<typeof AsOfList>;
