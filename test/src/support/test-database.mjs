// Plain JavaScript: global setup runs outside Jest's transform.
import pg from "pg";

/** The table the suite leaves in a database it created; its only row says so. */
export const MARKER_TABLE = "skyddsnat_test_database";

async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Whether the database holds anything: a table, a view, a sequence or a schema of its own. */
async function isEmpty(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%')::int AS relations,
            (SELECT count(*) FROM pg_namespace
               WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_%')::int AS schemas`,
  );
  return rows[0].relations === 0 && rows[0].schemas === 0;
}

const mark = (client) =>
  client.query(`CREATE TABLE public.${MARKER_TABLE} (created_at timestamptz NOT NULL DEFAULT now(), note text NOT NULL);
                INSERT INTO public.${MARKER_TABLE} (note) VALUES ('created by the Skyddsnät test suite, which resets every schema here')`);

/**
 * Makes sure the suite may reset the database at `url`: it is the suite's own (it carries the
 * marker table), or it does not exist yet (created here), or it is empty (nothing to lose); the
 * last two are marked. Any other database — one with data and no marker, such as the one
 * DATABASE_URL names for `npm start` — is refused before anything is dropped.
 */
export async function claimTestDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`TEST_DATABASE_URL must name a database (letters, digits, _ and -), not "${name}"`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  await withClient(maintenance.toString(), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
  await withClient(url, async (client) => {
    const { rows } = await client.query("SELECT to_regclass($1) IS NOT NULL AS marked", [`public.${MARKER_TABLE}`]);
    if (rows[0].marked) return;
    if (!(await isEmpty(client))) {
      throw new Error(
        `refusing to reset database "${name}": the test suite did not create it (no table public.${MARKER_TABLE}) and it is not empty. ` +
          "Point TEST_DATABASE_URL at a database that does not exist yet (the suite creates it) or at an empty one.",
      );
    }
    await mark(client);
  });
}
