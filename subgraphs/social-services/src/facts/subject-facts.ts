import type { SubjectFacts } from "@skyddsnat/schema";
import { badUserInput, MAX_FACTS_BATCH } from "@skyddsnat/schema";
import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.js";

const AGENCY_NAMES = `CASE k."recipientAgency"::text WHEN 'social_services' THEN 'social-services' WHEN 'police_liaison' THEN 'police-liaison' WHEN 'child_services' THEN 'child-services' ELSE k."recipientAgency"::text END`;

/*
 * The facts the policy decides on, for a batch of persons, in one round trip (every request
 * that touches protected data needs them): the level, the parents' levels, active assignments
 * on open cases of the household (the person or a parent), and the household's consents (a
 * parent consents on behalf of the child). Unqualified table names: search_path picks the schema.
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
  COALESCE((SELECT json_agg(json_build_object('staffId', a."staffId", 'role', a.role::text))
    FROM household hh JOIN "Case" c ON c."personId" = hh.member AND c.status = 'OPEN'
    JOIN "Assignment" a ON a."caseId" = c.id AND a."endedAt" IS NULL
    WHERE hh.subject = p.id), '[]'::json) AS assignments,
  COALESCE((SELECT json_agg(json_build_object(
      'recipientAgency', ${AGENCY_NAMES}, 'purpose', k.purpose::text, 'scope', to_json(k.scope::text[]),
      'validFrom', to_char(k."validFrom" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'validTo', to_char(k."validTo" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'revokedAt', to_char(k."revokedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
    FROM household hh JOIN "Consent" k ON k."personId" = hh.member
    WHERE hh.subject = p.id), '[]'::json) AS consents
FROM "Person" p WHERE p.id = ANY($1::text[])`;

export async function loadSubjectFacts(db: PrismaClient, ids: readonly string[]): Promise<SubjectFacts[]> {
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
