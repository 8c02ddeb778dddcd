import type { PrismaClient as ChildServicesClient } from "@skyddsnat/child-services/prisma";
import type { PrismaClient as HousingClient } from "@skyddsnat/housing/prisma";
import type { PrismaClient as PoliceLiaisonClient } from "@skyddsnat/police-liaison/prisma";
import type { PrismaClient as SocialServicesClient } from "@skyddsnat/social-services/prisma";
import type { SeedTables } from "./tables.js";

/**
 * Already-constructed clients of the four agency databases. The seed opens and closes nothing:
 * the caller (the hub) owns the connections and their lifetime.
 */
export interface SeedClients {
  socialServices: SocialServicesClient;
  housing: HousingClient;
  policeLiaison: PoliceLiaisonClient;
  childServices: ChildServicesClient;
}

/** Rows inserted per table, as reported by the database (not as counted in memory). */
export interface SeedCounts {
  persons: number;
  households: number;
  householdMemberships: number;
  custodies: number;
  threatRelations: number;
  cases: number;
  assignments: number;
  consents: number;
  appointments: number;
  flats: number;
  housingApplications: number;
  tenancies: number;
  incidents: number;
  restrainingOrders: number;
  threatAssessments: number;
  childCases: number;
  schoolPlacements: number;
  barnahusConsultations: number;
}

/**
 * Writes the population with createMany, parents before children (persons before the households,
 * their members, custody and threat relations, cases before assignments, flats before tenancies, child cases before placements), one
 * transaction per agency database: each database ends up with all of its part or none of it.
 * The four databases are separate, so there is no transaction across them; cross-agency
 * references (a tenancy's personId) are plain ids by design and need no ordering.
 * Accepts any SeedTables, so a caller may pass a Population (which also carries staff and ids).
 */
/** A seeded population of SEED_SCALE 100 is ~22,000 persons: more than Prisma's 5 s default on a busy machine. */
const SEED_TRANSACTION = { timeout: 300_000 } as const;

export async function writePopulation(clients: SeedClients, population: SeedTables): Promise<SeedCounts> {
  const { socialServices: ss, housing, policeLiaison: police, childServices: child } = population;
  const s = clients.socialServices;
  const [persons, households, householdMemberships, custodies, threatRelations, cases, assignments, consents, appointments] = await s.$transaction([
    s.person.createMany({ data: ss.persons }),
    s.household.createMany({ data: ss.households }),
    s.householdMembership.createMany({ data: ss.householdMemberships }),
    s.custody.createMany({ data: ss.custodies }),
    s.threatRelation.createMany({ data: ss.threatRelations }),
    s.case.createMany({ data: ss.cases }),
    s.assignment.createMany({ data: ss.assignments }),
    s.consent.createMany({ data: ss.consents }),
    s.appointment.createMany({ data: ss.appointments }),
    s.appointmentParticipant.createMany({ data: ss.appointmentParticipants }),
  ], SEED_TRANSACTION);
  const h = clients.housing;
  const [flats, housingApplications, tenancies] = await h.$transaction([
    h.flat.createMany({ data: housing.flats }),
    h.housingApplication.createMany({ data: housing.applications }),
    h.tenancy.createMany({ data: housing.tenancies }),
  ], SEED_TRANSACTION);
  const p = clients.policeLiaison;
  const [incidents, restrainingOrders, threatAssessments] = await p.$transaction([
    p.incident.createMany({ data: police.incidents }),
    p.restrainingOrder.createMany({ data: police.restrainingOrders }),
    p.threatAssessment.createMany({ data: police.threatAssessments }),
  ], SEED_TRANSACTION);
  const c = clients.childServices;
  const [childCases, schoolPlacements, barnahusConsultations] = await c.$transaction([
    c.childCase.createMany({ data: child.childCases }),
    c.schoolPlacement.createMany({ data: child.placements }),
    c.barnahusConsultation.createMany({ data: child.consultations }),
  ], SEED_TRANSACTION);
  return {
    persons: persons.count,
    households: households.count,
    householdMemberships: householdMemberships.count,
    custodies: custodies.count,
    threatRelations: threatRelations.count,
    cases: cases.count,
    assignments: assignments.count,
    consents: consents.count,
    appointments: appointments.count,
    flats: flats.count,
    housingApplications: housingApplications.count,
    tenancies: tenancies.count,
    incidents: incidents.count,
    restrainingOrders: restrainingOrders.count,
    threatAssessments: threatAssessments.count,
    childCases: childCases.count,
    schoolPlacements: schoolPlacements.count,
    barnahusConsultations: barnahusConsultations.count,
  };
}
