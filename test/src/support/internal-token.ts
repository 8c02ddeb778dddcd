import { ensureDevKeys } from "@skyddsnat/hub";
import { type Actor, importInternalSigningKey, type InternalClaims, signInternalToken } from "@skyddsnat/schema";

const SECRETARY: Actor = {
  staffId: "ss-1001",
  agency: "social-services",
  role: "SOCIAL_SECRETARY",
  purpose: "CASE_WORK",
  issuer: "x",
  unit: "social-services/malmo-vald",
};

/**
 * A token signed with the gateway's own (dev) key, as the gateway would send it to `audience`
 * for `actor`: what someone who had taken the gateway's place could send a subgraph.
 */
export async function gatewayToken(audience: string | readonly string[], actor: Actor = SECRETARY): Promise<string> {
  const { gateway } = await ensureDevKeys();
  const claims: InternalClaims = { actor, requestId: "r", emergencyGrants: [] };
  return signInternalToken(claims, { privateKey: await importInternalSigningKey(gateway.privateJwk), kid: gateway.kid }, audience);
}
