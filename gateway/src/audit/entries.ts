import { randomUUID } from "node:crypto";
import { type AccessDecision, filteredFields } from "@skyddsnat/schema";
import type { GatewayContext } from "../context.js";
import type { GuardOutcome } from "../guard/guarded-gateway.js";
import type { Check } from "../guard/response-guard.js";
import type { AuditEntry } from "./chain.js";

/**
 * Whether a decided field is on the record: every access to classified data of any person, not
 * only of protected persons — social-services data is secret for everyone (OSL 26 kap. 1 §) and
 * every access is logged. Opaque references alone are not an access to what a person is.
 */
const recorded = (fieldClass: Check["fieldClass"] | undefined): boolean => fieldClass !== "REFERENCE";

/** Whether a decided value must be on record before it is released. */
function mustRecord(check: Pick<Check, "subjectId" | "fieldClass">): boolean {
  return recorded(check.fieldClass);
}

/**
 * Fail closed: what could not be recorded is not released. Every allowed value that needed a
 * record becomes a redaction with reason AUDIT_UNAVAILABLE; only opaque references keep flowing.
 */
export function withholdUnrecorded(outcome: GuardOutcome): AccessDecision[] {
  return outcome.decisions.map((decision, index) => {
    const check = outcome.checks[index];
    return decision.effect === "allow" && check && mustRecord(check)
      ? { effect: "redact", reason: "AUDIT_UNAVAILABLE", rule: null }
      : decision;
  });
}

function actorFields(context: GatewayContext) {
  return {
    requestId: context.requestId,
    actorStaffId: context.actor.staffId,
    actorAgency: context.actor.agency,
    actorRole: context.actor.role,
    actorIssuer: context.actor.issuer,
    clientId: context.actor.clientId ?? null,
    purpose: context.actor.purpose,
  };
}

/**
 * How a field is named on the record: its schema coordinate and, where it sat, its path of field
 * names and list indices — never a response key, which is caller text (an alias) and could carry
 * a protected value into the log. E.g. `Person.streetAddress at person.restrainingOrders.0.restrainedPerson.streetAddress`.
 */
export function recordedField(coordinate: string, fieldPath?: readonly (string | number)[]): string {
  return fieldPath && fieldPath.length > 0 ? `${coordinate} at ${fieldPath.join(".")}` : coordinate;
}

/** A filter's match, on the record: `Person.residenceMunicipality (filter) at persons`. */
export const recordedFilter = (coordinate: string, list: string): string => `${coordinate} (filter) at ${list}`;

/** Whether a record about `subjectId` is made under an active break-the-glass grant of this request. */
export function underEmergencyGrant(context: Pick<GatewayContext, "actor" | "emergencyGrants"> | null, subjectId: string | null | undefined): boolean {
  return !!context && !!subjectId && context.actor.purpose === "EMERGENCY" && context.emergencyGrants.includes(subjectId);
}

interface Decided {
  recorded: string;
  /** The class of the field, where the guard decided it (a subgraph's own redaction has none). */
  fieldClass?: Check["fieldClass"];
  subjectId: string | null;
  decision: { effect: string; reason?: string; rule: string | null };
}

/**
 * The filters' decisions: every person a filtered list returned was admitted by its subgraph on
 * each field the filter matches on (FILTERED_FIELDS), so each is an access to that field.
 * The persons a filter excluded come from the subgraphs' reports (exclusionDecisions below).
 */
function filterDecisions(outcome: GuardOutcome): Decided[] {
  return outcome.roots.flatMap((root) => {
    const filter = root.args.filter;
    const fields = filter && typeof filter === "object" ? filteredFields(root.name, filter) : [];
    return fields.flatMap((field) =>
      [...new Set(root.subjectIds)].map((subjectId) => ({ recorded: recordedFilter(field, root.name), subjectId, decision: { effect: "allow", rule: null } })),
    );
  });
}

/**
 * The protected persons the subgraphs' filters matched and excluded (their filter exclusions,
 * read off the internal responses): each a refused access to the field the filter matched on.
 */
function exclusionDecisions(context: GatewayContext): Decided[] {
  return (context.filterExclusions ?? []).map((excluded) => ({
    recorded: `${excluded.field} (filter)`,
    subjectId: excluded.subjectId,
    decision: { effect: "redact", reason: "EXCLUDED_BY_FILTER", rule: null },
  }));
}

/**
 * One entry per (person, decision) in a response, listing the fields it covers: who saw — or was
 * refused — which fields of a protected person, on which ground. Ids and coordinates only.
 */
