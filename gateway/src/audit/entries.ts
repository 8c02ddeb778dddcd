import { randomUUID } from "node:crypto";
import { type AccessDecision, isProtectedSubject, type SubjectFacts } from "@skyddsnat/schema";
import type { GatewayContext } from "../context.js";
import type { GuardOutcome } from "../guard/guarded-gateway.js";
import type { Check } from "../guard/response-guard.js";
import type { AuditEntry } from "./chain.js";

/** Whether a decided value must be on record before it is released. */
function mustRecord(check: Pick<Check, "subjectId" | "fieldClass">, facts: ReadonlyMap<string, SubjectFacts>): boolean {
  return check.fieldClass === "AUDIT" || isProtectedSubject(check.subjectId ? facts.get(check.subjectId) : undefined);
}

/**
 * Fail closed: what could not be recorded is not released. Every allowed value that needed a
 * record becomes a redaction with reason AUDIT_UNAVAILABLE; unprotected data keeps flowing.
 */
export function withholdUnrecorded(outcome: GuardOutcome): AccessDecision[] {
  return outcome.decisions.map((decision, index) => {
    const check = outcome.checks[index];
    return decision.effect === "allow" && check && mustRecord(check, outcome.facts)
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
 * One entry per (person, decision) in a response, listing the field paths it covers: who saw —
 * or was refused — which fields of a protected person, on which ground. Ids and paths only.
 */
export function accessEntries(outcome: GuardOutcome, context: GatewayContext, operationHash: string): AuditEntry[] {
  const groups = new Map<string, AuditEntry>();
  // What the subgraphs withheld themselves counts as a decision like the guard's own.
  const decided: { path: (string | number)[]; subjectId: string | null; decision: { effect: string; reason?: string; rule: string | null } }[] = [
    ...outcome.checks.flatMap((check, index) => {
      const decision = outcome.decisions[index];
      // The audit trail's own rows are recorded as the auditor's query, not field by field.
      return decision && check.fieldClass !== "AUDIT" ? [{ path: check.path, subjectId: check.subjectId, decision }] : [];
    }),
    ...outcome.subgraphRedactions.map((r) => ({ path: r.path, subjectId: r.subjectId, decision: { effect: "redact", reason: r.reason, rule: null } })),
  ];
  for (const { path, subjectId, decision } of decided) {
    if (!isProtectedSubject(subjectId ? outcome.facts.get(subjectId) : undefined)) continue;
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
        emergency: false,
        operationHash,
      };
      groups.set(key, entry);
    }
    entry.fieldPaths.push(path.join("."));
    // One record per person and decision; the rules that decided it are all named.
    if (decision.rule && !entry.rule?.split(",").includes(decision.rule)) entry.rule = entry.rule ? `${entry.rule},${decision.rule}` : decision.rule;
    if (decision.rule === "emergency-ground") entry.emergency = true;
  }
  return [...groups.values()];
}

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
    emergency: fields.emergency ?? false,
    operationHash: fields.operationHash ?? "",
  };
}
