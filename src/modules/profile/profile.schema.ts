/** Request and response shapes of the profile API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { ProfileShape } from "../../profile/schema.ts";

// Without `$schema`: the document is embedded in answers and in OpenAPI, which names its own dialect.
const profileJsonSchema: Record<string, unknown> = z.toJSONSchema(ProfileShape, { io: "input" });
delete profileJsonSchema.$schema;

/**
 * JSON Schema (draft 2020-12) of the profile as a person writes it, every field with its
 * description: the web UI builds the profile form from it.
 */
export const profileFormSchema: Record<string, unknown> = profileJsonSchema;

/**
 * The body of PUT /api/v1/profile: the whole profile. It is accepted as any JSON here and validated
 * by the service, which words every problem the way `steward profile check` does; the metadata
 * gives OpenAPI the profile's real schema.
 */
export const ProfileBody = z.unknown().meta(profileJsonSchema);

export const SaveProfileQuery = z.strictObject({
  baseVersion: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      "The version the edit started from; when another version was saved since, the save is refused with 409.",
    ),
});

/** A problem found in a profile: the field's dot-joined path and what to fix. */
export const ProfileFinding = z.object({
  field: z.string().describe("Dot-joined path, array indexes as numbers: services.offerings.0.kind."),
  message: z.string(),
  citation: z.string().optional().describe("The regulation a lint finding rests on."),
});
export type ProfileFinding = z.infer<typeof ProfileFinding>;

const VersionFields = {
  version: z.number().int().min(1).describe("1 for the first profile, then +1 per saved change."),
  contentHash: z.string().describe("SHA-256 of the canonical JSON of the profile."),
  createdAt: z.iso.datetime(),
  createdBy: z.string().describe("User id of the editor (or the operator for CLI imports)."),
  createdByName: z.string().nullable().describe("Display name of the editor, when it is a user."),
};

export const ProfileVersionView = z.object({
  ...VersionFields,
  data: z.record(z.string(), z.unknown()).describe("The validated profile with every default filled in."),
});
export type ProfileVersionView = z.infer<typeof ProfileVersionView>;

export const ProfileVersionList = z.object({
  versions: z.array(z.object({ ...VersionFields, isCurrent: z.boolean() })).describe("Newest first."),
});

export const SaveProfileResult = ProfileVersionView.extend({
  created: z.boolean().describe("False when the profile equals the current version (nothing was stored)."),
  warnings: z.array(ProfileFinding).describe("Regulatory lint warnings: saved, but worth a look."),
});

export const ProfileForm = z.object({
  schema: z.record(z.string(), z.unknown()).describe("JSON Schema of the profile input, with descriptions."),
});
