import { cachedFacts, FACTS_AUDIENCE, factsFollowedCacheMs, SUBJECT_FACTS_ROUTE } from "@skyddsnat/schema";
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
  createLoaders: (client) => ({ ...createLoaders(client), db: client }),
  // Social services owns the facts the policy decides on: it reads them from its own tables and
  // serves them to the gateway and the other subgraphs. Its copies are dropped whenever one of
  // its mutations runs, the same moment its change feed tells the others to drop theirs.
  facts: (client) => cachedFacts((ids) => loadSubjectFacts(client, ids), factsFollowedCacheMs()),
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
