import { gqlAs } from "./http.js";
import { openCaseOf } from "./scenarios.js";

const day = 86_400_000;

/** The social secretary on the subject's case records a month's consent for her, through the main hub. */
export function recordConsent(subjectId: string, recipientAgency: string, scope: string) {
  const validFrom = new Date(Date.now() - day).toISOString();
  const validTo = new Date(Date.now() + 30 * day).toISOString();
  return gqlAs<{ recordConsent: { id: string } }>(
    "SOCIAL_SECRETARY",
    openCaseOf(subjectId).socialSecretary,
    `mutation { recordConsent(input: { subjectId: "${subjectId}", recipientAgency: ${recipientAgency}, purpose: COORDINATED_SUPPORT, scope: [${scope}], validFrom: "${validFrom}", validTo: "${validTo}" }) { id } }`,
  );
}

/** The same secretary records that the subject revoked it. */
export function revokeConsent(id: string | undefined, subjectId: string) {
  return gqlAs("SOCIAL_SECRETARY", openCaseOf(subjectId).socialSecretary, `mutation { revokeConsent(id: "${id}") { revokedAt } }`);
}
