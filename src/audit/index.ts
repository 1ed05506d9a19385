/** The audit trail: typed events written with every change, hash-chained per organization. */
export { ActorSchema, type Actor } from "./actor.ts";
export { findOrganizationBySlug } from "./audit.repo.ts";
export {
  canonicalJson,
  chainHash,
  encodeEvent,
  eventHash,
  GENESIS_HASH,
  HASH_VERSION,
  type EncodedFields,
  type HashVersion,
} from "./canonical.ts";
export { AuditError } from "./errors.ts";
export {
  AuditEventSchema,
  eventSchemas,
  type AuditAction,
  type AuditEvent,
  type AuditEventInput,
} from "./events/index.ts";
export { recordEvent, type RecordedEvent, type RecordEventOptions } from "./record.ts";
export { verifyAuditChain, type AuditProblem, type VerifyResult } from "./verify.ts";
