/**
 * The database interface every repository receives: the same on embedded PGlite and on PostgreSQL.
 * There is no global client (STYLE.md "Avoid"): a service gets a `Database`, opens a transaction and
 * hands the `Transaction` to repositories and to `recordEvent`.
 */

/** Which engine answers: embedded PGlite (a data directory) or a PostgreSQL server. */
export type Engine = "pglite" | "postgres";

/** A statement's rows and the count from its command tag (rows returned, inserted, updated...). */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * Rows of a large scan: one array per row in column order, each cell PostgreSQL's text output (or
 * null for NULL). No per-row objects and no type parsing, so a scan costs little more than the
 * transfer; cast in SQL (`to_char`, `::text`) when a cell's exact format matters.
 */
export type TextRow = (string | null)[];

export interface ScanOptions {
  /** Rows per round trip (default 10,000). */
  batchSize?: number;
}

/**
 * Value types are the same on both engines: int2/int4/int8 and float as numbers (int8 beyond
 * Number.MAX_SAFE_INTEGER throws), numeric as string, boolean, json/jsonb parsed, timestamptz as
 * Date, date and timestamp (without zone) as their text ("2025-01-31"), text as string.
 * Pass jsonb parameters as JSON text with an explicit `::jsonb` cast.
 */
export interface Queryable {
  /** One statement with `$1`-style parameters. `T` is the caller's promise about the row shape. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /**
   * A large read in batches through a server-side cursor. On a `Database` the cursor lives in its own
   * read-only REPEATABLE READ transaction, so every batch sees one snapshot; on a `Transaction` it sees
   * that transaction. The connection is held until the loop ends (breaking out closes it); on
   * PGlite, which has one connection, nothing else runs meanwhile, so use only the batches inside
   * the loop.
   */
  scan(sql: string, params?: readonly unknown[], options?: ScanOptions): AsyncIterable<TextRow[]>;
}

/** Type-only brand: a `Database` is not accepted where a `Transaction` is required. */
declare const transactionBrand: unique symbol;

/** Inside `Database.transaction`: every statement runs between that BEGIN and COMMIT. */
export interface Transaction extends Queryable {
  readonly engine: Engine;
  readonly [transactionBrand]: true;
}

export interface TransactionOptions {
  readOnly?: boolean;
  isolation?: "read committed" | "repeatable read" | "serializable";
  /**
   * PostgreSQL only: start in a snapshot another open transaction exported with
   * `SELECT pg_export_snapshot()` (use "repeatable read"), to read the same data on a second
   * connection in parallel. Such a transaction may be opened inside the exporting one's callback;
   * PGlite, with one connection, refuses.
   */
  snapshot?: string;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `fn` between BEGIN and COMMIT on one connection. Anything thrown rolls back everything
   * `fn` wrote and is rethrown; a COMMIT that the server turned into a ROLLBACK (a statement failed
   * and its error was swallowed) throws too. Using the `Database` itself inside `fn` throws: pass
   * the transaction on, or the statement would run outside it (and wait forever on PGlite).
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Closes the pool or the embedded engine (flushing it to disk). */
  close(): Promise<void>;
}

const live = new WeakSet<object>();

/** Marks a transaction object as open (between BEGIN and COMMIT/ROLLBACK); used by the db layer. */
export function markTransaction(tx: Transaction, open: boolean): void {
  if (open) live.add(tx);
  else live.delete(tx);
}

/**
 * True only for a `Transaction` that is still open. Commands that must run inside a transaction
 * (recordEvent) check this at run time, since a cast or plain JavaScript can pass anything.
 */
export function isOpenTransaction(value: unknown): value is Transaction {
  return typeof value === "object" && value !== null && live.has(value);
}
