import { gqlAs } from "./http.js";
import { openCaseOf } from "./scenarios.js";

const day = 86_400_000;

/** The unit each agency's consents name in the tests: the scenario desks' units. */
export const CONSENT_UNIT: Record<string, string> = {
  social_services: "social-services/malmo-vald",
  housing: "housing/malmo",
  police_liaison: "police-liaison/malmo",
  child_services: "child-services/malmo-bou",
};

/** The social secretary on the subject's case records a month's consent of hers (given by her, in writing, to the desks' unit), through the main hub. */
export function recordConsent(subjectId: string, recipientAgency: string, scope: string) {
  const validFrom = new Date(Date.now() - day).toISOString();
  const validTo = new Date(Date.now() + 30 * day).toISOString();
  return gqlAs<{ recordConsent: { id: string } }>(
    "SOCIAL_SECRETARY",
    openCaseOf(subjectId).socialSecretary,
    `mutation { recordConsent(input: { subjectId: "${subjectId}", recipientAgency: ${recipientAgency}, recipientUnit: "${CONSENT_UNIT[recipientAgency]}", givenBy: "${subjectId}", form: WRITTEN, purpose: COORDINATED_SUPPORT, scope: [${scope}], validFrom: "${validFrom}", validTo: "${validTo}" }) { id } }`,
  );
}

/** The same secretary records that the subject revoked it. */
export function revokeConsent(id: string | undefined, subjectId: string) {
  return gqlAs("SOCIAL_SECRETARY", openCaseOf(subjectId).socialSecretary, `mutation { revokeConsent(id: "${id}") { revokedAt } }`);
}
