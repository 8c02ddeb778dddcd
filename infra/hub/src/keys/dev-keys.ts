import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AGENCIES, type Agency } from "@skyddsnat/schema";
import { exportJWK, generateKeyPair, type JWK } from "jose";

/** Where development keys live: generated on first use, never committed (see .gitignore). */
export const DEFAULT_KEYS_DIR = fileURLToPath(new URL("../../../dev-keys", import.meta.url));

export const devIssuer = (agency: Agency) => `https://idp.${agency}.kommun.example`;

export interface DevKeys {
  issuers: { issuer: string; agency: Agency; algorithms: string[]; jwks: { keys: JWK[] } }[];
  issuerPrivateKeys: Record<Agency, { privateJwk: JWK; kid: string; issuer: string }>;
  gateway: { privateJwk: JWK; kid: string; publicJwks: { keys: JWK[] } };
}

interface KeyFile {
  kid: string;
  alg: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function generate(kid: string, alg: "ES256" | "EdDSA"): Promise<KeyFile> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: "sig" };
  return { kid, alg, privateJwk, publicJwk };
}

/**
 * Reads a key pair, or creates it. Two processes may start at once (tests, the demo): each
 * writes a temporary file and renames it into place; whoever renames last wins, and both then
 * read the same file back.
 */
async function keyFile(dir: string, name: string, kid: string, alg: "ES256" | "EdDSA"): Promise<KeyFile> {
  const path = `${dir}/${name}.private.jwk.json`;
  try {
    return JSON.parse(await readFile(path, "utf8")) as KeyFile;
  } catch {
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify(await generate(kid, alg), null, 2), { mode: 0o600 });
    await rename(temporary, path);
    return JSON.parse(await readFile(path, "utf8")) as KeyFile;
  }
}

/** Development keys: one ES256 issuer per agency, and the gateway's Ed25519 internal key. */
export async function ensureDevKeys(dir: string = DEFAULT_KEYS_DIR): Promise<DevKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const issuers: DevKeys["issuers"] = [];
  const issuerPrivateKeys = {} as DevKeys["issuerPrivateKeys"];
  for (const agency of AGENCIES) {
    const key = await keyFile(dir, agency, `${agency}-dev-1`, "ES256");
    const issuer = devIssuer(agency);
    issuers.push({ issuer, agency, algorithms: ["ES256"], jwks: { keys: [key.publicJwk] } });
    issuerPrivateKeys[agency] = { privateJwk: key.privateJwk, kid: key.kid, issuer };
  }
  const gateway = await keyFile(dir, "gateway", "gateway-dev-1", "EdDSA");
  return {
    issuers,
    issuerPrivateKeys,
    gateway: { privateJwk: gateway.privateJwk, kid: gateway.kid, publicJwks: { keys: [gateway.publicJwk] } },
  };
}
