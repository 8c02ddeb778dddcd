import { type Actor, PURPOSES_BY_ROLE, type Role } from "../actor.js";
import { FAILS_WITH, firstFailing, type WriteDenyReason } from "./write-conditions.js";
import type { WriteFacts } from "./write-facts.js";
import { type Operation, WRITE_RULES, type WriteRule } from "./write-rules.js";

export type WriteDecision =
  | { effect: "allow"; rule: string; widensAccess: boolean }
  | { effect: "deny"; reason: WriteDenyReason; rule: string | null };

const rowsFor = (role: Role, operation: Operation): WriteRule[] =>
  WRITE_RULES.filter((rule) => rule.operation === operation && rule.roles.includes(role));

/**
 * The refusal that needs no facts: the actor's role has no row for the operation at all, or the
 * stated purpose is not the role's. Undefined means: gather the facts and ask decideWrite(). A
 * mutation asks this first, so a role that may never perform it learns nothing about the data.
 */
export function refusedByRole(actor: Actor, operation: Operation): WriteDecision | undefined {
  if (!PURPOSES_BY_ROLE[actor.role]?.includes(actor.purpose)) return { effect: "deny", reason: "PURPOSE_NOT_ALLOWED", rule: null };
  if (rowsFor(actor.role, operation).length === 0) return { effect: "deny", reason: "NOT_PERMITTED_FOR_ROLE", rule: null };
  return undefined;
}

/**
 * The one write decision: may this actor make this change, on these facts? Pure. `now` is when
 * the request began: an assignment or consent that began after it counts for nothing.
 */
export function decideWrite(actor: Actor, operation: Operation, facts: WriteFacts, context: { now: Date }): WriteDecision {
  const refused = refusedByRole(actor, operation);
  if (refused) return refused;
  let nearest: { rule: WriteRule; failing: Exclude<WriteRule["when"][number], "always"> } | undefined;
  for (const rule of rowsFor(actor.role, operation)) {
    const failing = firstFailing(rule.when, actor, facts, context.now);
    if (failing === undefined) return { effect: "allow", rule: rule.name, widensAccess: rule.widensAccess };
    if (failing !== "always") nearest ??= { rule, failing };
  }
  // rowsFor is non-empty and no row held, so some condition failed.
  const { rule, failing } = nearest as NonNullable<typeof nearest>;
  return { effect: "deny", reason: FAILS_WITH[failing], rule: rule.name };
}

/** Whether any allowed form of the operation can widen someone's access (for the audit trail). */
export function widensAccess(operation: string): boolean {
  return WRITE_RULES.some((rule) => rule.operation === operation && rule.widensAccess);
}
