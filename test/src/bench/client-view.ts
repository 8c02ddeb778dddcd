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
    children { id givenName childCases { status concern } schoolPlacements { kind schoolName } }
  }
}`;

/** A protected client of the contact person cp-2001, so the policy has real decisions to make. */
export function clientViewBody(): string {
  const id = buildPopulation().scenarios.PROTECTED_REGISTRATION.adult;
  return JSON.stringify({ query: CLIENT_VIEW, variables: { id } });
}
