import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { IncidentResolver } from "./incident/incident.resolver.js";
import { personReference } from "./person/person.reference.js";
import { PersonResolver } from "./person/person.resolver.js";
import { Person } from "./person/person.type.js";
import { RestrainingOrderResolver } from "./restraining-order/restraining-order.resolver.js";
import { ThreatAssessmentResolver } from "./threat-assessment/threat-assessment.resolver.js";

export function buildPoliceLiaisonSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({
    ...options,
    resolvers: [PersonResolver, IncidentResolver, RestrainingOrderResolver, ThreatAssessmentResolver],
    // Person is the federated entity; emit it even where only its added fields reach it.
    orphanedTypes: [Person],
    referenceResolvers: { Person: personReference },
  });
}
