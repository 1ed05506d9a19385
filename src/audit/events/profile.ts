/** Organization profile events. PERSISTED SHAPES: see define.ts before changing anything. */
import { z } from "zod";
import { ContentHash, defineEvent } from "./define.ts";

export const ProfileVersionCreated = defineEvent("profile.version-created", "profile-version", {
  /** 1 for the first profile, then +1 per saved change. */
  version: z.number().int().min(1),
  /** SHA-256 of the canonical profile document of this version. */
  contentHash: ContentHash,
  /** Field paths that differ from the previous version (paths only: values stay in the profile). */
  changedPaths: z.array(z.string().min(1).max(300)).max(1000),
});
