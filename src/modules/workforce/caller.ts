/**
 * Who runs a workforce command. Every workforce record names the member who made it (requested,
 * approved, granted, recorded), so these commands take a user, never a CLI or system actor.
 */
import { ActorSchema, AuditError, type Actor } from "../../audit/index.ts";
import type { Role } from "../../auth/permissions.ts";

export interface WorkforceCaller {
  userId: string;
  roles: readonly Role[];
}

/** The caller as the audit trail's actor; throws before anything is written when it is missing. */
export function actorOf(caller: WorkforceCaller | null | undefined, command: string): Actor {
  const actor = { type: "user" as const, id: caller?.userId ?? "" };
  if (!ActorSchema.safeParse(actor).success) throw new AuditError(`${command} needs an actor`, "no-actor");
  return actor;
}
