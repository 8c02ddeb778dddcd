import { ensureDevKeys } from "@skyddsnat/hub";
import { importInternalSigningKey, type InternalClaims, signInternalToken } from "@skyddsnat/schema";

/** A token signed with the gateway's own (dev) key, as the gateway would send it to `audience`. */
export async function gatewayToken(audience: string): Promise<string> {
  const { gateway } = await ensureDevKeys();
  const claims: InternalClaims = {
    actor: { staffId: "ss-1001", agency: "social-services", role: "SOCIAL_SECRETARY", purpose: "CASE_WORK", issuer: "x" },
    requestId: "r",
    emergencyGrants: [],
  };
  return signInternalToken(claims, { privateKey: await importInternalSigningKey(gateway.privateJwk), kid: gateway.kid }, audience);
}
