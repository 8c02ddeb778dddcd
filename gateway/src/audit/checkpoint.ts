import { randomUUID } from "node:crypto";
import { CompactSign, compactVerify, importJWK, type JWK } from "jose";
import type { PrismaClient } from "../generated/prisma/client.js";

export interface CheckpointClaims {
  seq: string;
  hash: string;
  signedAt: string;
}

/**
 * Signs the current chain head (JWS, EdDSA). A checkpoint pins the chain up to that point: a
 * removal of the newest records, which no later hash would betray, shows against it.
 */
export async function signCheckpoint(prisma: PrismaClient, key: { privateJwk: JWK; kid: string }): Promise<CheckpointClaims | null> {
  const head = await prisma.chainHead.findUnique({ where: { id: 1 } });
  if (!head || head.seq === 0n) return null;
  const claims: CheckpointClaims = { seq: head.seq.toString(), hash: head.hash, signedAt: new Date().toISOString() };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: "skyddsnat-audit-checkpoint" })
    .sign(await importJWK(key.privateJwk, "EdDSA"));
  await prisma.checkpoint.create({
    data: { id: randomUUID(), seq: head.seq, hash: head.hash, signedAt: new Date(claims.signedAt), jws },
  });
  return claims;
}

export async function verifyCheckpoint(jws: string, publicJwks: { keys: JWK[] }): Promise<CheckpointClaims> {
  const { payload } = await compactVerify(jws, async (header) => {
    const jwk = publicJwks.keys.find((key) => key.kid === header.kid);
    if (!jwk) throw new Error("unknown checkpoint key");
    return importJWK(jwk, "EdDSA");
  });
  return JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaims;
}
