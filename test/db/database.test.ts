import { strict as assert } from "node:assert";
import { it } from "node:test";
import { isOpenTransaction, type Transaction } from "../../src/db/index.ts";
import { forEachDatabase } from "../support/databases.ts";
import { uniqueSlug } from "./fixtures.ts";

const countOrgs = async (q: { query: Transaction["query"] }, slugs: string[]) =>
  (
    await q.query<{ n: number }>("SELECT count(*) AS n FROM organizations WHERE slug = ANY($1::text[])", [
      slugs,
    ])
  ).rows[0]!.n;

forEachDatabase("database", (t) => {
  it("rolls back everything when the callback throws after the first insert", async () => {
    const slugs = [uniqueSlug(), uniqueSlug()];
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO organizations (slug, name) VALUES ($1, 'First')", [slugs[0]]);
        assert.equal(await countOrgs(tx, slugs), 1, "the insert is visible inside the transaction");
        throw new Error("injected failure");
      }),
      /injected failure/,
    );
    assert.equal(await countOrgs(t.db, slugs), 0);
  });

  it("commits when the callback returns, and returns its value", async () => {
    const slug = uniqueSlug();
    const id = await t.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "INSERT INTO organizations (slug, name) VALUES ($1, 'A') RETURNING id",
        [slug],
      );
      return rows[0]!.id;
    });
    assert.match(id, /^org_[0-9a-f]{32}$/);
    assert.equal(await countOrgs(t.db, [slug]), 1);
  });

  it("refuses to commit when a failed statement's error was swallowed", async () => {
    const slug = uniqueSlug();
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO organizations (slug, name) VALUES ($1, 'A')", [slug]);
        await tx
          .query("INSERT INTO organizations (slug, name) VALUES ($1, 'B')", [slug])
          .catch(() => undefined);
      }),
      /rolled back/,
    );
    assert.equal(await countOrgs(t.db, [slug]), 0);
  });

  it("throws when the database is used inside its own transaction, and when a transaction is used after it ended", async () => {
    let leaked: Transaction | null = null;
    await assert.rejects(
      t.db.transaction(async (tx) => {
        leaked = tx;
        assert.equal(isOpenTransaction(tx), true);
        await t.db.query("SELECT 1");
      }),
      /pass the transaction/,
    );
    assert.equal(isOpenTransaction(leaked), false);
    await assert.rejects(leaked!.query("SELECT 1"), /already ended/);
    assert.equal(isOpenTransaction(t.db), false);
  });

  it("reads the same value types on both engines", async () => {
    const { rows } = await t.db.query(
      `SELECT 9007199254740991::int8 AS big, 42::int4 AS int, 1.50::numeric AS num, true AS yes, '{"b":1,"a":[2]}'::jsonb AS doc,
              DATE '2025-01-31' AS day, TIMESTAMP '2025-01-31 10:00:00' AS local, TIMESTAMPTZ '2025-01-31 10:00:00Z' AS instant, NULL::text AS nothing`,
    );
    assert.deepEqual(rows[0], {
      big: 9007199254740991,
      int: 42,
      num: "1.50",
      yes: true,
      doc: { a: [2], b: 1 },
      day: "2025-01-31",
      local: "2025-01-31 10:00:00",
      instant: new Date("2025-01-31T10:00:00Z"),
      nothing: null,
    });
    await assert.rejects(t.db.query("SELECT 9007199254740993::int8 AS big"), /does not fit/);
  });

  it("scans in batches of text cells, in a snapshot, and can stop early", async () => {
    const batches: (string | null)[][][] = [];
    for await (const batch of t.db.scan(
      "SELECT g, g % 2 = 0, NULL FROM generate_series(1, $1::int) g ORDER BY g",
      [25],
      { batchSize: 10 },
    )) {
      batches.push(batch);
    }
    assert.deepEqual(
      batches.map((b) => b.length),
      [10, 10, 5],
    );
    assert.deepEqual(batches[2]!.at(-1), ["25", "f", null]);

    let seen = 0;
    for await (const batch of t.db.scan("SELECT g FROM generate_series(1, 100) g", [], { batchSize: 7 })) {
      seen += batch.length;
      if (seen >= 14) break;
    }
    assert.equal(seen, 14);
    assert.equal(
      (await t.db.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one,
      1,
      "the connection is free again",
    );

    const inside = await t.db.transaction(async (tx) => {
      let rows = 0;
      for await (const batch of tx.scan("SELECT g FROM generate_series(1, 30) g", [], { batchSize: 8 }))
        rows += batch.length;
      return rows;
    });
    assert.equal(inside, 30);
  });

  it("keeps concurrent transactions apart", async () => {
    const slugs = Array.from({ length: 8 }, () => uniqueSlug());
    await Promise.all(
      slugs.map((slug) =>
        t.db.transaction((tx) => tx.query("INSERT INTO organizations (slug, name) VALUES ($1, 'C')", [slug])),
      ),
    );
    assert.equal(await countOrgs(t.db, slugs), 8);
  });
});
