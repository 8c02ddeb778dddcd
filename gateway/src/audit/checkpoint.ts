import { CompactSign, compactVerify, importJWK, type JWK } from "jose";

/**
 * A signed tree head: the chain's size, the RFC 6962 Merkle root of its records (merkle.ts) and
 * the HMAC chain's hash at that size, signed by the gateway (JWS, EdDSA). `seq` and `hash` keep
 * the names the checkpoint table has always used for size and chain hash.
 */
export interface CheckpointClaims {
  seq: string;
  hash: string;
  /** Merkle root (hex) of records 1..seq. */
  root: string;
  signedAt: string;
}

const TYP = "skyddsnat-audit-tree-head";

export async function signTreeHead(claims: CheckpointClaims, key: { privateJwk: JWK; kid: string }): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: TYP })
    .sign(await importJWK(key.privateJwk, "EdDSA"));
}

export async function verifyCheckpoint(jws: string, publicJwks: { keys: JWK[] }): Promise<CheckpointClaims> {
  const { payload, protectedHeader } = await compactVerify(jws, async (header) => {
    const jwk = publicJwks.keys.find((key) => key.kid === header.kid);
    if (!jwk) throw new Error("unknown checkpoint key");
    return importJWK(jwk, "EdDSA");
  });
  if (protectedHeader.typ !== TYP) throw new Error("not a tree head");
  const claims = JSON.parse(new TextDecoder().decode(payload)) as Partial<CheckpointClaims>;
  if (typeof claims.seq !== "string" || !/^\d+$/.test(claims.seq) || typeof claims.hash !== "string" || typeof claims.root !== "string" || typeof claims.signedAt !== "string") {
    throw new Error("tree head claims malformed");
  }
  return claims as CheckpointClaims;
}
