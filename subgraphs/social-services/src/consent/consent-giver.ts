import { ageAt, badUserInput, CHILD_DECIDES, type SubjectFacts } from "@skyddsnat/schema";
import type { GraphQLError } from "graphql";
import type { DbAgency } from "../enums.js";

/** The agency's name as units spell it (the first path segment): the Prisma enum maps dashes to underscores. */
const agencyName = (agency: DbAgency): string => agency.replaceAll("_", "-");

/** A unit id: the agency, a slash, the unit (e.g. housing/malmo, social-services/malmo-vald). */
const UNIT = /^[a-z][a-z-]*\/[a-z0-9][a-z0-9-]*$/;

/**
 * Why a consent may not be recorded as given, or null when it may (OSL 12 kap. 1–3 §§; SoL 11
 * kap. 10 §): it names a unit of the recipient agency; it is given by the person herself or, for
 * a child under CHILD_DECIDES, by one of her custodians who is no threat person to her household.
 * An adult, a child of fifteen or more, and a person whose age is unknown consent only for
 * themselves. Whether a child's custodial consent is complete (joint custody: both) is the read
 * policy's (consent.ts): each custodian's consent is recorded on its own.
 */
export function consentGiverRefusal(
  subject: SubjectFacts,
  consent: { givenBy: string; recipientAgency: DbAgency; recipientUnit: string },
  now: Date,
): GraphQLError | null {
  if (!UNIT.test(consent.recipientUnit) || consent.recipientUnit.split("/")[0] !== agencyName(consent.recipientAgency)) {
    return badUserInput("recipientUnit must be a unit of the recipient agency (agency/unit).", "recipientUnit", "UNIT_NOT_OF_RECIPIENT");
  }
  if (consent.givenBy === subject.id) return null;
  const custodian = subject.custodians.find((c) => c.personId === consent.givenBy);
  if (!custodian) return badUserInput("givenBy must be the person or one of her custodians.", "givenBy", "GIVER_NOT_SUBJECT_OR_CUSTODIAN");
  if (custodian.threat) return badUserInput("A custodian who is a threat person to the household cannot consent for the child.", "givenBy", "GIVER_IS_THREAT_PERSON");
  const age = ageAt(subject.birthDate, now);
  if (age === null || age >= CHILD_DECIDES) {
    return badUserInput(`From ${CHILD_DECIDES} (and for adults) only the person herself consents.`, "givenBy", "SUBJECT_DECIDES_HERSELF");
  }
  return null;
}
