import { createHash } from "node:crypto";

/**
 * Emergency grants and their reviews are tied to the chain: the record of a grant (and of its
 * review) has the digest of what was granted (reviewed) as its id. The grant table holds the
 * details, but a grant only opens anything while a chained record carries its digest, and the
 * verifier reports a grant or review whose row no longer matches its record — so neither the
 * writer role nor the database's administrator can extend a grant or mark it reviewed quietly.
 */
export interface GrantRow {
  id: string;
  staffId: string;
  agency: string;
  role: string;
  subjectId: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

export interface ReviewRow {
  id: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  outcome: string | null;
  reviewNote: string | null;
}

const digest = (fields: unknown[]) => createHash("sha256").update(JSON.stringify(fields)).digest("hex");

/** The id of the EMERGENCY_GRANTED record that vouches for this grant. */
export function grantRecordId(grant: GrantRow): string {
  return `grant-${digest([grant.id, grant.staffId, grant.agency, grant.role, grant.subjectId, grant.reason, grant.grantedAt.toISOString(), grant.expiresAt.toISOString()])}`;
}

/** The id of the EMERGENCY_REVIEWED record that vouches for this grant's review. */
export function reviewRecordId(review: ReviewRow): string {
  return `review-${digest([review.id, review.reviewedBy, review.reviewedAt?.toISOString() ?? null, review.outcome, review.reviewNote])}`;
}

/** What a reason must be; stated once here, in the schema's description and in the README. */
export const EMERGENCY_REASON_RULE =
  "20–500 characters once spaces are trimmed and runs of spaces collapsed, with at least three different words of three or more letters";

/** Why a break-the-glass reason says nothing, or null when it states something. */
export function emergencyReasonProblem(reason: string): string | null {
  const text = reason.trim().replace(/\s+/gu, " ");
  if (text.length < 20 || text.length > 500) return `state the emergency: ${EMERGENCY_REASON_RULE}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/u.test(text)) return "the reason may not contain control characters";
  const words = new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map((word) => word));
  if (words.size < 3) return `state the emergency in words: ${EMERGENCY_REASON_RULE}`;
  return null;
}
