import type { Agency } from "@skyddsnat/schema";

/**
 * Where an issuer's access tokens carry the caller: the name of the token claim for each part of
 * the actor. `purpose` is a claim name, or `{ scopePrefix }`: the one entry of the `scope` claim
 * that starts with the prefix (`purpose:CASE_WORK`). Structurally the gateway's ClaimMapping.
 */
export interface ClaimLayout {
  staffId: string;
  agency: string;
  role: string;
  unit: string;
  purpose: string | { scopePrefix: string };
  /**
   * The calling system of a machine token (client credentials) — only such tokens carry it. Not
   * `client_id`: in a person's access token that is the app she signed in through.
   */
  machineClient: string;
}

/** The scope a caller names her purpose of use with, at sign-in: `purpose:CASE_WORK`. */
export const PURPOSE_SCOPE_PREFIX = "purpose:";

/** Today's claim names (the token CLI's): flat `agency`, `role`, `unit`, `purpose`; the system in `calling_system`. */
export const FLAT_LAYOUT: ClaimLayout = Object.freeze({
  staffId: "sub",
  agency: "agency",
  role: "role",
  unit: "unit",
  purpose: "purpose",
  machineClient: "calling_system",
});

const POLICE_NAMESPACE = "https://id.polisen.example/claims";

/**
 * The police's layout: namespaced claims, and the purpose only in `scope`, as many agency IdPs
 * issue them. It proves the gateway reads each issuer through its mapping, not by fixed names.
 */
export const NAMESPACED_LAYOUT: ClaimLayout = Object.freeze({
  staffId: "sub",
  agency: `${POLICE_NAMESPACE}/agency`,
  role: `${POLICE_NAMESPACE}/role`,
  unit: `${POLICE_NAMESPACE}/unit`,
  purpose: Object.freeze({ scopePrefix: PURPOSE_SCOPE_PREFIX }),
  machineClient: `${POLICE_NAMESPACE}/system`,
});

export function claimLayoutOf(agency: Agency): ClaimLayout {
  return agency === "police-liaison" ? NAMESPACED_LAYOUT : FLAT_LAYOUT;
}

/** The access token's claims for one staff member under a layout (`sub` is the provider's own). */
export function actorClaims(
  layout: ClaimLayout,
  member: { agency: string; role: string; unit?: string },
  purpose: string,
): Record<string, string> {
  return {
    [layout.agency]: member.agency,
    [layout.role]: member.role,
    ...(member.unit !== undefined ? { [layout.unit]: member.unit } : {}),
    ...(typeof layout.purpose === "string" ? { [layout.purpose]: purpose } : {}),
  };
}
