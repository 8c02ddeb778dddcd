import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readFile } from "node:fs/promises";
import { engine, FILTERS, withSchema } from "./engine.mjs";
process.on("unhandledRejection", (e) => console.log("UNHANDLED", e.message));
const [backend, bad] = process.argv.slice(2);
const schema = "exp3";
let f, close;
if (backend === "pglite") { const db = new PGlite(); await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`); f = withSchema(new PrismaPGlite(db), schema); close = () => db.close(); }
else { const pool = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/test", options: `-c search_path=${schema}` }); await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`); f = new PrismaPg(pool, { schema }); close = async () => { await pool.query(`DROP SCHEMA ${schema} CASCADE`); await pool.end(); }; }
const inner = f;
f = { provider: inner.provider, adapterName: inner.adapterName, connectToShadowDb: () => inner.connectToShadowDb(), async connect() {
  const a = await inner.connect();
  return new Proxy(a, { get(t, p) { const v = Reflect.get(t, p); if (typeof v === "function") return (...args) => { console.log("CALL", String(p), JSON.stringify(args[0])?.slice(0, 100)); return v.apply(t, args); }; return v; } });
} };
const dm = { path: "fixture.prisma", content: await readFile("fixture.prisma", "utf8") };
const e = await engine(dm, f, (m) => console.log("LOG", m.slice(0, 200)));
const sql1 = `CREATE TABLE "A" (id int primary key, note text default 'x;y');`;
const sql2 = bad ? `CREATE TABLE "B" (id int primary key);\nCREATE TABLE "A" (id int);` : `CREATE TABLE "B" (id int);`;
const ml = (dirs) => ({ baseDir: "/x", shadowDbInitScript: "", lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
  migrationDirectories: dirs.map(([p, s]) => ({ path: p, migrationFile: { path: "migration.sql", content: { tag: "ok", value: s } } })) });
try { console.log("R", await e.applyMigrations({ migrationsList: ml([["1_a", sql1], ["2_b", sql2]]), filters: FILTERS })); } catch (err) { console.log("ERR", String(err.message ?? err).slice(0, 400)); }
await new Promise((r) => setTimeout(r, 200));
try { console.log("R again", await e.applyMigrations({ migrationsList: ml([["1_a", sql1], ["2_b", sql2]]), filters: FILTERS })); } catch (err) { console.log("ERR2", String(err.message ?? err).slice(0, 300)); }
await close();
