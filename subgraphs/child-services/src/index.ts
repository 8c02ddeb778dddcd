import { type AgencyOptions, startAgency } from "@skyddsnat/subgraph-kit";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildChildServicesSchema } from "./schema.js";

export { buildChildServicesSchema as buildSchema } from "./schema.js";
export { PrismaClient };

export const childServices = {
  name: "child-services",
  agency: "child-services",
  dbSchema: "child_services",
  packageUrl: import.meta.url,
  createClient: (adapter) => new PrismaClient({ adapter }),
  buildSchema: buildChildServicesSchema,
  createLoaders: (client, _claims, rows) => createLoaders(client, rows),
} as const satisfies Parameters<typeof startAgency<PrismaClient, ReturnType<typeof createLoaders>>>[0];

export function startChildServices(options: AgencyOptions) {
  return startAgency(childServices, options);
}
