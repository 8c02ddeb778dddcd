import { forbiddenOperation, mayPerform, type Operation } from "@skyddsnat/schema";
import type { SubgraphContext } from "./context.js";

/** Refuses the mutation before any read or write when the actor's role may not perform it. */
export function requireOperation(context: SubgraphContext, operation: Operation): void {
  if (!mayPerform(context.actor.role, operation)) throw forbiddenOperation(operation);
}
