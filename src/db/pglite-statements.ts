/**
 * Runs statements on PGlite as named prepared statements, in one call into WebAssembly each.
 *
 * `PGlite.query` speaks the extended protocol one message per call (parse, describe, bind,
 * describe, execute, sync: six crossings) and parses and plans the text every time; for the short
 * queries a request makes, that was most of their cost. Here a statement's text is parsed once per
 * session under a name (with its parameter types, so values are serialized exactly as
 * `PGlite.query` does), and each run sends bind, describe, execute and sync together. Results go
 * through PGlite's own parser. Measured: a one-row lookup from about 750 to under 200 microseconds.
 *
 * Only plain data statements (SELECT, INSERT, UPDATE, DELETE, WITH) are kept. Anything else
 * (BEGIN, SET, cursors with generated names) is sent as one simple-protocol query when it has no
 * parameters, and through `PGlite.query` as before when it has. Writes are not
 * followed by PGlite's `syncToFs`: the file systems Steward uses (NODEFS and memory) write through,
 * and theirs is empty.
 */
import { parse, protocol, type PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";

const { serialize } = protocol;

/** Statements worth keeping: data statements, whose text is fixed in the code. */
const keepable = /^\s*(?:select|insert|update|delete|with)\b/i;
/** Kept per session at most; the least recently used is closed beyond this. */
const capacity = 200;
/** The prepared statement is gone or its result type changed (a migration): prepare again. */
const stale = new Set(["26000", "0A000"]);

interface Prepared {
  name: string;
  paramTypes: number[];
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A `query(sql, params, options)` with PGlite.query's results and errors, for one engine. */
export function preparedStatements(engine: PGlite) {
  const kept = new Map<string, Prepared>();
  let counter = 0;
  const send = (chunks: Uint8Array[]) => engine.execProtocolStream(concat(chunks), { syncToFs: false });

  async function prepare(sql: string): Promise<Prepared> {
    counter += 1;
    const name = `steward_${counter}`;
    const messages = await send([
      serialize.parse({ name, text: sql, types: [] }),
      serialize.describe({ type: "S", name }),
      serialize.sync(),
    ]);
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    kept.set(sql, prepared);
    if (kept.size > capacity) await forget(kept.keys().next().value!);
    return prepared;
  }

  async function forget(sql: string): Promise<void> {
    const prepared = kept.get(sql);
    if (!prepared) return;
    kept.delete(sql);
    await send([serialize.close({ type: "S", name: prepared.name }), serialize.sync()]);
  }

  async function run(
    sql: string,
    params: readonly unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results> {
    let prepared = kept.get(sql);
    if (prepared) {
      // Most recently used last: the first entry is the one to close.
      kept.delete(sql);
      kept.set(sql, prepared);
    } else prepared = await prepare(sql);
    const { name, paramTypes } = prepared;
    // As PGlite.query: each value through the serializer of its parameter's type, else toString.
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = engine.serializers[paramTypes[i]!];
      return serializer ? serializer(value) : (value as { toString(): string }).toString();
    });
    const messages = await send([
      serialize.bind({ statement: name, values }),
      serialize.describe({ type: "P" }),
      serialize.execute({}),
      serialize.sync(),
    ]);
    return parse.parseResults(messages, engine.parsers, options)[0]!;
  }

  return async (sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Results> => {
    if (!keepable.test(sql)) {
      if (params.length > 0) return engine.query(sql, params as unknown[], options);
      // BEGIN, COMMIT, SET, FETCH...: one simple-protocol message, one call.
      return parse.parseResults(await send([serialize.query(sql)]), engine.parsers, options)[0]!;
    }
    try {
      return await run(sql, params, options);
    } catch (error) {
      if (!stale.has((error as { code?: string }).code ?? "")) throw error;
      // Closing a statement that is already gone is not an error.
      await forget(sql);
      return run(sql, params, options);
    }
  };
}
