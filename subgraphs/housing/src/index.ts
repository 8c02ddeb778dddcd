import { type AgencyOptions, startAgency } from "@skyddsnat/subgraph-kit";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildHousingSchema } from "./schema.js";

export { buildHousingSchema as buildSchema } from "./schema.js";
export { PrismaClient };

export const housing = {
  name: "housing",
  agency: "housing",
  dbSchema: "housing",
  packageUrl: import.meta.url,
  createClient: (adapter) => new PrismaClient({ adapter }),
  buildSchema: buildHousingSchema,
  createLoaders: (client) => createLoaders(client),
} as const satisfies Parameters<typeof startAgency<PrismaClient, ReturnType<typeof createLoaders>>>[0];

export function startHousing(options: AgencyOptions) {
  return startAgency(housing, options);
}
