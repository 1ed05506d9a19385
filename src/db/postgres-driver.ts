/** PostgreSQL through a `pg` pool: each transaction or scan checks out a connection of its own. */
import type { CustomTypesConfig } from "pg";
import type { Connection, Driver } from "./driver.ts";
import { textParser, typeParsers } from "./type-parsers.ts";

type GetTypeParser = CustomTypesConfig["getTypeParser"];
const allText: CustomTypesConfig = { getTypeParser: (() => textParser) as GetTypeParser };

export async function openPostgres(url: string): Promise<Driver> {
  // Loaded on first use: commands that never open a database do not pay for it.
  const { default: pg } = await import("pg");
  const defaults = pg.types.getTypeParser as (
    oid: number,
    format?: "text" | "binary",
  ) => (text: string) => unknown;
  const types: CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      typeParsers[oid] ?? defaults(oid, format)) as GetTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, types, application_name: "steward" });
  // An idle connection that drops emits here; without a listener Node would exit. The next
  // checkout gets a fresh connection or a real error.
  pool.on("error", () => {});

  return {
    engine: "postgres",
    async connect(): Promise<Connection> {
      const client = await pool.connect();
      return {
        async query(sql, params, textRows = false) {
          const res = textRows
            ? await client.query({ text: sql, values: params as unknown[], rowMode: "array", types: allText })
            : await client.query({ text: sql, values: params as unknown[] });
          return {
            rows: res.rows as unknown[],
            rowCount: res.rowCount ?? res.rows.length,
            command: res.command,
          };
        },
        async exec(sql) {
          await client.query(sql);
        },
        release: (broken = false) => {
          client.release(broken);
        },
      };
    },
    close: () => pool.end(),
  };
}
