import { fileURLToPath } from "node:url";
import {
  applyMigrations,
  connectDatabase,
  countFactsLookups,
  type Database,
  type DatabaseConfig,
  grantRuntimeRole,
  type Logger,
  PendingMigrationsError,
  pendingMigrations,
  observeBreaker,
  observeFactsFeed,
  resetSchema,
} from "@skyddsnat/platform";
import { type Agency, type FactsCacheTimes, type InternalClaims, remoteFacts, type SubjectFacts } from "@skyddsnat/schema";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { GraphQLSchema } from "graphql";
import { ownFacts } from "./owned-facts.js";
import { openRowReader, type RowReader } from "./rows.js";
import { type AgencySubgraphOptions, type RunningSubgraph, startAgencySubgraph } from "./subgraph-server.js";

interface PrismaLike {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/** What one agency's package declares; the kit does the rest the same way for all four. */
export interface AgencyDefinition<Client extends PrismaLike, Loaders> {
  name: string;
  agency: Agency;
  /** Postgres schema of the agency's tables on a shared server. */
  dbSchema: string;
  /** `import.meta.url` of the package's index: migrations are found beside it. */
  packageUrl: string;
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => Client;
  buildSchema: (options: { enforce?: boolean }) => Promise<GraphQLSchema>;
  /** `rows`: the read path for the loaders every client view runs (rows.ts); the rest use the client. */
  createLoaders: (client: Client, claims: InternalClaims, rows: RowReader) => Loaders;
  /**
   * Social services reads facts from its own tables and publishes a change feed; the others ask
   * it over HTTP and follow that feed.
   */
  loadFacts?: (client: Client) => (subjectIds: readonly string[]) => Promise<SubjectFacts[]>;
  internalRoutes?: (client: Client) => AgencySubgraphOptions<Loaders>["internalRoutes"];
}

export interface AgencyOptions {
  database: Omit<DatabaseConfig, "schema">;
  gatewayJwks: { keys: object[] };
  logger: Logger;
  port?: number;
  /** The address to listen on: loopback (default) when the gateway runs in the same process,
   * 0.0.0.0 in a container of its own. */
  host?: string;
  reset?: boolean;
  /** Test-only: skip this subgraph's own enforcement (the gateway's guard must still hold). */
  enforce?: boolean;
  /** Social services' URL, for the facts route (all but social services). */
  factsUrl?: string;
  /** How long policy facts may be reused (FACTS_CACHE_MS, FACTS_FOLLOWED_CACHE_MS); default the contract's. */
  factsCache?: Partial<FactsCacheTimes>;
  /** `at-start` (default) applies the migrations first; `never` refuses to start while one is pending. */
  migrate?: "at-start" | "never";
}

/**
 * Connects, optionally empties, and migrates the agency's database with its checked-in
 * migrations — or, with `migrate: "never"` (a runtime login without DDL rights), only checks
 * that they have all been applied.
 */
export async function openAgencyDatabase<Client extends PrismaLike>(
  definition: Pick<AgencyDefinition<Client, unknown>, "dbSchema" | "packageUrl" | "createClient">,
  database: Omit<DatabaseConfig, "schema">,
  options: { reset?: boolean; migrate?: "at-start" | "never" } = {},
): Promise<{ db: Database; client: Client }> {
  const packageDir = fileURLToPath(new URL("..", definition.packageUrl));
  const migrationsDir = `${packageDir}prisma/migrations`;
  const db = await connectDatabase({ ...database, schema: definition.dbSchema, createSchema: options.migrate !== "never" });
  try {
    if (options.migrate === "never") {
      const pending = await pendingMigrations({ db, migrationsDir });
      if (pending.length > 0) throw new PendingMigrationsError(pending);
    } else {
      if (options.reset) await resetSchema(db);
      await applyMigrations({ db, migrationsDir, schemaPath: `${packageDir}prisma/schema.prisma` });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, client: definition.createClient(db.adapter) };
}

/**
 * The release's migration step for one agency (MIGRATE=only): applies its migrations under the
 * schema owner's login and, if named, grants the runtime role DML on the schema and nothing more.
 */
export async function migrateAgency(
  definition: Pick<AgencyDefinition<PrismaLike, unknown>, "dbSchema" | "packageUrl" | "createClient">,
  database: Omit<DatabaseConfig, "schema">,
  runtimeRole?: string,
): Promise<void> {
  const { db, client } = await openAgencyDatabase(definition, database);
  try {
    if (runtimeRole) await grantRuntimeRole(db, runtimeRole);
  } finally {
    await client.$disconnect();
    await db.close();
  }
}

export async function startAgency<Client extends PrismaLike, Loaders>(
  definition: AgencyDefinition<Client, Loaders>,
  options: AgencyOptions,
): Promise<RunningSubgraph & { prisma: Client }> {
  const { db, client } = await openAgencyDatabase(definition, options.database, { reset: options.reset ?? false, migrate: options.migrate ?? "at-start" });
  // What is open so far, closed again (last first) if the start fails further on, a port already
  // taken say: a caller that goes on, or retries, must not find the pools, listener and feed running.
  const closers: (() => unknown)[] = [() => db.close(), () => client.$disconnect()];
  try {
    const rows = await openRowReader(db.adapter, db.schema);
    closers.push(() => rows.close());
    const cache = options.factsCache ?? {};
    const observeLookups = (hits: number, misses: number) => countFactsLookups(definition.name, hits, misses);
    const owner = definition.loadFacts ? ownFacts(definition.loadFacts(client), db.notifications, options.logger, cache, observeLookups) : undefined;
    if (owner) closers.push(() => owner.close());
    const remote = !owner && options.factsUrl ? remoteFacts(options.factsUrl, { ...cache, observeLookups }) : undefined;
    if (remote) {
      closers.push(() => remote.close?.());
      observeFactsFeed(definition.name, remote.following);
      observeBreaker(definition.name, "facts", remote.breaker.state);
    }
    const facts = owner?.facts ?? remote;
    if (!facts) throw new Error(`${definition.name}: no source of subject facts (factsUrl missing)`);
    const running = await startAgencySubgraph(
      {
        name: definition.name,
        agency: definition.agency,
        schema: await definition.buildSchema({ enforce: options.enforce ?? true }),
        gatewayJwks: options.gatewayJwks,
        logger: options.logger,
        createLoaders: (claims) => definition.createLoaders(client, claims, rows),
        facts,
        ...(owner ? { factsFeed: owner.feed, onMutation: owner.changed } : {}),
        ...(definition.internalRoutes ? { internalRoutes: definition.internalRoutes(client) } : {}),
        ready: async () => {
          await client.$queryRawUnsafe("SELECT 1");
        },
      },
      options.port ?? 0,
      options.host,
    );
    return {
      ...running,
      prisma: client,
      async stop() {
        await owner?.close();
        await running.stop();
        await rows.close();
        await client.$disconnect();
        await db.close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await Promise.resolve().then(close).catch(() => undefined);
    throw error;
  }
}
