/**
 * What each engine adapter provides (internal to src/db): exclusive connections. Transactions,
 * scans and migrations are written once on top of this, in session.ts and migrate.ts.
 */
import type { Engine } from "./database.ts";

export interface DriverResult {
  rows: unknown[];
  rowCount: number;
  /** The command tag's verb: "SELECT", "COMMIT", or "ROLLBACK" when a COMMIT was refused. */
  command: string;
}

export interface Connection {
  /** One statement. `textRows` returns arrays of raw text cells (for scans) instead of objects. */
  query(sql: string, params: readonly unknown[], textRows?: boolean): Promise<DriverResult>;
  /** Several statements without parameters (migration files). */
  exec(sql: string): Promise<void>;
  /** Gives the connection back; `broken` discards it (its state is unknown after a failed ROLLBACK). */
  release(broken?: boolean): void;
}

export interface Driver {
  readonly engine: Engine;
  /** Waits for a connection of its own: a pool checkout (PostgreSQL) or the engine's lock (PGlite). */
  connect(): Promise<Connection>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tar (for the new-directory template). */
  dump?(): Promise<Uint8Array>;
}
