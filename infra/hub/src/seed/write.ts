import type { PrismaClient as ChildServicesClient } from "@skyddsnat/child-services/prisma";
import type { PrismaClient as HousingClient } from "@skyddsnat/housing/prisma";
import type { PrismaClient as PoliceLiaisonClient } from "@skyddsnat/police-liaison/prisma";
import type { PrismaClient as SocialServicesClient } from "@skyddsnat/social-services/prisma";
import type { Population } from "./population.js";

export interface SeedClients {
  socialServices: SocialServicesClient;
  housing: HousingClient;
  policeLiaison: PoliceLiaisonClient;
  childServices: ChildServicesClient;
}

export type SeedCounts = Record<string, number>;

/** Writes the population, one transaction per agency, parents before children. */
export async function writePopulation(clients: SeedClients, population: Population): Promise<SeedCounts> {
  const { socialServices: ss, housing, policeLiaison: police, childServices: child } = population;
  await clients.socialServices.$transaction([
    clients.socialServices.person.createMany({ data: ss.persons }),
    clients.socialServices.householdMember.createMany({ data: ss.householdMembers }),
    clients.socialServices.case.createMany({ data: ss.cases }),
    clients.socialServices.assignment.createMany({ data: ss.assignments }),
    clients.socialServices.consent.createMany({ data: ss.consents }),
  ]);
  await clients.housing.$transaction([
    clients.housing.flat.createMany({ data: housing.flats }),
    clients.housing.housingApplication.createMany({ data: housing.applications }),
    clients.housing.tenancy.createMany({ data: housing.tenancies }),
  ]);
  await clients.policeLiaison.$transaction([
    clients.policeLiaison.incident.createMany({ data: police.incidents }),
    clients.policeLiaison.restrainingOrder.createMany({ data: police.restrainingOrders }),
    clients.policeLiaison.threatAssessment.createMany({ data: police.threatAssessments }),
  ]);
  await clients.childServices.$transaction([
    clients.childServices.childCase.createMany({ data: child.childCases }),
    clients.childServices.schoolPlacement.createMany({ data: child.placements }),
    clients.childServices.barnahusConsultation.createMany({ data: child.consultations }),
  ]);
  return {
    persons: ss.persons.length,
    cases: ss.cases.length,
    assignments: ss.assignments.length,
    consents: ss.consents.length,
    applications: housing.applications.length,
    tenancies: housing.tenancies.length,
    incidents: police.incidents.length,
    restrainingOrders: police.restrainingOrders.length,
    childCases: child.childCases.length,
    placements: child.placements.length,
  };
}
