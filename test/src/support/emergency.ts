import { expect } from "@jest/globals";
import type { Role } from "@skyddsnat/schema";
import { gql, hubUrl, tokenFor } from "./http.js";

/** A reason the content rule accepts (grants.ts). */
export const EMERGENCY_REASON = "Larm om pågående våld i bostaden; patrull behöver veta var hon bor nu.";

export interface EmergencyOptions {
  /** Who asks (she states EMERGENCY): default the police liaison officer pl-4001. */
  requester?: { role: Role; sub: string };
  subjectId: string;
  reason?: string;
  /** Who grants for social services' on-call: default oc-9001. */
  onCall?: string;
  ground?: "NECESSITY" | "OSL_10_18_B" | "OSL_10_21_23";
  minutes?: number;
  /** The gateway to ask; default the running hub's. */
  url?: string;
}

/** Asks for an emergency disclosure; the id of the pending request. */
export async function requestEmergency(options: EmergencyOptions): Promise<string> {
  const requester = options.requester ?? { role: "POLICE_LIAISON", sub: "pl-4001" };
  const asked = await gql<{ requestEmergencyAccess: { id: string; status: string } }>(
    `mutation($id: ID!, $reason: String!) { requestEmergencyAccess(input: { subjectId: $id, reason: $reason }) { id status } }`,
    { token: await tokenFor(requester.role, requester.sub, "EMERGENCY"), variables: { id: options.subjectId, reason: options.reason ?? EMERGENCY_REASON }, url: options.url ?? hubUrl() },
  );
  expect(asked.errors).toBeUndefined();
  expect(asked.data?.requestEmergencyAccess.status).toBe("PENDING");
  return asked.data?.requestEmergencyAccess.id as string;
}

/** The two-person break-the-glass in one step: the requester asks, social services' on-call grants. The grant's id. */
export async function grantEmergency(options: EmergencyOptions): Promise<string> {
  const requestId = await requestEmergency(options);
  const granted = await gql<{ grantEmergencyDisclosure: { id: string; status: string } }>(
    `mutation($id: ID!, $ground: EmergencyGround!, $minutes: Int) { grantEmergencyDisclosure(input: { requestId: $id, ground: $ground, minutes: $minutes }) { id status } }`,
    {
      token: await tokenFor("SOCIAL_ON_CALL", options.onCall ?? "oc-9001", "EMERGENCY"),
      variables: { id: requestId, ground: options.ground ?? "NECESSITY", minutes: options.minutes ?? null },
      url: options.url ?? hubUrl(),
    },
  );
  expect(granted.errors).toBeUndefined();
  expect(granted.data?.grantEmergencyDisclosure).toEqual({ id: requestId, status: "GRANTED" });
  return requestId;
}
