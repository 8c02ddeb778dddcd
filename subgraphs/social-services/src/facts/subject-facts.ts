import type { SubjectFacts } from "@skyddsnat/schema";
import { badUserInput, MAX_FACTS_BATCH } from "@skyddsnat/schema";
import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.js";

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const AGENCY_NAMES = `CASE k."recipientAgency"::text WHEN 'social_services' THEN 'social-services' WHEN 'police_liaison' THEN 'police-liaison' WHEN 'child_services' THEN 'child-services' ELSE k."recipientAgency"::text END`;

/*
 * The facts the policy decides on, for a batch of persons, in one round trip (every request
 * that touches protected data needs them): the level, the parents' levels, active assignments
 * on open cases of the household (the person or a parent), and the household's consents (a
 * parent consents on behalf of the child), each with when it began: a response is decided on
 * what held before its request began. Unqualified table names: search_path picks the schema.
 */
const FACTS_SQL = `
WITH household AS (
  SELECT p.id AS subject, p.id AS member FROM "Person" p WHERE p.id = ANY($1::text[])
  UNION ALL
  SELECT h."childId", h."parentId" FROM "HouseholdMember" h WHERE h."childId" = ANY($1::text[])
)
SELECT p.id,
  p."protectionLevel"::text AS "protectionLevel",
  COALESCE((SELECT json_agg(pp."protectionLevel"::text) FROM "HouseholdMember" h JOIN "Person" pp ON pp.id = h."parentId" WHERE h."childId" = p.id), '[]'::json) AS "parentLevels",
  COALESCE((SELECT json_agg(json_build_object('staffId', a."staffId", 'role', a.role::text, 'since', ${ISO('a."assignedAt"')}))
    FROM household hh JOIN "Case" c ON c."personId" = hh.member AND c.status = 'OPEN'
    JOIN "Assignment" a ON a."caseId" = c.id AND a."endedAt" IS NULL
    WHERE hh.subject = p.id), '[]'::json) AS assignments,
  COALESCE((SELECT json_agg(json_build_object(
      'recipientAgency', ${AGENCY_NAMES}, 'purpose', k.purpose::text, 'scope', to_json(k.scope::text[]),
      'validFrom', ${ISO('k."validFrom"')}, 'validTo', ${ISO('k."validTo"')},
      'revokedAt', ${ISO('k."revokedAt"')}, 'recordedAt', ${ISO('k."createdAt"')}))
    FROM household hh JOIN "Consent" k ON k."personId" = hh.member
    WHERE hh.subject = p.id), '[]'::json) AS consents
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
