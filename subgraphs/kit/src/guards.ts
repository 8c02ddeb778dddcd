import { decideWrite, forbiddenOperation, type Operation, refusedByRole, type WriteFacts } from "@skyddsnat/schema";
import type { SubgraphContext } from "./context.js";

/**
 * Refuses at once when the actor's role may never perform the operation: called first, before
 * any read, so such a caller learns nothing about the data (not even whether an id exists).
 */
export function requireRole(context: SubgraphContext, operation: Operation): void {
  const refused = refusedByRole(context.actor, operation);
  if (refused?.effect === "deny") throw forbiddenOperation(operation, refused.reason, refused.rule);
}

/**
 * The write policy's decision on the facts the mutation gathered (inside its transaction, before
 * it writes), as the rules stood when the request began. Refuses with FORBIDDEN and the reason.
 */
export function requireOperation(context: SubgraphContext, operation: Operation, facts: WriteFacts = {}): void {
  const decision = decideWrite(context.actor, operation, facts, { now: context.policy.now });
  if (decision.effect === "deny") throw forbiddenOperation(operation, decision.reason, decision.rule);
  if (decision.widensAccess) context.logger.info({ operation, rule: decision.rule }, "change widens access: recorded for review");
}

/**
 * The unit a new record is held by: the acting staff member's own (need to know within an agency
 * is the unit's). A caller without one can hold nothing: refused with FORBIDDEN, before any write.
 * The gateway already refuses case roles without a unit; this keeps a subgraph from writing a
 * record no unit holds, whatever calls it.
 */
export function actingUnit(context: SubgraphContext, operation: Operation): string {
  const { unit } = context.actor;
  if (unit === undefined) throw forbiddenOperation(operation, "UNIT_REQUIRED");
  return unit;
}
