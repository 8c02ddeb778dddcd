import { hkdfSync, randomUUID } from "node:crypto";
import { chmod, constants, copyFile, link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { AGENCIES, type Agency } from "@skyddsnat/schema";
import { exportJWK, generateKeyPair, type JWK } from "jose";

/**
 * Development keys: one ES256 identity-provider key per agency, and the gateway's Ed25519 key for
 * internal tokens. Generated on first use, reused afterwards, never committed (.gitignore lists
 * infra/dev-keys/). Production keys come from the agencies' JWKS endpoints and a secret store.
 */

/** <repo>/infra/dev-keys, from this file's location (src/keys or dist/keys), not the cwd. */
export const DEFAULT_KEYS_DIR = fileURLToPath(new URL("../../../dev-keys", import.meta.url));

export const devIssuer = (agency: Agency) => `https://idp.${agency}.kommun.example`;
export const devIssuerKid = (agency: Agency) => `${agency}-dev-1`;
export const GATEWAY_DEV_KID = "gateway-dev-1";

/** Structurally an IssuerConfig of @skyddsnat/gateway (not imported: the hub must not cycle). */
export interface DevIssuerConfig {
  issuer: string;
  agency: Agency;
  algorithms: string[];
  jwks: { keys: JWK[] };
}

export interface DevKeys {
  issuers: DevIssuerConfig[];
  issuerPrivateKeys: Record<Agency, { privateJwk: JWK; kid: string; issuer: string }>;
  gateway: { privateJwk: JWK; kid: string; publicJwks: { keys: JWK[] } };
  /** The audit chain's HMAC key: derived from the gateway's private key, so it is as secret as
   * that key and needs no file of its own. A deployment configures a key of its own instead. */
  auditChainKey: Uint8Array;
}

type KeyAlgorithm = "ES256" | "EdDSA";

interface KeyFile {
  kid: string;
  alg: KeyAlgorithm;
  privateJwk: JWK;
  publicJwk: JWK;
}

const PRIVATE_FILE_MODE = 0o600;

async function generate(kid: string, alg: KeyAlgorithm): Promise<KeyFile> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}),
  });
  const { ext: _e1, key_ops: _o1, ...publicJwk } = await exportJWK(publicKey);
  const { ext: _e2, key_ops: _o2, ...privateJwk } = await exportJWK(privateKey);
  return {
    kid,
    alg,
    privateJwk: { ...privateJwk, kid, alg, use: "sig" },
    publicJwk: { ...publicJwk, kid, alg, use: "sig" },
  };
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** A key file as written by `generate`, for the expected kid and algorithm; else an error. */
function parseKeyFile(text: string, path: string, kid: string, alg: KeyAlgorithm): KeyFile {
  const file = JSON.parse(text) as Partial<KeyFile>;
  const { privateJwk, publicJwk } = file;
  const coordinates = ["kty", "crv", "x", "y"] as const;
  const ok =
    file.kid === kid &&
    file.alg === alg &&
    typeof privateJwk === "object" &&
    typeof publicJwk === "object" &&
    typeof privateJwk?.d === "string" &&
    publicJwk?.d === undefined &&
    privateJwk.kid === kid &&
    publicJwk.kid === kid &&
    coordinates.every((c) => privateJwk[c] === publicJwk[c]);
  if (!ok) {
    throw new Error(`dev key file ${path} is not a ${alg} key pair with kid ${kid}; delete the dev-keys directory to regenerate`);
  }
  return file as KeyFile;
}

/**
 * Reads a key file, or undefined if it does not exist. A file still being copied into place (the
 * fallback below) may be read half-written: retry briefly before calling it corrupt.
 */
async function readKeyFile(path: string, kid: string, alg: KeyAlgorithm): Promise<KeyFile | undefined> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    }
    try {
      const file = parseKeyFile(text, path, kid, alg);
      // Private keys stay owner-only even if someone loosened the mode.
      if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, PRIVATE_FILE_MODE);
      return file;
    } catch (error) {
      if (attempt >= 5) {
        if (error instanceof SyntaxError) {
          throw new Error(`dev key file ${path} is corrupt; delete the dev-keys directory to regenerate`);
        }
        throw error;
      }
      await sleep(25);
    }
  }
}

/**
 * Reads a key pair, or creates it. Several processes (parallel test runs, the demo and a token
 * CLI) may get here at once: each writes a complete temporary file and hard-links it into place,
 * which fails if the file already exists. The first link wins; everyone, the losers included,
 * then reads back that one file, so all callers agree on the keys.
 */
async function keyFile(dir: string, name: string, kid: string, alg: KeyAlgorithm): Promise<KeyFile> {
  const path = join(dir, `${name}.private.jwk.json`);
  const existing = await readKeyFile(path, kid, alg);
  if (existing) return existing;

  const temporary = join(dir, `.${name}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, `${JSON.stringify(await generate(kid, alg), null, 2)}\n`, {
      mode: PRIVATE_FILE_MODE,
      flag: "wx",
    });
    try {
      await link(temporary, path);
    } catch (error) {
      const code = errorCode(error);
      if (code === "EEXIST") {
        // Another process won the race: use its key.
      } else if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
        // A file system without hard links: exclusive copy (never overwrites a winner).
        await copyFile(temporary, path, constants.COPYFILE_EXCL).catch((copyError: unknown) => {
          if (errorCode(copyError) !== "EEXIST") throw copyError;
        });
      } else {
        throw error;
      }
    }
  } finally {
    await rm(temporary, { force: true });
  }
  const created = await readKeyFile(path, kid, alg);
  if (!created) throw new Error(`dev key file ${path} disappeared while it was being created`);
  return created;
}

/**
 * Development keys in `dir` (default <repo>/infra/dev-keys): created on first use, reused after.
 * Private keys are written owner-only (0600), in an owner-only directory.
 */
export async function ensureDevKeys(dir: string = DEFAULT_KEYS_DIR): Promise<DevKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const [gatewayKey, ...agencyKeys] = await Promise.all([
    keyFile(dir, "gateway", GATEWAY_DEV_KID, "EdDSA"),
    ...AGENCIES.map((agency) => keyFile(dir, agency, devIssuerKid(agency), "ES256")),
  ]);
  const issuers: DevIssuerConfig[] = [];
  const issuerPrivateKeys = {} as DevKeys["issuerPrivateKeys"];
  AGENCIES.forEach((agency, index) => {
    const key = agencyKeys[index] as KeyFile;
    const issuer = devIssuer(agency);
    issuers.push({ issuer, agency, algorithms: ["ES256"], jwks: { keys: [key.publicJwk] } });
    issuerPrivateKeys[agency] = { privateJwk: key.privateJwk, kid: key.kid, issuer };
  });
  const gateway = gatewayKey as KeyFile;
  return {
    issuers,
    issuerPrivateKeys,
    gateway: { privateJwk: gateway.privateJwk, kid: gateway.kid, publicJwks: { keys: [gateway.publicJwk] } },
    auditChainKey: deriveChainKey(gateway.privateJwk),
  };
}

function deriveChainKey(privateJwk: JWK): Uint8Array {
  if (typeof privateJwk.d !== "string") throw new Error("the gateway's dev key has no private part");
  return new Uint8Array(hkdfSync("sha256", Buffer.from(privateJwk.d, "base64url"), "", "skyddsnat audit chain v1", 32));
}
