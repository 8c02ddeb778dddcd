import { SUBGRAPHS } from "@skyddsnat/schema";
import { type AgencyOptions, startAgency } from "@skyddsnat/subgraph-kit";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildPoliceLiaisonSchema } from "./schema.js";

export { buildPoliceLiaisonSchema as buildSchema } from "./schema.js";
export { PrismaClient };

/** 4003: the hub's port table in @skyddsnat/schema is the one source. */
const DEFAULT_PORT = SUBGRAPHS.find((subgraph) => subgraph.name === "police-liaison")?.port ?? 4003;

export const policeLiaison = {
  name: "police-liaison",
  agency: "police-liaison",
  dbSchema: "police_liaison",
  packageUrl: import.meta.url,
  createClient: (adapter) => new PrismaClient({ adapter }),
  buildSchema: buildPoliceLiaisonSchema,
  createLoaders: (client, _claims, rows) => ({ ...createLoaders(client, rows), db: client }),
} as const satisfies Parameters<typeof startAgency<PrismaClient, ReturnType<typeof createLoaders> & { db: PrismaClient }>>[0];

/** Connects, applies prisma/migrations, and serves the subgraph (port 0 picks a free one). */
export function startPoliceLiaison(options: AgencyOptions) {
  return startAgency(policeLiaison, { ...options, port: options.port ?? DEFAULT_PORT });
}
