/**
 * One set of value types on both engines (see `Queryable` in database.ts). Both drivers fall back to
 * their defaults for the rest: timestamptz as Date, json/jsonb parsed, booleans, floats and int4.
 */

/** PostgreSQL type OIDs that the defaults of pg and PGlite would read differently. */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;

/** int8 (bigint, count(*), identity ids) as a number; a value a double cannot hold exactly throws. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`bigint value ${text} does not fit a JavaScript number`);
  return value;
}

const asText = (text: string): string => text;

/**
 * Parsers by OID. Dates and zone-less timestamps stay text: turning them into a Date would apply
 * the process time zone, which is how off-by-one-day deadlines happen.
 */
export const typeParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [INT8]: parseInt8,
  [NUMERIC]: asText,
  [DATE]: asText,
  [TIMESTAMP]: asText,
};

/** For `scan`: every cell as PostgreSQL's text output. */
export const textParser = asText;
