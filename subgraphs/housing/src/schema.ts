import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { ApplicationResolver } from "./application/application.resolver.js";
import { personReference } from "./person/person.reference.js";
import { PersonResolver } from "./person/person.resolver.js";
import { Person } from "./person/person.type.js";
import { TenancyResolver } from "./tenancy/tenancy.resolver.js";

export function buildHousingSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({
    ...options,
    resolvers: [PersonResolver, ApplicationResolver, TenancyResolver],
    // No query here returns a Person; without this the entity would be left out of the SDL.
    orphanedTypes: [Person],
    referenceResolvers: { Person: personReference },
  });
}
