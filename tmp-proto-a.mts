import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
const lite = new PGlite("memory://");
const r = await lite.query("select 1::int8 as a, 1.5::numeric as n, now() as t, '{\"b\":1,\"a\":2}'::jsonb as j, gen_random_uuid() as u, current_date as d, version() as v");
console.log(r.rows, r.fields);
await lite.query("begin");
await lite.query("declare c no scroll cursor for select g from generate_series(1, $1::int) g", [25]);
console.log((await lite.query("fetch 10 from c")).rows.length, (await lite.query("fetch 10 from c")).rows.length, (await lite.query("fetch 10 from c")).rows.length);
await lite.query("close c");
const c = await lite.query("commit"); console.log(c);
const pool = new pg.Pool({ connectionString: "postgres://postgres:postgres@127.0.0.1:5432/steward_test?options=-c%20search_path%3Dfoo" });
const cl = await pool.connect();
console.log((await cl.query("show search_path")).rows);
await cl.query("begin");
await cl.query("declare c no scroll cursor for select g from generate_series(1, $1::int) g", [25]);
console.log((await cl.query("fetch 10 from c")).rows.length);
await cl.query("select 1/0").catch(e => console.log("err", e.message));
const cm = await cl.query("commit"); console.log(cm.command);
cl.release(); await pool.end();
// speed: pglite 100k rows
await lite.exec("create table t (id bigserial primary key, o text, seq int8, at timestamptz(3), a text, b text, c text, d text, e text, ch jsonb, p text, h text)");
const t0 = performance.now();
await lite.query(`insert into t (o, seq, at, a,b,c,d,e,ch,p,h) select 'org_x', g, now(), 'user','usr_1','policy.published','policy','pol_1', jsonb_build_object('policyId','access-control','version',g,'contentHash',md5(g::text)), md5(g::text)||md5(g::text), md5(g::text)||md5(g::text) from generate_series(1,200000) g`);
console.log("insert", performance.now()-t0);
const t1 = performance.now(); let n=0;
for (let s = 0; s < 200000; s += 10000) { const res = await lite.query(`select id, seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, a,b,c,d,e,ch,p,h from t where o=$1 and seq > $2 order by seq limit 10000`, ['org_x', s]); n+=res.rows.length; }
console.log("read keyset", n, performance.now()-t1);
const t2 = performance.now(); n=0;
await lite.query("begin"); await lite.query(`declare c no scroll cursor for select id, seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, a,b,c,d,e,ch,p,h from t where o=$1 order by seq`, ['org_x']);
for(;;){ const res = await lite.query("fetch 10000 from c"); if (!res.rows.length) break; n+=res.rows.length;}
await lite.query("commit");
console.log("read cursor", n, performance.now()-t2);
const t3 = performance.now(); n=0;
await lite.query("begin"); await lite.query(`declare c no scroll cursor for select id, seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, a,b,c,d,e,ch,p,h from t where o=$1 order by seq`, ['org_x']);
for(;;){ const res = await lite.query("fetch 10000 from c", [], {rowMode: "array"}); if (!res.rows.length) break; n+=res.rows.length;}
await lite.query("commit");
console.log("read cursor arrays", n, performance.now()-t3);
