import { type AgencyOptions, startAgency } from "@skyddsnat/subgraph-kit";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildPoliceLiaisonSchema } from "./schema.js";

export { buildPoliceLiaisonSchema as buildSchema } from "./schema.js";
export { PrismaClient };

export const policeLiaison = {
  name: "police-liaison",
  agency: "police-liaison",
  dbSchema: "police_liaison",
  packageUrl: import.meta.url,
  createClient: (adapter) => new PrismaClient({ adapter }),
  buildSchema: buildPoliceLiaisonSchema,
  createLoaders: (client) => createLoaders(client),
} as const satisfies Parameters<typeof startAgency<PrismaClient, ReturnType<typeof createLoaders>>>[0];

export function startPoliceLiaison(options: AgencyOptions) {
  return startAgency(policeLiaison, options);
}
