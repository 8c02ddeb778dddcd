import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { IncidentResolver } from "./incident/incident.resolver.js";
import { PersonResolver } from "./person/person.resolver.js";
import { Person, personReference } from "./person/person.type.js";
import { RestrainingOrderResolver } from "./restraining-order/restraining-order.resolver.js";
import { ThreatAssessmentResolver } from "./threat-assessment/threat-assessment.resolver.js";

export function buildPoliceLiaisonSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({
    ...options,
    resolvers: [PersonResolver, IncidentResolver, RestrainingOrderResolver, ThreatAssessmentResolver],
    // Person may be reachable only through the fields added here: emit it regardless.
    orphanedTypes: [Person],
    referenceResolvers: { Person: personReference },
  });
}
