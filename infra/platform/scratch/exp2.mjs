import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../../subgraphs/housing/dist/generated/prisma/client.js";
import { withSchema } from "./engine.mjs";
const [backend, sp, info] = process.argv.slice(2);
const schema = "exp_housing";
const sql = await readFile((await import("node:fs")).readdirSync("../../../subgraphs/housing/prisma/migrations").filter(d=>d.match(/^\d/)).map(d=>`../../../subgraphs/housing/prisma/migrations/${d}/migration.sql`)[0], "utf8");
let adapter, raw, close;
if (backend === "pglite") {
  const db = new PGlite();
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
  await db.exec(sql);
  if (sp !== "sp") await db.exec(`SET search_path TO public`);
  adapter = new PrismaPGlite(db);
  if (info === "info") adapter = withSchema(adapter, schema);
  raw = (q) => db.query(q); close = () => db.close();
} else {
  const admin = new pg.Client("postgres://postgres@127.0.0.1:5432/test"); await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
  await admin.query(sql); await admin.end();
  const pool = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/test", ...(sp === "sp" ? { options: `-c search_path=${schema}` } : {}) });
  adapter = new PrismaPg(pool, info === "info" ? { schema } : undefined);
  raw = (q) => pool.query(q); close = async () => { await pool.query(`DROP SCHEMA ${schema} CASCADE`); await pool.end(); };
}
const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
client.$on("query", (e) => console.log("Q", e.query.slice(0, 160)));
try {
  await client.flat.create({ data: { id: "f1", streetAddress: "a", postalCode: "1", city: "c", rooms: 2, landlord: "l", tenancies: { create: { id: "t1", personId: "p", administratorId: "x", startsOn: new Date("2026-01-01") } } } });
  await client.housingApplication.create({ data: { id: "a1", personId: "p", urgency: "HIGH", requestedArea: "x", householdSize: 2, handlerId: "h" } });
  console.log(await client.housingApplication.findMany({ where: { urgency: { in: ["HIGH", "ACUTE"] } } }));
  console.log(await client.flat.findMany({ include: { tenancies: true } }));
  console.log(await client.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "Flat"`));
} catch (e) { console.log("ERR", e.message.split("\n").slice(-3).join(" | ")); }
await client.$disconnect(); await close();
