import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Database, Notifications } from "./database.js";
import { assertIdentifier } from "./identifier.js";
import { toDriverAdapterError } from "./driver-error.js";
import { bindToSchema } from "./schema-bound-adapter.js";

interface PostgresOptions {
  url: string;
  schema: string;
  poolSize: number;
  /** Act as this role on every connection (e.g. the audit writer, which may only append). */
  role?: string | undefined;
  createSchema: boolean;
}

// SQLSTATEs of a CREATE SCHEMA that lost a race with another process's.
const SCHEMA_CREATED_CONCURRENTLY = new Set(["42P06", "23505"]);

function createPool(options: PostgresOptions, max: number): pg.Pool {
  // Startup parameters, so they hold on every connection the pool ever opens. search_path:
  // migration SQL names no schema, so this is where it lands.
  const role = options.role ? ` -c role=${options.role}` : "";
  const pool = new pg.Pool({ connectionString: options.url, max, options: `-c search_path=${options.schema}${role}` });
  pool.on("error", () => {
    // An idle client lost its server; the pool replaces it. Queries in flight still fail loudly.
  });
  return pool;
}

function adapterFor(pool: pg.Pool, schema: string) {
  return bindToSchema(new PrismaPg(pool, { schema }), {
    schema,
    executeScript: async (script) => {
      // No parameters → pg's simple query protocol: the whole script in one implicit transaction.
      await pool.query(script).catch(toDriverAdapterError);
    },
  });
}

/** Creates the schema only when missing: CREATE SCHEMA IF NOT EXISTS needs the right to create
 * schemas even when it has nothing to do, which a restricted role (the audit writer) lacks. */
async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  const { rowCount } = await pool.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (rowCount) return;
  await pool.query(`CREATE SCHEMA "${schema}"`).catch((error: { code?: string }) => {
    if (!SCHEMA_CREATED_CONCURRENTLY.has(error.code ?? "")) throw error;
  });
}

/** Before a lost listener connects again. */
const RELISTEN_MS = 1000;

function notificationsOn(pool: pg.Pool, url: string): Notifications {
  return {
    notify: async (channel) => {
      assertIdentifier(channel, "channel");
      await pool.query("SELECT pg_notify($1, '')", [channel]);
    },
    listen: (channel, onEvent) => {
      assertIdentifier(channel, "channel");
      let closed = false;
      let current: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;
      const lost = (client: pg.Client) => {
        if (current !== client) return;
        current = undefined;
        client.end().catch(() => {});
        onEvent("lost");
        if (closed) return;
        retry = setTimeout(connect, RELISTEN_MS);
        retry.unref();
      };
      // A client of its own, outside the pool: LISTEN belongs to one session for its lifetime.
      const connect = async () => {
        const client = new pg.Client({ connectionString: url });
        current = client;
        client.on("notification", (message) => {
          if (message.channel === channel && current === client) onEvent("notified");
        });
        client.on("error", () => lost(client));
        client.on("end", () => lost(client));
        try {
          await client.connect();
          await client.query(`LISTEN "${channel}"`);
          if (current === client) onEvent("listening");
        } catch {
          lost(client);
        }
      };
      void connect();
      return {
        close: async () => {
          closed = true;
          clearTimeout(retry);
          const client = current;
          current = undefined;
          await client?.end().catch(() => {});
        },
      };
    },
  };
}

export async function connectPostgres(options: PostgresOptions): Promise<Database> {
  const pool = createPool(options, options.poolSize);
  try {
    if (options.createSchema) await ensureSchema(pool, options.schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: "postgres",
    schema: options.schema,
    adapter: adapterFor(pool, options.schema),
    withDedicatedConnection: async (work) => {
      const own = createPool(options, 1);
      try {
        return await work(adapterFor(own, options.schema));
      } finally {
        await own.end();
      }
    },
    execute: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    notifications: notificationsOn(pool, options.url),
    close: () => pool.end(),
  };
}
