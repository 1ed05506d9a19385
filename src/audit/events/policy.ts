/** Policy events. PERSISTED SHAPES: see define.ts before changing anything. */
import { z } from "zod";
import { ContentHash, defineEvent, Id } from "./define.ts";

const Version = z.number().int().min(1);

export const PolicyPublished = defineEvent("policy.published", "policy-version", {
  /** The policy's id in the library, e.g. `access-control`. */
  policyId: Id,
  version: Version,
  /** SHA-256 of the published text that the approval is bound to. */
  contentHash: ContentHash,
});

export const PolicyAcknowledged = defineEvent("policy.acknowledged", "policy-version", {
  policyId: Id,
  version: Version,
  /** The text the workforce member acknowledged. */
  contentHash: ContentHash,
});
