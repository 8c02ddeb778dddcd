import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { AppointmentResolver, CaseAppointmentsResolver, PersonAppointmentsResolver } from "./appointment/appointment.resolver.js";
import { AssignmentResolver } from "./case/assignment.resolver.js";
import { CaseResolver } from "./case/case.resolver.js";
import { ConsentResolver } from "./consent/consent.resolver.js";
import { CustodyResolver, ThreatRelationResolver } from "./household/household.resolver.js";
import { MeResolver } from "./me/me.resolver.js";
import { personReference } from "./person/person.reference.js";
import { PersonResolver } from "./person/person.resolver.js";
import { ProtectionResolver } from "./person/protection.resolver.js";
import { QuarantineResolver } from "./person/quarantine.resolver.js";

export function buildSocialServicesSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({
    ...options,
    resolvers: [PersonResolver, MeResolver, ProtectionResolver, QuarantineResolver, CaseResolver, AssignmentResolver, ConsentResolver, AppointmentResolver, CaseAppointmentsResolver, PersonAppointmentsResolver, CustodyResolver, ThreatRelationResolver],
    referenceResolvers: { Person: personReference },
  });
}
