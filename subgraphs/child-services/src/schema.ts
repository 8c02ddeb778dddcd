import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { ChildCaseResolver } from "./child-case/child-case.resolver.js";
import { PersonResolver } from "./person/person.resolver.js";
import { Person, personReference } from "./person/person.type.js";
import { ConsultationResolver, PlacementResolver } from "./placement/placement.resolver.js";

export function buildChildServicesSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({
    ...options,
    resolvers: [PersonResolver, ChildCaseResolver, PlacementResolver, ConsultationResolver],
    // Person may be reachable only through the fields added here: emit it regardless.
    orphanedTypes: [Person],
    referenceResolvers: { Person: personReference },
  });
}
