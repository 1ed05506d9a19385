/** The data layer's public surface: open a database, run transactions, scan. */
export type {
  Database,
  Engine,
  QueryResult,
  Queryable,
  ScanOptions,
  TextRow,
  Transaction,
} from "./database.ts";
export type { TransactionOptions } from "./database.ts";
export { isOpenTransaction } from "./database.ts";
export { openDatabase, pgliteDirectory, storageOptions, type OpenOptions } from "./open.ts";
