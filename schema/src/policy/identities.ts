import type { Actor, Role } from "../actor.js";
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

/** Roles whose agency systems may turn a known identity number into a person's id (no directory: nothing else). */
const RESOLVING_ROLES: readonly Role[] = [
  "SOCIAL_SECRETARY",
  "CONTACT_PERSON",
  "HOUSING_OFFICER",
  "POLICE_LIAISON",
  "CHILD_SERVICES_OFFICER",
  "TEAM_LEAD",
  "POPULATION_REGISTER",
];

/**
 * Whether the caller may resolve a known identity number to an id: a machine client (a token with
 * `client_id`) acting for a role that handles persons, or the population register — never a
 * person at a desk, so a name or number search is no way to ask whether someone is known.
 */
export function mayResolveIdentityNumbers(actor: Pick<Actor, "role" | "clientId">): boolean {
  return actor.clientId !== undefined && actor.clientId !== "" && RESOLVING_ROLES.includes(actor.role);
}
