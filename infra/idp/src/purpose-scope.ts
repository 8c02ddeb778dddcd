import { isPurpose, PURPOSES, PURPOSES_BY_ROLE, type Purpose, type Role } from "@skyddsnat/schema";
import { PURPOSE_SCOPE_PREFIX } from "./claim-layouts.js";

/** Every purpose as a scope: what the hub's resource server offers (`purpose:CASE_WORK` …). */
export const PURPOSE_SCOPES: readonly string[] = PURPOSES.map((purpose) => `${PURPOSE_SCOPE_PREFIX}${purpose}`);

export type PurposeChoice = { ok: true; purpose: Purpose } | { ok: false; reason: string };

/**
 * The purpose of use a sign-in asks for: exactly one `purpose:X` scope, and one the role may state
 * (PURPOSES_BY_ROLE). The identity provider refuses anything else with invalid_scope, so a
 * token never names a purpose its holder could not state; the gateway checks again.
 */
export function choosePurpose(scope: string | undefined, role: Role): PurposeChoice {
  const requested = (scope ?? "").split(" ").filter((entry) => entry.startsWith(PURPOSE_SCOPE_PREFIX));
  if (requested.length !== 1) return { ok: false, reason: "name exactly one purpose:<PURPOSE> scope" };
  const purpose = (requested[0] as string).slice(PURPOSE_SCOPE_PREFIX.length);
  if (!isPurpose(purpose)) return { ok: false, reason: "unknown purpose" };
  if (!PURPOSES_BY_ROLE[role].includes(purpose)) return { ok: false, reason: "this role may not state that purpose" };
  return { ok: true, purpose };
}
