import { randomUUID } from "node:crypto";
import type { AccessDecision, SubjectFacts } from "@skyddsnat/schema";
import type { GatewayContext } from "../context.js";
import type { GuardOutcome } from "../guard/guarded-gateway.js";
import type { Check } from "../guard/response-guard.js";
import type { AuditEntry } from "./chain.js";

/** A person is protected for the audit when they or a parent has any level but NONE, or is unknown. */
export function isProtected(facts: SubjectFacts | undefined): boolean {
  if (!facts || facts.protectionLevel === null) return true;
  return facts.protectionLevel !== "NONE" || facts.parentLevels.some((level) => level !== "NONE");
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
  const { facts } = outcome;
  const groups = new Map<string, AuditEntry>();
  // What the subgraphs withheld themselves counts as a decision like the guard's own.
  const checks: Pick<Check, "path" | "subjectId" | "fieldClass">[] = [
    ...outcome.checks,
    ...outcome.subgraphRedactions.map((r) => ({ path: r.path, subjectId: r.subjectId, fieldClass: "LOCATION" as const })),
  ];
  const decisions: AccessDecision[] = [
    ...outcome.decisions,
    ...outcome.subgraphRedactions.map((r) => ({ effect: "redact" as const, reason: r.reason as never, rule: null })),
  ];
  checks.forEach((check, index) => {
    const decision = decisions[index];
    if (!decision || check.fieldClass === "AUDIT" || !isProtected(check.subjectId ? facts.get(check.subjectId) : undefined)) return;
    const reason = decision.effect === "redact" ? decision.reason : null;
    const key = `${check.subjectId}|${decision.effect}|${reason}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        id: randomUUID(),
        at: new Date(),
        kind: "FIELD_ACCESS",
        ...actorFields(context),
        subjectId: check.subjectId,
        fieldPaths: [],
        decision: decision.effect === "allow" ? "ALLOW" : "REDACT",
        reason,
        rule: decision.rule,
        emergency: decision.rule === "emergency-ground",
        operationHash,
      };
      groups.set(key, entry);
    }
    entry.fieldPaths.push(check.path.join("."));
    // One record per person and decision; the rules that decided it are all named.
    if (decision.rule && !entry.rule?.split(",").includes(decision.rule)) entry.rule = entry.rule ? `${entry.rule},${decision.rule}` : decision.rule;
    if (decision.rule === "emergency-ground") entry.emergency = true;
  });
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
