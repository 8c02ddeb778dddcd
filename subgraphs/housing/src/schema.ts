import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { ApplicationResolver } from "./application/application.resolver.js";
import { PersonResolver } from "./person/person.resolver.js";
import { Person, personReference } from "./person/person.type.js";
import { TenancyResolver } from "./tenancy/tenancy.resolver.js";

export function buildHousingSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({
    ...options,
    resolvers: [PersonResolver, ApplicationResolver, TenancyResolver],
    // Person may be reachable only through the fields added here: emit it regardless.
    orphanedTypes: [Person],
    referenceResolvers: { Person: personReference },
  });
}
