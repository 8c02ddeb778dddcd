import { gqlAs } from "./http.js";

const day = 86_400_000;

/** Contact person cp-2001 records a month's consent for the subject, through the main hub. */
export function recordConsent(subjectId: string, recipientAgency: string, scope: string) {
  const validFrom = new Date(Date.now() - day).toISOString();
  const validTo = new Date(Date.now() + 30 * day).toISOString();
  return gqlAs<{ recordConsent: { id: string } }>(
    "CONTACT_PERSON",
    "cp-2001",
    `mutation { recordConsent(input: { subjectId: "${subjectId}", recipientAgency: ${recipientAgency}, purpose: COORDINATED_SUPPORT, scope: [${scope}], validFrom: "${validFrom}", validTo: "${validTo}" }) { id } }`,
  );
}

export function revokeConsent(id: string | undefined) {
  return gqlAs("CONTACT_PERSON", "cp-2001", `mutation { revokeConsent(id: "${id}") { revokedAt } }`);
}
