/** Request and response shapes of the policies API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";

const Hash = z.string().describe("SHA-256 of the set's text: what acknowledgments bind to.");

/** Who published which version when: shared by every policies answer. */
export const PolicyVersionFields = z.object({
  version: z.number().int().min(1).describe("1, 2, 3... per organization."),
  contentHash: Hash,
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().describe("User id of the publisher."),
  publishedByName: z.string().nullable(),
  profileVersion: z.number().int().describe("The profile version the set was built from."),
  documentVersion: z.string().describe("The version label printed on the documents (governance.version)."),
  effectiveDate: z.string().describe("The documents' effective date (governance.effectiveDate)."),
});
export type PolicyVersionFields = z.infer<typeof PolicyVersionFields>;

const Counts = z.object({
  policies: z.number().int(),
  sections: z.number().int(),
  commitments: z.number().int(),
});

export const PublishResult = PolicyVersionFields.extend({
  created: z
    .boolean()
    .describe("False when the current version already has this text: nothing was published."),
  counts: Counts,
});

export const PolicyId = z.strictObject({
  policyId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a policy id such as access-control")
    .max(100),
});

const version = PolicyVersionFields.shape;

export const PolicyList = z.object({
  version: version.version.nullable().describe("Null until the first publish; the list is then empty."),
  contentHash: version.contentHash.nullable(),
  publishedAt: version.publishedAt.nullable(),
  publishedBy: version.publishedBy.nullable(),
  publishedByName: version.publishedByName,
  profileVersion: version.profileVersion.nullable(),
  documentVersion: version.documentVersion.nullable(),
  effectiveDate: version.effectiveDate.nullable(),
  acknowledged: z.boolean().describe("Whether the caller acknowledged this version."),
  acknowledgedAt: z.iso.datetime().nullable(),
  policies: z.array(
    z.object({ id: z.string(), number: z.number().int(), title: z.string(), summary: z.string() }),
  ),
});
export type PolicyList = z.infer<typeof PolicyList>;

export const PolicyDetail = PolicyVersionFields.extend({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  introHtml: z
    .string()
    .describe("The introduction as HTML; cross-references link to /policies/<id>#<section>."),
  sections: z.array(
    z.object({
      id: z.string(),
      number: z.string().describe('"7.4" or "7.4.2".'),
      title: z.string(),
      level: z.union([z.literal(2), z.literal(3)]),
      citations: z.array(z.string()),
      html: z.string(),
    }),
  ),
  commitments: z.array(
    z.object({
      id: z.string(),
      sectionId: z.string(),
      sectionNumber: z.string(),
      owner: z.string(),
      text: z.string(),
      citations: z.array(z.string()),
    }),
  ),
  citations: z.array(z.string()),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const VersionsQuery = z.strictObject({
  date: z.iso
    .date("expected a date as YYYY-MM-DD")
    .optional()
    .describe("Also say which version was in effect at the end of this day (organization's time zone)."),
});

export const PolicyVersionList = z.object({
  versions: z
    .array(PolicyVersionFields.extend({ isCurrent: z.boolean(), counts: Counts }))
    .describe("Newest first."),
  inEffect: z
    .object({
      date: z.string(),
      timeZone: z.string(),
      version: z.number().int().nullable().describe("Null when nothing had been published by then."),
    })
    .nullable()
    .describe("Present when `date` was given."),
});
