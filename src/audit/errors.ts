/** A refused audit write. Messages name fields and rules, never the values (they may hold ePHI). */
export class AuditError extends Error {
  constructor(
    message: string,
    readonly code: "no-transaction" | "no-actor" | "invalid-event" | "unknown-organization",
  ) {
    super(message);
    this.name = "AuditError";
  }
}
