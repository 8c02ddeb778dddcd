import { buildPopulation } from "@skyddsnat/hub";

/** The query a shared frontend sends for one client's view across the four agencies. */
export const CLIENT_VIEW = `query ClientView($id: ID!) {
  person(id: $id) {
    id givenName familyName protectionLevel handlingInstructions streetAddress phone
    cases { status type openedAt assignments { role staffId } }
    housingApplications { status urgency requestedArea }
    tenancies { status streetAddress city }
    incidents { category occurredAt place }
    restrainingOrders { kind validTo active }
    household { id givenName childCases { status concern } schoolPlacements { kind schoolName } }
  }
}`;

/**
 * The contact person cp-2001's whole caseload, one request body per client, so a run spreads
 * over many people (most of them protected) as a real day at the desk would. `scale`: in the
 * population seeded with SEED_SCALE=scale.
 */
export function clientViewBodies(scale = 1): string[] {
  const population = buildPopulation(undefined, { scale });
  const theirCases = new Set(population.socialServices.assignments.filter((a) => a.staffId === "cp-2001").map((a) => a.caseId));
  const clients = [...new Set(population.socialServices.cases.filter((c) => theirCases.has(c.id)).map((c) => c.personId))];
  return clients.map((id) => JSON.stringify({ query: CLIENT_VIEW, variables: { id } }));
}
