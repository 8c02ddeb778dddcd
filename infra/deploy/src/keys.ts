import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportJWK, generateKeyPair, type JWK } from "jose";

/** The files the gateway's Secrets hold (see secrets.example.yaml), by their key in the Secret. */
export interface DeploymentKeys {
  /** Secret skyddsnat-gateway-signing: the gateway's Ed25519 key for internal tokens and checkpoints. */
  "gateway.private.jwk.json": JWK;
  /** Secret skyddsnat-gateway-signing: the audit chain's HMAC key, 32 random bytes in base64. */
  "audit-chain.key": string;
  /** Secret skyddsnat-trust: the gateway's public key(s), which every subgraph trusts. */
  "gateway.jwks.json": { keys: JWK[] };
}

/** A new gateway key pair and audit chain key; `kid` names the key so it can be rotated. */
export async function generateDeploymentKeys(kid: string): Promise<DeploymentKeys> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const tag = { kid, alg: "EdDSA", use: "sig" };
  const { ext: _e1, key_ops: _o1, ...privateJwk } = await exportJWK(privateKey);
  const { ext: _e2, key_ops: _o2, ...publicJwk } = await exportJWK(publicKey);
  return {
    "gateway.private.jwk.json": { ...privateJwk, ...tag },
    "audit-chain.key": randomBytes(32).toString("base64"),
    "gateway.jwks.json": { keys: [{ ...publicJwk, ...tag }] },
  };
}

/** Writes each key to a file of its own in `dir` (owner-only), named as its key in the Secret. */
export async function writeDeploymentKeys(dir: string, keys: DeploymentKeys): Promise<string[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  for (const [name, value] of Object.entries(keys)) {
    const path = join(dir, name);
    await writeFile(path, typeof value === "string" ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    await chmod(path, 0o600);
    written.push(path);
  }
  return written;
}
