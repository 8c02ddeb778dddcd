import pg from "pg";
import { TEST_DATABASE_URL } from "./database-url.mjs";

/** Direct SQL against the hub's test database, to prove what was (not) written. */
export async function countRows(schema: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`);
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}
