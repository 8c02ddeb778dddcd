import type { Actor } from "../actor.js";
import type { ProtectionLevel } from "../protection.js";

/**
 * The one role that knows former identities: the police's personal-security unit, which decides
 * on assumed identities (lag (1991:483) om fingerade personuppgifter; rules.ts, quarantined).
 */
export const knowsFormerIdentities = (actor: Pick<Actor, "role">): boolean => actor.role === "PERSONAL_SECURITY";

/**
 * The level as staff are shown it. An assumed identity must look like an ordinary protected
 * person: to every role but personal security it reads as protected registration — level and
 * handling instructions — and nothing says "assumed identity". decide() still uses the real level.
 */
export function displayedLevel(level: ProtectionLevel, actor: Pick<Actor, "role">): ProtectionLevel {
  return level === "ASSUMED_IDENTITY" && !knowsFormerIdentities(actor) ? "PROTECTED_REGISTRATION" : level;
}
