import { openDatabase } from "../src/db/index.ts";
import { createStore } from "../test/support/databases.ts";
import { assertChainValid, seedOrganization } from "./seed.ts";
for (const engine of ["pglite", "postgres"] as const) {
  const store = await createStore(engine, "postgres://postgres:postgres@127.0.0.1:5432/steward_test");
  const db = await openDatabase(store.options);
  let t = performance.now();
  const s = await seedOrganization(db, { members: 1000, events: 100_000 });
  console.log(engine, "seed", (performance.now() - t).toFixed(0), JSON.stringify({ ...s, memberWith: undefined }), s.memberWith);
  t = performance.now();
  await assertChainValid(db, s);
  console.log("verify", (performance.now() - t).toFixed(0));
  await db.close(); await store.dispose();
}
