import { randomBytes } from "node:crypto";
import type { ProtectionLevel, SubjectFacts } from "@skyddsnat/schema";
import pg from "pg";
import { TEST_DATABASE_URL } from "./database-url.mjs";

/**
 * Staff of the write tests' own households: ids no seeded record mentions, so what the write
 * tests change never shows in another test's reads (and the seed's desks stay as they were).
 */
export const DESK = {
  owner: "ss-1901", // the social secretary who opened the household's case and owns it
  stranger: "ss-1902", // a social secretary with no part in it
  contactPerson: "cp-2901", // the contact person on the case
  otherContact: "cp-2902", // a contact person not on the case
  officer: "cs-5901", // the officer of the child's open child case
  otherOfficer: "cs-5902", // another child-services officer
  teamLead: "tl-7001",
  register: "pr-8001",
} as const;

/** One household made for one write test: a person with an open case, a consent, a child with a placement. */
export interface WriteHousehold {
  personId: string;
  caseId: string;
  consentId: string;
  childId: string;
  childCaseId: string;
  /** An open child case of the other officer's, with no placement of its own. */
  otherChildCaseId: string;
  placementId: string;
  level: ProtectionLevel;
  streetAddress: string;
}

/** The unit that holds the write households' cases. */
export const WRITE_CASE_UNIT = "social-services/malmo-vald";

const id = (prefix: string) => `${prefix}_w${randomBytes(8).toString("hex")}`;
const DAY = 86_400_000;

