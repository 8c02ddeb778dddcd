import { fileURLToPath } from "node:url";
import { applyMigrations, connectDatabase, type DatabaseConfig, type Logger } from "@skyddsnat/platform";
import { FACTS_AUDIENCE, SUBJECT_FACTS_ROUTE } from "@skyddsnat/schema";
import { startAgencySubgraph } from "@skyddsnat/subgraph-kit";
import { loadSubjectFacts, parseFactsRequest } from "./facts/subject-facts.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildSocialServicesSchema } from "./schema.js";

export const NAME = "social-services";
export const DB_SCHEMA = "social_services";
const packageDir = fileURLToPath(new URL("..", import.meta.url));

export { buildSocialServicesSchema as buildSchema } from "./schema.js";
export { PrismaClient };

export interface SocialServicesOptions {
  database: Omit<DatabaseConfig, "schema">;
  gatewayJwks: { keys: object[] };
  logger: Logger;
  port?: number;
  /** Test-only: skip this subgraph's own enforcement (the gateway's guard must still hold). */
  enforce?: boolean;
}

/** Opens (and migrates) this agency's database; the seed and the server both start here. */
export async function openDatabase(database: Omit<DatabaseConfig, "schema">) {
  const db = await connectDatabase({ ...database, schema: DB_SCHEMA });
  await applyMigrations({
    db,
    migrationsDir: `${packageDir}prisma/migrations`,
    schemaPath: `${packageDir}prisma/schema.prisma`,
  });
  const prisma = new PrismaClient({ adapter: db.adapter });
  return { db, prisma };
}

export async function startSocialServices(options: SocialServicesOptions) {
  const { db, prisma } = await openDatabase(options.database);
  const running = await startAgencySubgraph(
    {
      name: NAME,
      agency: "social-services",
      schema: await buildSocialServicesSchema({ enforce: options.enforce ?? true }),
      gatewayJwks: options.gatewayJwks,
      logger: options.logger,
      createLoaders: () => ({ ...createLoaders(prisma), db: prisma }),
      facts: (ids) => loadSubjectFacts(prisma, ids),
      internalRoutes: {
        [`POST ${SUBJECT_FACTS_ROUTE}`]: {
          audience: FACTS_AUDIENCE,
          handle: (_claims, body) => loadSubjectFacts(prisma, parseFactsRequest(body)),
        },
      },
      ready: async () => {
        await prisma.$queryRaw`SELECT 1`;
      },
    },
    options.port ?? 4001,
  );
  return {
    ...running,
    prisma,
    async stop() {
      await running.stop();
      await prisma.$disconnect();
      await db.close();
    },
  };
}
