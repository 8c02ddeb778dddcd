import { describe, expect, test } from "@jest/globals";
import { fileURLToPath } from "node:url";
import { applyMigrations, connectDatabase, diffSchemaAgainstMigrations, resetSchema } from "@skyddsnat/platform";
import { SUBGRAPHS } from "@skyddsnat/schema";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";

const prismaDir = (name: string) => fileURLToPath(new URL(`../../subgraphs/${name}/prisma`, import.meta.url));

describe.each(SUBGRAPHS.map((s) => s.name))("%s migrations", (name) => {
  const schemaPath = `${prismaDir(name)}/schema.prisma`;
  const migrationsDir = `${prismaDir(name)}/migrations`;

  test("schema.prisma and the checked-in migrations agree (else: npm run migration:new -- <pkg> <name>)", async () => {
    const { inSync, sql } = await diffSchemaAgainstMigrations({ schemaPath, migrationsDir });
    expect(sql).toBe("-- This is an empty migration.\n");
    expect(inSync).toBe(true);
  });

  test.each(["pglite", "postgres"] as const)("the same migrations apply on %s, once", async (kind) => {
    const db = await connectDatabase({ ...(kind === "postgres" ? { url: TEST_DATABASE_URL } : {}), schema: `mig_check_${name.replace("-", "_")}` });
    try {
      await resetSchema(db);
      const first = await applyMigrations({ db, migrationsDir, schemaPath });
      expect(first.length).toBeGreaterThan(0);
      expect(await applyMigrations({ db, migrationsDir, schemaPath })).toEqual([]);
      const [row] = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = '_prisma_migrations'",
        [db.schema],
      );
      expect(row?.n).toBe(1);
    } finally {
      if (kind === "postgres") await db.execute(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
      await db.close();
    }
  });
});
