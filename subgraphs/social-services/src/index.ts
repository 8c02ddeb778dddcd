import { FACTS_AUDIENCE, SUBJECT_FACTS_ROUTE } from "@skyddsnat/schema";
import { type AgencyOptions, startAgency } from "@skyddsnat/subgraph-kit";
import { loadSubjectFacts, parseFactsRequest } from "./facts/subject-facts.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildSocialServicesSchema } from "./schema.js";

export { buildSocialServicesSchema as buildSchema } from "./schema.js";
export { PrismaClient };

export const socialServices = {
  name: "social-services",
  agency: "social-services",
  dbSchema: "social_services",
  packageUrl: import.meta.url,
  createClient: (adapter) => new PrismaClient({ adapter }),
  buildSchema: buildSocialServicesSchema,
  createLoaders: (client, _claims, rows) => ({ ...createLoaders(client, rows), db: client }),
  // Social services owns the facts the policy decides on: it reads them from its own tables and
  // serves them to the gateway and the other subgraphs (the kit keeps its copies and runs the
  // change feed that tells the others when to drop theirs).
  loadFacts: (client) => (ids) => loadSubjectFacts(client, ids),
  internalRoutes: (client) => ({
    [`POST ${SUBJECT_FACTS_ROUTE}`]: {
      audience: FACTS_AUDIENCE,
      handle: (_claims, body) => loadSubjectFacts(client, parseFactsRequest(body)),
    },
  }),
} as const satisfies Parameters<typeof startAgency<PrismaClient, ReturnType<typeof createLoaders> & { db: PrismaClient }>>[0];

export function startSocialServices(options: AgencyOptions) {
  return startAgency(socialServices, options);
}
