import { createHash } from "node:crypto";

/**
 * Emergency disclosures are tied to the chain. A request, the holding agency's decision on it and
 * the review afterwards each have a chained record whose id is the digest of what was asked,
 * decided or reviewed (EMERGENCY_REQUESTED, EMERGENCY_GRANTED or EMERGENCY_REFUSED,
 * EMERGENCY_REVIEWED). The grant table holds the details, but a grant only opens anything while a
 * chained decision record carries its digest — ground, granter and expiry included — and the
 * verifier reports a row that no longer matches its records, so neither the writer role nor the
 * database's administrator can extend a grant, change its ground or granter, or mark it reviewed
 * quietly.
 */

export interface RequestRow {
  id: string;
  staffId: string;
  agency: string;
  role: string;
  subjectId: string;
  reason: string;
  requestedAt: Date;
}

export interface DecisionRow extends RequestRow {
  status: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  ground: string | null;
  expiresAt: Date | null;
  decisionNote: string | null;
}

export interface ReviewRow {
  id: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  outcome: string | null;
  reviewNote: string | null;
}

const digest = (fields: unknown[]) => createHash("sha256").update(JSON.stringify(fields)).digest("hex");
const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The id of the EMERGENCY_REQUESTED record that vouches for this request. */
export function requestRecordId(request: RequestRow): string {
  return `request-${digest(["request", request.id, request.staffId, request.agency, request.role, request.subjectId, request.reason, iso(request.requestedAt)])}`;
}

/**
 * The id of the record that vouches for this row's decision: EMERGENCY_GRANTED (`grant-…`) or
 * EMERGENCY_REFUSED (`refusal-…`), covering the request as well; null while it is pending.
 */
export function decisionRecordId(row: DecisionRow): string | null {
  if (row.status === "SELF_GRANTED") return legacyGrantRecordId(row);
  if (row.status !== "GRANTED" && row.status !== "REFUSED") return null;
  const prefix = row.status === "GRANTED" ? "grant" : "refusal";
  return `${prefix}-${digest([
    prefix,
    row.id,
    row.staffId,
    row.agency,
    row.role,
    row.subjectId,
    row.reason,
    iso(row.requestedAt),
    row.decidedBy,
    iso(row.decidedAt),
    row.ground,
    iso(row.expiresAt),
    row.decisionNote,
  ])}`;
}

/** The record kind a decision's record has. */
export function decisionKind(status: string): "EMERGENCY_GRANTED" | "EMERGENCY_REFUSED" | null {
  if (status === "GRANTED" || status === "SELF_GRANTED") return "EMERGENCY_GRANTED";
  return status === "REFUSED" ? "EMERGENCY_REFUSED" : null;
}

/** Who the decision's record names as its actor: the granter, or for a grant before the rule its requester. */
export function deciderOf(row: DecisionRow): string | null {
  return row.status === "SELF_GRANTED" ? row.staffId : row.decidedBy;
}

/** A self-service grant's digest, as it was recorded before the two-person rule (its grant time is now `decidedAt`). */
function legacyGrantRecordId(row: DecisionRow): string {
  return `grant-${digest([row.id, row.staffId, row.agency, row.role, row.subjectId, row.reason, iso(row.decidedAt), iso(row.expiresAt)])}`;
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
