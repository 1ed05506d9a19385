/**
 * Building blocks for event schemas. PERSISTED SHAPE: events are hashed and kept for years, so an
 * action's shape never changes once released; a different shape is a new action name. Readers
 * must keep parsing every shape ever written.
 */
import { z } from "zod";

/**
 * A record id (prefixed, e.g. `usr_...`) or a stable name (a policy id such as `access-control`).
 * No control characters: verification reads events packed with control-character separators.
 */
export const Id = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, "expected an id without control characters");

/** Hex SHA-256 of a document, binding an event to exact content. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/, "expected a hex SHA-256");

/** A role name as defined by authorization (e.g. `security-officer`). */
export const Role = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "expected a role name");

/** A value before and after the change. */
export const Change = <T extends z.ZodType>(value: T) => z.strictObject({ from: value, to: value });

/**
 * One event type: its action name, what kind of record it is about, and what changed (strict:
 * unknown keys are refused, so nothing extra reaches the trail).
 */
export function defineEvent<A extends string, T extends string, C extends z.ZodRawShape>(
  action: A,
  targetType: T,
  changes: C,
) {
  return z.strictObject({
    action: z.literal(action),
    target: z.strictObject({ type: z.literal(targetType), id: Id }),
    changes: z.strictObject(changes),
  });
}