export function accessEntries(outcome: GuardOutcome, context: GatewayContext, operationHash: string): AuditEntry[] {
  const groups = new Map<string, AuditEntry>();
  // What the subgraphs withheld themselves counts as a decision like the guard's own.
  const decided: Decided[] = [
    ...outcome.checks.flatMap((check, index) => {
      const decision = outcome.decisions[index];
      // The audit trail's own rows are recorded as the auditor's query, not field by field.
      return decision && check.fieldClass !== "AUDIT"
        ? [{ recorded: recordedField(check.field, check.fieldPath), fieldClass: check.fieldClass, subjectId: check.subjectId, decision }]
        : [];
    }),
    ...outcome.subgraphRedactions.map((r) => ({
      // A field the walk never met is named by nothing the caller chose.
      recorded: r.field ? recordedField(r.field, r.fieldPath) : "UNPLACED_FIELD",
      subjectId: r.subjectId,
      decision: { effect: "redact", reason: r.reason, rule: null },
    })),
    ...filterDecisions(outcome),
    ...exclusionDecisions(context),
  ];
  for (const { recorded: field, fieldClass, subjectId, decision } of decided) {
    if (!recorded(fieldClass)) continue;
    const reason = decision.effect === "redact" ? (decision.reason ?? null) : null;
    const key = `${subjectId}|${decision.effect}|${reason}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        id: randomUUID(),
        at: new Date(),
        kind: "FIELD_ACCESS",
        ...actorFields(context),
        subjectId,
        fieldPaths: [],
        decision: decision.effect === "allow" ? "ALLOW" : "REDACT",
        reason,
        rule: null,
        emergency: underEmergencyGrant(context, subjectId),
        operationHash,
      };
      groups.set(key, entry);
    }
    // Aliases gone, the same field can be met twice at one path: it is named once.
    if (!entry.fieldPaths.includes(field)) entry.fieldPaths.push(field);
    // One record per person and decision; the rules that decided it are all named.
    if (decision.rule && !entry.rule?.split(",").includes(decision.rule)) entry.rule = entry.rule ? `${entry.rule},${decision.rule}` : decision.rule;
    if (decision.rule === "emergency-ground") entry.emergency = true;
  }
  return [...groups.values()];
}

/** Operations a subgraph refused, by the mutation's coordinate (the response key is the caller's alias). */
export function refusalEntries(outcome: GuardOutcome, context: GatewayContext, operationHash: string): AuditEntry[] {
  return outcome.refusedOperations.map((refused) => {
    const root = outcome.roots.find((r) => r.key === refused.path[0]);
    return eventEntry("REQUEST_DENIED", context, {
      fieldPaths: [root ? root.coordinate : refused.operation ? `Mutation.${refused.operation}` : "UNPLACED_FIELD"],
      decision: "DENY",
      reason: refused.reason,
      operationHash,
    });
  });
}

/** The audit trail's own root fields, whose arguments name whose history was read. */
const AUDIT_READS = new Set(["Query.auditRecords", "Query.subjectAccessHistory"]);

function subjectRead(args: Record<string, unknown>): string | null {
  const filter = args.filter && typeof args.filter === "object" ? (args.filter as { subjectId?: unknown }) : undefined;
  const subjectId = args.subjectId ?? filter?.subjectId;
  return typeof subjectId === "string" ? subjectId : null;
}

/**
 * An auditor's query, on the record: one AUDIT_QUERY per person whose history it read (by the
 * operation's coerced arguments), or one naming no one for a search across persons.
 */
export function auditQueryEntries(outcome: GuardOutcome, context: GatewayContext, operationHash: string): AuditEntry[] {
  const reads = outcome.roots.filter((root) => AUDIT_READS.has(root.coordinate));
  const fieldPaths = [...new Set(outcome.roots.map((root) => root.coordinate))];
  const subjects = [...new Set(reads.map((root) => subjectRead(root.args)))];
  const named = subjects.filter((subject): subject is string => subject !== null);
  const entries = named.map((subjectId) => eventEntry("AUDIT_QUERY", context, { subjectId, fieldPaths, operationHash, decision: "ALLOW" }));
  return subjects.includes(null) || entries.length === 0 ? [...entries, eventEntry("AUDIT_QUERY", context, { fieldPaths, operationHash, decision: "ALLOW" })] : entries;
}

/** A mutation, on the record, by its coordinate. */
export const changeCoordinate = (field: string): string => `Mutation.${field}`;

/** An event that is not a field decision: an auditor's query, a change, an emergency grant… */
export function eventEntry(
  kind: AuditEntry["kind"],
  context: GatewayContext | null,
  fields: Partial<Pick<AuditEntry, "subjectId" | "fieldPaths" | "decision" | "reason" | "emergency" | "operationHash" | "requestId">>,
): AuditEntry {
  return {
    id: randomUUID(),
    at: new Date(),
    kind,
    requestId: fields.requestId ?? context?.requestId ?? randomUUID(),
    actorStaffId: context?.actor.staffId ?? null,
    actorAgency: context?.actor.agency ?? null,
    actorRole: context?.actor.role ?? null,
    actorIssuer: context?.actor.issuer ?? null,
    clientId: context?.actor.clientId ?? null,
    purpose: context?.actor.purpose ?? null,
    subjectId: fields.subjectId ?? null,
    fieldPaths: fields.fieldPaths ?? [],
    decision: fields.decision ?? "RECORDED",
    reason: fields.reason ?? null,
    rule: null,
    emergency: fields.emergency ?? underEmergencyGrant(context, fields.subjectId),
    operationHash: fields.operationHash ?? "",
  };
}
