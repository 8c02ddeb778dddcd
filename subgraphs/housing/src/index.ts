import { SUBGRAPHS } from "@skyddsnat/schema";
import { type AgencyOptions, startAgency } from "@skyddsnat/subgraph-kit";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildHousingSchema } from "./schema.js";

export { buildHousingSchema as buildSchema } from "./schema.js";
export { PrismaClient };

/** 4002: the hub's port table in @skyddsnat/schema is the one source. */
const DEFAULT_PORT = SUBGRAPHS.find((subgraph) => subgraph.name === "housing")?.port ?? 4002;

export const housing = {
  name: "housing",
  agency: "housing",
  dbSchema: "housing",
  packageUrl: import.meta.url,
  createClient: (adapter) => new PrismaClient({ adapter }),
  buildSchema: buildHousingSchema,
  createLoaders: (client, _claims, rows) => ({ ...createLoaders(client, rows), db: client }),
} as const satisfies Parameters<typeof startAgency<PrismaClient, ReturnType<typeof createLoaders> & { db: PrismaClient }>>[0];

/** Connects, applies prisma/migrations, and serves the subgraph (port 0 picks a free one). */
export function startHousing(options: AgencyOptions) {
  return startAgency(housing, { ...options, port: options.port ?? DEFAULT_PORT });
}
