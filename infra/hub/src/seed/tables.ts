import type { Prisma as ChildServices } from "@skyddsnat/child-services/prisma";
import type { Prisma as Housing } from "@skyddsnat/housing/prisma";
import type { Prisma as PoliceLiaison } from "@skyddsnat/police-liaison/prisma";
import type { Prisma as SocialServices } from "@skyddsnat/social-services/prisma";

/**
 * The rows of the four agency databases, grouped by subgraph and typed with each subgraph's own
 * generated `CreateManyInput`, so a schema change that the seed does not follow fails to compile.
 * Only types are imported from the clients: building the population needs no database and no
 * Prisma runtime.
 */
export interface SeedTables {
  socialServices: {
    persons: SocialServices.PersonCreateManyInput[];
    households: SocialServices.HouseholdCreateManyInput[];
    householdMemberships: SocialServices.HouseholdMembershipCreateManyInput[];
    custodies: SocialServices.CustodyCreateManyInput[];
    threatRelations: SocialServices.ThreatRelationCreateManyInput[];
    cases: SocialServices.CaseCreateManyInput[];
    assignments: SocialServices.AssignmentCreateManyInput[];
    consents: SocialServices.ConsentCreateManyInput[];
    appointments: SocialServices.AppointmentCreateManyInput[];
    appointmentParticipants: SocialServices.AppointmentParticipantCreateManyInput[];
  };
  housing: {
    flats: Housing.FlatCreateManyInput[];
    applications: Housing.HousingApplicationCreateManyInput[];
    tenancies: Housing.TenancyCreateManyInput[];
  };
  policeLiaison: {
    incidents: PoliceLiaison.IncidentCreateManyInput[];
    restrainingOrders: PoliceLiaison.RestrainingOrderCreateManyInput[];
    threatAssessments: PoliceLiaison.ThreatAssessmentCreateManyInput[];
  };
  childServices: {
    childCases: ChildServices.ChildCaseCreateManyInput[];
    placements: ChildServices.SchoolPlacementCreateManyInput[];
    consultations: ChildServices.BarnahusConsultationCreateManyInput[];
  };
}

export type PersonRow = SocialServices.PersonCreateManyInput;
export type CaseRow = SocialServices.CaseCreateManyInput;
export type AssignmentRow = SocialServices.AssignmentCreateManyInput;
export type ConsentRow = SocialServices.ConsentCreateManyInput;
export type FlatRow = Housing.FlatCreateManyInput;
export type ApplicationRow = Housing.HousingApplicationCreateManyInput;
export type TenancyRow = Housing.TenancyCreateManyInput;
export type IncidentRow = PoliceLiaison.IncidentCreateManyInput;
export type RestrainingOrderRow = PoliceLiaison.RestrainingOrderCreateManyInput;
export type ThreatAssessmentRow = PoliceLiaison.ThreatAssessmentCreateManyInput;
export type ChildCaseRow = ChildServices.ChildCaseCreateManyInput;
export type PlacementRow = ChildServices.SchoolPlacementCreateManyInput;
export type ConsultationRow = ChildServices.BarnahusConsultationCreateManyInput;

/** Consent scope as the seed writes it: a plain list of field classes. */
export type ConsentScope = Extract<ConsentRow["scope"], readonly unknown[]>;

export function emptyTables(): SeedTables {
  return {
    socialServices: { persons: [], households: [], householdMemberships: [], custodies: [], threatRelations: [], cases: [], assignments: [], consents: [], appointments: [], appointmentParticipants: [] },
    housing: { flats: [], applications: [], tenancies: [] },
    policeLiaison: { incidents: [], restrainingOrders: [], threatAssessments: [] },
    childServices: { childCases: [], placements: [], consultations: [] },
  };
}