const pools = new Map<string, pg.Pool>();
/** One small pool per agency schema, for the whole test file; closeFixtures() ends them. */
function withSchema<T>(schema: string, work: (client: pg.Pool) => Promise<T>): Promise<T> {
  let pool = pools.get(schema);
  if (!pool) {
    pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}`, max: 2 });
    pools.set(schema, pool);
  }
  return work(pool);
}

export async function closeFixtures(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.end()));
  pools.clear();
}

/**
 * Writes a fresh household straight into the agencies' databases (as the seed would): the
 * person at `level`, her case owned by DESK.owner with DESK.owner and DESK.contactPerson on it
 * since a week ago, a consent to housing, her child and the child's current school in a child
 * case of DESK.officer's. Synthetic data only.
 */
export async function makeHousehold(level: ProtectionLevel): Promise<WriteHousehold> {
  const h: WriteHousehold = {
    personId: id("per"),
    caseId: id("cas"),
    consentId: id("con"),
    childId: id("per"),
    childCaseId: id("chc"),
    otherChildCaseId: id("chc"),
    placementId: id("plc"),
    level,
    streetAddress: `Provgatan ${randomBytes(3).readUIntBE(0, 3) % 900 + 10}`,
  };
  const weekAgo = new Date(Date.now() - 7 * DAY);
  await withSchema("social_services", async (db) => {
    const person = (personId: string, given: string, birth: string) =>
      db.query(
        `INSERT INTO "Person" (id, "identityNumber", "givenName", "familyName", "birthDate", "protectionLevel", "streetAddress", "postalCode", city, "registeredMunicipality", "residenceMunicipality")
         VALUES ($1, $2, $3, 'Provfamilj', $4, $5, $6, '811 30', 'Sandviken', 'Gävle', 'Sandviken')`,
        [personId, `W${randomBytes(6).toString("hex")}`, given, birth, level, h.streetAddress],
      );
    await person(h.personId, "Testa", "1990-01-01");
    await person(h.childId, "Lilla", "2017-01-01");
    // They live together; she is the child's custodian.
    const householdId = id("hou");
    await db.query(`INSERT INTO "Household" (id) VALUES ($1)`, [householdId]);
    await db.query(`INSERT INTO "HouseholdMembership" (id, "householdId", "personId", since) VALUES ($1, $3, $4, $6), ($2, $3, $5, $6)`, [id("hom"), id("hom"), householdId, h.personId, h.childId, weekAgo]);
    await db.query(`INSERT INTO "Custody" ("childId", "custodianId", kind, since) VALUES ($1, $2, 'SOLE', $3)`, [h.childId, h.personId, weekAgo]);
    await db.query(
      `INSERT INTO "Case" (id, "personId", type, status, "openedAt", assessment, "ownerId", unit) VALUES ($1, $2, 'PROTECTION_AND_SUPPORT', 'OPEN', $3, 'Stöd efter uppbrott, skriven för skrivtesterna.', $4, $5)`,
      [h.caseId, h.personId, weekAgo, DESK.owner, WRITE_CASE_UNIT],
    );
    await db.query(
      `INSERT INTO "Assignment" (id, "caseId", "staffId", role, "assignedAt") VALUES ($1, $2, $3, 'SOCIAL_SECRETARY', $5), ($4, $2, $6, 'CONTACT_PERSON', $5)`,
      [id("asg"), h.caseId, DESK.owner, id("asg"), weekAgo, DESK.contactPerson],
    );
    await db.query(
      `INSERT INTO "Consent" (id, "personId", "recipientAgency", "recipientUnit", "givenBy", form, purpose, scope, "validFrom", "validTo", "recordedBy", "createdAt") VALUES ($1, $2, 'housing', 'housing/malmo', $2, 'WRITTEN', 'COORDINATED_SUPPORT', '{STATUS}', $3, $4, $5, $3)`,
      [h.consentId, h.personId, weekAgo, new Date(Date.now() + 30 * DAY), DESK.contactPerson],
    );
  });
  await withSchema("child_services", async (db) => {
    await db.query(
      `INSERT INTO "ChildCase" (id, "childId", status, concern, "openedAt", "officerId", notes, unit) VALUES ($1, $2, 'OPEN', 'WITNESSED_VIOLENCE', $3, $4, 'Skrivtestets barnärende.', $7), ($5, $2, 'OPEN', 'NEGLECT', $3, $6, 'Den andra handläggarens ärende.', $7)`,
      // The write desks are not in the staff directory: their tokens name their agency's unit "elsewhere".
      [h.childCaseId, h.childId, weekAgo, DESK.officer, h.otherChildCaseId, DESK.otherOfficer, "child-services/elsewhere"],
    );
    await db.query(
      `INSERT INTO "SchoolPlacement" (id, "childCaseId", "childId", kind, "schoolName", municipality, "startsOn", unit) VALUES ($1, $2, $3, 'SCHOOL', 'Provskolan', 'Sandviken', $4, $5)`,
      [h.placementId, h.childCaseId, h.childId, new Date(Date.now() - 200 * DAY), "child-services/elsewhere"],
    );
  });
  return h;
}

/** The household's subject facts as the policy should see them (written by hand from what makeHousehold wrote). */
export function householdFacts(h: WriteHousehold): SubjectFacts {
  const since = new Date(Date.now() - 7 * DAY).toISOString();
  return {
    id: h.personId,
    protectionLevel: h.level,
    householdLevels: [h.level],
    assignments: [
      { staffId: DESK.owner, role: "SOCIAL_SECRETARY", since },
      { staffId: DESK.contactPerson, role: "CONTACT_PERSON", since },
    ],
    caseUnits: [WRITE_CASE_UNIT],
    consents: [],
    custodians: [],
    birthDate: "1990-01-01",
    quarantined: false,
  };
}

/** The child's facts: she lives with her custodian, whose case is the household's. */
export function childFacts(h: WriteHousehold): SubjectFacts {
  return { ...householdFacts(h), id: h.childId, custodians: [{ personId: h.personId, threat: false }], birthDate: "2017-01-01" };
}

/**
 * Everything a write could have changed about the household, as one comparable value: an
 * allowed write must change it, a refused one must leave it exactly as it was.
 */
export async function householdState(h: WriteHousehold): Promise<string> {
  const social = await withSchema("social_services", async (db) => ({
    person: (await db.query(`SELECT "protectionLevel", "quarantinedAt" FROM "Person" WHERE id = $1`, [h.personId])).rows,
    memberships: (await db.query(`SELECT id, "endedAt" FROM "HouseholdMembership" WHERE "personId" IN ($1, $2) ORDER BY id`, [h.personId, h.childId])).rows,
    cases: (await db.query(`SELECT id, status, "ownerId" FROM "Case" WHERE "personId" IN ($1, $2) ORDER BY id`, [h.personId, h.childId])).rows,
    assignments: (await db.query(`SELECT a.id, a."staffId", a.role, a."endedAt" FROM "Assignment" a JOIN "Case" c ON c.id = a."caseId" WHERE c."personId" = $1 ORDER BY a.id`, [h.personId])).rows,
    consents: (await db.query(`SELECT id, "revokedAt" FROM "Consent" WHERE "personId" IN ($1, $2) ORDER BY id`, [h.personId, h.childId])).rows,
    appointments: (await db.query(`SELECT a.id FROM "Appointment" a JOIN "Case" c ON c.id = a."caseId" WHERE c."personId" = $1 ORDER BY a.id`, [h.personId])).rows,
  }));
  const housing = await withSchema("housing", async (db) => (await db.query(`SELECT id FROM "HousingApplication" WHERE "personId" = $1`, [h.personId])).rows);
  const police = await withSchema("police_liaison", async (db) => (await db.query(`SELECT id FROM "Incident" WHERE "personId" = $1`, [h.personId])).rows);
  const child = await withSchema("child_services", async (db) => ({
    cases: (await db.query(`SELECT id FROM "ChildCase" WHERE "childId" = $1 ORDER BY id`, [h.childId])).rows,
    placements: (await db.query(`SELECT id, "endsOn" FROM "SchoolPlacement" WHERE "childId" = $1 ORDER BY id`, [h.childId])).rows,
  }));
  return JSON.stringify({ social, housing, police, child });
}
