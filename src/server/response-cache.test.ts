import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { createResponseCache } from "./response-cache.ts";

/** A computation that counts its runs and answers `body`. */
function counted(body: string) {
  const run = { count: 0, compute: () => ((run.count += 1), Promise.resolve(body)) };
  return run;
}

describe("response cache", () => {
  it("reuses an answer at the same version within its lifetime, and only then", async () => {
    const cache = createResponseCache({ maxBytes: 1_000_000, ttlMs: 5_000 });
    const first = counted("one");
    assert.equal(await cache.through("k", 7, 0, first.compute), "one");
    assert.equal(await cache.through("k", 7, 4_999, first.compute), "one");
    assert.equal(first.count, 1);

    const changed = counted("two");
    assert.equal(await cache.through("k", 8, 5_000, changed.compute), "two", "a new version recomputes");
    assert.equal(
      await cache.through("k", 8, 10_000, changed.compute),
      "two",
      "so does the end of the lifetime",
    );
    assert.equal(changed.count, 2);
    assert.equal(
      await cache.through("other", 8, 10_000, counted("three").compute),
      "three",
      "keys are separate",
    );
  });

  it("runs one computation for concurrent callers, and keeps no failure", async () => {
    const cache = createResponseCache({ maxBytes: 1_000_000, ttlMs: 5_000 });
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      runs += 1;
      await gate;
      return "body";
    };
    const answers = Promise.all([1, 2, 3].map(() => cache.through("k", 1, 0, slow)));
    release();
    assert.deepEqual(await answers, ["body", "body", "body"]);
    assert.equal(runs, 1);

    const failing = () => Promise.reject(new Error("database went away"));
    await assert.rejects(cache.through("f", 1, 0, failing), /went away/);
    assert.equal(await cache.through("f", 1, 0, counted("recovered").compute), "recovered");
  });

  it("stays within its byte budget, dropping the least recently used answers", async () => {
    const body = "x".repeat(100);
    const cache = createResponseCache({ maxBytes: 2 * (3 * (1 + body.length)), ttlMs: 60_000 });
    for (const key of ["a", "b", "c"]) await cache.through(key, 1, 0, counted(body).compute);
    await cache.through("a", 1, 0, counted("unused").compute); // a is now the most recent
    await cache.through("d", 1, 0, counted(body).compute); // evicts b
    assert.ok(cache.bytes <= 2 * (3 * (1 + body.length)));
    const b = counted(body);
    await cache.through("b", 1, 0, b.compute);
    assert.equal(b.count, 1, "b was dropped");
    const a = counted(body);
    await cache.through("d", 1, 0, a.compute);
    assert.equal(a.count, 0, "d was kept");
    const huge = counted("y".repeat(10_000));
    assert.equal(
      (await cache.through("huge", 1, 0, huge.compute)).length,
      10_000,
      "too big to keep, still answered",
    );
    assert.ok(cache.bytes <= 2 * (3 * (1 + body.length)));
  });
});
