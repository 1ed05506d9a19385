/**
 * `Database` and `Transaction` on top of a driver's connections: real BEGIN/COMMIT/ROLLBACK, and
 * scans through server-side cursors. The same code runs for PGlite and PostgreSQL.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type {
  Database,
  QueryResult,
  ScanOptions,
  TextRow,
  Transaction,
  TransactionOptions,
} from "./database.ts";
import { isOpenTransaction, markTransaction } from "./database.ts";
import type { Connection, Driver } from "./driver.ts";

/** The driver whose transaction callback is running, to catch `db` used where `tx` was meant. */
const insideTransaction = new AsyncLocalStorage<{ driver: Driver; tx: Transaction }>();
let cursorCount = 0;
/** What pg_export_snapshot() returns, e.g. `00000003-0000001B-1`. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;

function beginSql(options: TransactionOptions = {}): string {
  const parts = ["BEGIN"];
  if (options.isolation) parts.push(`ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
  if (options.readOnly) parts.push("READ ONLY");
  return parts.join(" ");
}

/**
 * Batches from a cursor on a connection already inside a transaction. The next FETCH is sent before
 * a batch is handed out, so on PostgreSQL the server reads while the caller works.
 */
async function* cursorBatches(conn: Connection, sql: string, params: readonly unknown[], size: number) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`scan batch size must be a positive integer`);
  const name = `steward_scan_${(cursorCount += 1)}`;
  await conn.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  const fetch = () => {
    const next = conn.query(`FETCH FORWARD ${size} FROM ${name}`, [], true);
    next.catch(() => undefined); // awaited below or in finally; never an unhandled rejection
    return next;
  };
  let pending: ReturnType<typeof fetch> | null = fetch();
  let failed = false;
  try {
    while (pending) {
      const batch: TextRow[] = (await pending).rows as TextRow[];
      pending = batch.length === size ? fetch() : null;
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (pending) await pending.catch(() => (failed = true));
    if (!failed) await conn.query(`CLOSE ${name}`, []);
  }
}

async function rollback(conn: Connection): Promise<boolean> {
  try {
    await conn.query("ROLLBACK", []);
    return true;
  } catch {
    return false;
  }
}

function transactionOn(conn: Connection, engine: Database["engine"]): Transaction {
  // The brand is type-only (see database.ts), hence the assertion.
  const tx = {
    engine,
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      if (!isOpenTransaction(tx)) throw new Error("this transaction has already ended");
      const { rows, rowCount } = await conn.query(sql, params);
      return { rows: rows as T[], rowCount };
    },
    scan(sql: string, params: readonly unknown[] = [], options: ScanOptions = {}): AsyncIterable<TextRow[]> {
      if (!isOpenTransaction(tx)) throw new Error("this transaction has already ended");
      return cursorBatches(conn, sql, params, options.batchSize ?? 10_000);
    },
  } as Transaction;
  return tx;
}

export function createDatabase(driver: Driver): Database {
  const notInsideTransaction = () => {
    const inside = insideTransaction.getStore();
    // Only while that transaction is open: work it started may use the database after it ended.
    if (inside?.driver === driver && isOpenTransaction(inside.tx)) {
      throw new Error("the database was used inside its own transaction: pass the transaction (tx) instead");
    }
  };

  async function transaction<T>(
    fn: (tx: Transaction) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    if (options?.snapshot === undefined) notInsideTransaction();
    else if (driver.engine !== "postgres" || !SNAPSHOT_ID.test(options.snapshot)) {
      throw new Error("a shared snapshot needs PostgreSQL and an id from pg_export_snapshot()");
    }
    const conn = await driver.connect();
    let healthy = false;
    try {
      await conn.query(beginSql(options), []);
      healthy = true;
      // Before any query, as PostgreSQL requires; the id was checked above (no parameters here).
      if (options?.snapshot !== undefined)
        await conn.query(`SET TRANSACTION SNAPSHOT '${options.snapshot}'`, []);
      const tx = transactionOn(conn, driver.engine);
      markTransaction(tx, true);
      let value: T;
      try {
        value = await insideTransaction.run({ driver, tx }, () => fn(tx));
      } catch (error) {
        markTransaction(tx, false);
        healthy = await rollback(conn);
        throw error;
      }
      markTransaction(tx, false);
      const commit = await conn.query("COMMIT", []);
      if (commit.command === "ROLLBACK") {
        throw new Error(
          "the transaction was rolled back: a statement inside it failed and its error was caught",
        );
      }
      return value;
    } finally {
      conn.release(!healthy);
    }
  }

  async function* ownSnapshotScan(sql: string, params: readonly unknown[], options: ScanOptions) {
    const conn = await driver.connect();
    try {
      await conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", []);
      yield* cursorBatches(conn, sql, params, options.batchSize ?? 10_000);
    } finally {
      const healthy = await rollback(conn);
      conn.release(!healthy);
    }
  }

  return {
    engine: driver.engine,
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      notInsideTransaction();
      const conn = await driver.connect();
      try {
        const { rows, rowCount } = await conn.query(sql, params);
        return { rows: rows as T[], rowCount };
      } finally {
        conn.release();
      }
    },
    scan(sql, params = [], options = {}) {
      notInsideTransaction();
      return ownSnapshotScan(sql, params, options);
    },
    transaction,
    close: () => driver.close(),
  };
}
