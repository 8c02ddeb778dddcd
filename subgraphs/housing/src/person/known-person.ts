import type { Context } from "../context.js";

/**
 * Whether social services knows a person with this id. Housing holds no person rows; the subject
 * facts are the only source, and an unknown id (or facts that can't be loaded) has no protection
 * level. Any class but REFERENCE makes decide() look at the level; the answer is not used as access.
 */
export async function isKnownPerson(context: Context, subjectId: string): Promise<boolean> {
  const decision = await context.policy.decide(subjectId, null, "STATUS");
  return !(decision.effect === "redact" && decision.reason === "PROTECTION_LEVEL_UNKNOWN");
}
