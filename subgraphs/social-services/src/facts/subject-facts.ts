import type { SubjectFacts } from "@skyddsnat/schema";
import { badUserInput, MAX_FACTS_BATCH } from "@skyddsnat/schema";
import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.js";

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const AGENCY_NAMES = `CASE k."recipientAgency"::text WHEN 'social_services' THEN 'social-services' WHEN 'police_liaison' THEN 'police-liaison' WHEN 'child_services' THEN 'child-services' ELSE k."recipientAgency"::text END`;

/*
 * The facts the policy decides on (schema/src/policy/facts.ts), for a batch of persons, in one
 * round trip (every request that touches protected data needs them). Unqualified table names:
 * search_path picks the schema. What each part is:
 *   coresident — everyone who lives with her now (a current membership of a household she is a
 *                current member of), in both directions;
 *   threat     — the threat persons of her household: a current ThreatRelation protecting her or
 *                one of her co-residents;
 *   household  — she, and her custodians she lives with who are no threat person: whose open
 *                cases are the household's case (a child's case work is the custodial parent's);
 *                a threat person's secretary, consent or custody reaches nothing of the household;
 * then the level, the co-residents' levels, the assignments and units of the household's open
 * cases, her own consents (given by her or, for a child, by a custodian), her custodians with
 * whether each is a threat person, her date of birth and whether she is a quarantined former
 * identity. Each assignment and consent carries when it began: a response is decided on what
 * held before its request began.
 */
const FACTS_SQL = `
WITH subject AS (
  SELECT p.id FROM "Person" p WHERE p.id = ANY($1::text[])
), coresident AS (
  SELECT DISTINCT s.id AS subject, other."personId" AS member
  FROM subject s
  JOIN "HouseholdMembership" mine ON mine."personId" = s.id AND mine."endedAt" IS NULL
  JOIN "HouseholdMembership" other ON other."householdId" = mine."householdId" AND other."endedAt" IS NULL AND other."personId" <> s.id
), threat AS (
  SELECT DISTINCT s.id AS subject, t."threatId" AS person
  FROM subject s JOIN "ThreatRelation" t
    ON (t."protectedId" = s.id OR t."protectedId" IN (SELECT c.member FROM coresident c WHERE c.subject = s.id))
   AND t.since <= now() AND (t."endedAt" IS NULL OR t."endedAt" > now())
), household AS (
  SELECT s.id AS subject, s.id AS member FROM subject s
  UNION
  SELECT c."childId", c."custodianId" FROM "Custody" c
  JOIN coresident r ON r.subject = c."childId" AND r.member = c."custodianId"
  WHERE NOT EXISTS (SELECT 1 FROM threat t WHERE t.subject = c."childId" AND t.person = c."custodianId")
)
SELECT p.id,
  p."protectionLevel"::text AS "protectionLevel",
  COALESCE((SELECT json_agg(pp."protectionLevel"::text ORDER BY pp.id) FROM coresident r JOIN "Person" pp ON pp.id = r.member WHERE r.subject = p.id), '[]'::json) AS "householdLevels",
  COALESCE((SELECT json_agg(json_build_object('staffId', a."staffId", 'role', a.role::text, 'since', ${ISO('a."assignedAt"')}) ORDER BY a.id)
    FROM household hh JOIN "Case" c ON c."personId" = hh.member AND c.status = 'OPEN'
    JOIN "Assignment" a ON a."caseId" = c.id AND a."endedAt" IS NULL
    WHERE hh.subject = p.id), '[]'::json) AS assignments,
  COALESCE((SELECT json_agg(DISTINCT c.unit)
    FROM household hh JOIN "Case" c ON c."personId" = hh.member AND c.status = 'OPEN'
    WHERE hh.subject = p.id), '[]'::json) AS "caseUnits",
  COALESCE((SELECT json_agg(json_build_object(
      'recipientAgency', ${AGENCY_NAMES}, 'recipientUnit', k."recipientUnit", 'purpose', k.purpose::text, 'scope', to_json(k.scope::text[]),
      'validFrom', ${ISO('k."validFrom"')}, 'validTo', ${ISO('k."validTo"')},
      'revokedAt', ${ISO('k."revokedAt"')}, 'recordedAt', ${ISO('k."createdAt"')},
      'givenBy', k."givenBy", 'form', k.form::text) ORDER BY k.id)
    FROM "Consent" k WHERE k."personId" = p.id), '[]'::json) AS consents,
  COALESCE((SELECT json_agg(json_build_object('personId', c."custodianId",
      'threat', EXISTS (SELECT 1 FROM threat t WHERE t.subject = p.id AND t.person = c."custodianId")) ORDER BY c."custodianId")
    FROM "Custody" c WHERE c."childId" = p.id), '[]'::json) AS custodians,
  to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDate",
  p."quarantinedAt" IS NOT NULL AS quarantined
FROM "Person" p WHERE p.id = ANY($1::text[])`;

/** `db` may be a transaction: a mutation decides on the facts it sees inside its own transaction. */
export async function loadSubjectFacts(db: Pick<PrismaClient, "$queryRawUnsafe">, ids: readonly string[]): Promise<SubjectFacts[]> {
  if (ids.length === 0) return [];
  return db.$queryRawUnsafe<SubjectFacts[]>(FACTS_SQL, [...ids]);
}

/** Validates the facts route's body: a bounded list of ids, nothing else. */
export function parseFactsRequest(body: unknown): string[] {
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  if (!Array.isArray(ids) || ids.length > MAX_FACTS_BATCH || !ids.every((id) => typeof id === "string" && OPAQUE_ID.test(id))) {
    throw badUserInput(`ids must be a list of at most ${MAX_FACTS_BATCH} ids.`, "ids");
  }
  return ids;
}
