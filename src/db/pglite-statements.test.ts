import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { preparedStatements } from "./pglite-statements.ts";

describe("PGlite prepared statements", () => {
  let engine: PGlite;
  let query: ReturnType<typeof preparedStatements>;
  before(async () => {
    engine = new PGlite();
    await engine.waitReady;
    query = preparedStatements(engine);
    await engine.exec(
      "CREATE TABLE t (id int PRIMARY KEY, name text, at timestamptz, flag boolean, data jsonb, tags text[])",
    );
  });
  after(() => engine.close());

  it("writes and reads every kind of value exactly as PGlite.query does", async () => {
    const at = new Date("2026-11-22T10:00:00.123Z");
    const params = [1, 'Ana "O\'Neil"', at, true, { a: [1, "x"], b: null }, ["x", 'y "z"', "a,b"]];
    const insert =
      "INSERT INTO t (id, name, at, flag, data, tags) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *";
    const ours = await query(insert, params);
    await engine.query("DELETE FROM t");
    const theirs = await engine.query(insert, params);
    assert.deepEqual(ours.rows, theirs.rows);
    assert.deepEqual(ours.rows[0], {
      id: 1,
      name: 'Ana "O\'Neil"',
      at,
      flag: true,
      data: { a: [1, "x"], b: null },
      tags: ["x", 'y "z"', "a,b"],
    });
    const select = "SELECT id, name FROM t WHERE id = $1 AND flag = $2";
    assert.deepEqual((await query(select, [1, true], { rowMode: "array" })).rows, [[1, 'Ana "O\'Neil"']]);
    assert.deepEqual((await query(select, [1, false])).rows, []);
    const update = await query("UPDATE t SET name = $2 WHERE id = $1", [1, null]);
    assert.equal(update.affectedRows, 1);
  });

  it("keeps the database's errors, and the statement stays usable after one", async () => {
    const insert = "INSERT INTO t (id) VALUES ($1)";
    await query(insert, [2]);
    await assert.rejects(query(insert, [2]), (error: { code?: string }) => error.code === "23505");
    await query(insert, [3]);
    assert.deepEqual((await query("SELECT count(*)::int AS n FROM t WHERE id > $1", [1])).rows, [{ n: 2 }]);
  });

  it("prepares again when a table changed under a kept statement", async () => {
    await engine.exec("CREATE TABLE u (a int)");
    await query("INSERT INTO u VALUES ($1)", [1]);
    assert.deepEqual((await query("SELECT * FROM u", [])).rows, [{ a: 1 }]);
    await engine.exec("ALTER TABLE u ADD COLUMN b text DEFAULT 'x'");
    assert.deepEqual((await query("SELECT * FROM u", [])).rows, [{ a: 1, b: "x" }]);
  });

  it("keeps a bounded number of statements and still answers every one", async () => {
    for (let i = 0; i < 450; i += 1) {
      const { rows } = await query(`SELECT $1::int + ${i} AS n`, [1]);
      assert.deepEqual(rows, [{ n: i + 1 }]);
    }
    const { rows } = await engine.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_prepared_statements",
    );
    assert.ok(rows[0]!.n <= 200, `${rows[0]!.n} statements kept`);
  });

  it("runs transactions, settings and cursors as before", async () => {
    await query("BEGIN", []);
    await query("INSERT INTO t (id) VALUES ($1)", [9]);
    await query("ROLLBACK", []);
    assert.deepEqual((await query("SELECT id FROM t WHERE id = $1", [9])).rows, []);
    // A COMMIT the server turns into a ROLLBACK says so.
    await query("BEGIN", []);
    await assert.rejects(query("INSERT INTO t (id) VALUES ($1)", [1]));
    assert.equal((await query("COMMIT", [])).command, "ROLLBACK");
    // Cursors: declared with parameters, fetched as arrays.
    await query("BEGIN", []);
    await query("DECLARE c NO SCROLL CURSOR FOR SELECT id FROM t WHERE id >= $1 ORDER BY id", [2]);
    assert.deepEqual((await query("FETCH FORWARD 2 FROM c", [], { rowMode: "array" })).rows, [[2], [3]]);
    await query("CLOSE c", []);
    await query("COMMIT", []);
  });
});
