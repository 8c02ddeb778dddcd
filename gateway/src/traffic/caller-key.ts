import { createHash } from "node:crypto";
import type { Actor } from "@skyddsnat/schema";

/**
 * Whose budget a request spends: the issuer that vouched for the caller, the staff id it named
 * and the client system it came through (a staff member's requests through two systems are two
 * budgets; two agencies' staff ids never share one). Hashed, so the store shared by the replicas
 * holds no staff id and every key has the same length whatever the ids; each part is
 * JSON-encoded first, so no choice of ids can make two callers collide.
 */
export function callerKey(actor: Pick<Actor, "issuer" | "staffId" | "clientId">): string {
  return createHash("sha256")
    .update(JSON.stringify([actor.issuer, actor.staffId, actor.clientId ?? null]))
    .digest("base64url");
}
