import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { engine, FILTERS, withSchema } from "./engine.mjs";
const mode = process.argv[2]; // "info" | "searchpath" | "both" | "none"
const schema = "housing";
const dm = { path: "fixture.prisma", content: await readFile("fixture.prisma", "utf8") };
const pg = new PGlite();
await pg.exec(`CREATE SCHEMA ${schema}`);
if (mode === "searchpath" || mode === "both") await pg.exec(`SET search_path TO ${schema}`);
let f = new PrismaPGlite(pg);
if (mode === "info" || mode === "both") f = withSchema(f, schema);
const e = await engine(dm, f, () => {});
const d = await e.diff({ from: { tag: "empty" }, to: { tag: "schemaDatamodel", files: [dm] }, script: true, exitCode: null, filters: FILTERS });
console.log("INITIAL SQL:\n" + d.stdout);
const migrationsList = { baseDir: "/x", shadowDbInitScript: "", lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
  migrationDirectories: [{ path: "20260101000000_init", migrationFile: { path: "migration.sql", content: { tag: "ok", value: d.stdout } } }] };
try {
  const r = await e.applyMigrations({ migrationsList, filters: FILTERS });
  console.log("applied", r);
  const r2 = await e.applyMigrations({ migrationsList, filters: FILTERS });
  console.log("applied2", r2);
} catch (err) { console.log("APPLY ERR", err.message ?? err); }
console.log((await pg.query("select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog','information_schema') order by 1,2")).rows);
console.log((await pg.query("select n.nspname, t.typname from pg_type t join pg_namespace n on n.oid=t.typnamespace where t.typtype='e'")).rows);
try {
const d2 = await e.diff({ from: { tag: "schemaDatasource", files: [dm], configDir: "." }, to: { tag: "schemaDatamodel", files: [dm] }, script: true, exitCode: true, filters: FILTERS });
console.log("DIFF2", d2.exitCode, d2.stdout);
const dm3 = { path: dm.path, content: dm.content.replace("name   String", "name   String\n  size Int?\n  other Colour?") };
const e3 = await engine(dm3, f, () => {});
const d3 = await e3.diff({ from: { tag: "schemaDatasource", files: [dm3], configDir: "." }, to: { tag: "schemaDatamodel", files: [dm3] }, script: true, exitCode: true, filters: FILTERS });
console.log("DIFF3", d3.exitCode, d3.stdout);
} catch (err) { console.log("DIFF ERR", err.message ?? err); }
