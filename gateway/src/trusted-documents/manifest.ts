import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** Registered documents by the sha256 (hex) of their exact text. */
export type TrustedManifest = ReadonlyMap<string, string>;

export const documentHash = (document: string): string => createHash("sha256").update(document).digest("hex");

/** A manifest that cannot be used; the message names the problem, never a document's text. */
export class ManifestError extends Error {}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A manifest in GraphQL Codegen's persisted-documents format (client preset,
 * `persistedDocuments: { hashAlgorithm: "sha256" }`): one JSON object of `{ "<hash>": "<document>" }`.
 * Every key must be the sha256 of its document: a key that is not would let a registered name
 * run a text no one reviewed under it.
 */
export function parseManifest(json: unknown): TrustedManifest {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new ManifestError('the manifest must be one JSON object of { "<sha256>": "<document>" }');
  const manifest = new Map<string, string>();
  for (const [hash, document] of Object.entries(json)) {
    if (!SHA256.test(hash)) throw new ManifestError(`key ${JSON.stringify(hash.slice(0, 80))} is not a lower-case hex sha256`);
    if (typeof document !== "string" || document.length === 0) throw new ManifestError(`the document of ${hash} is not a non-empty string`);
    if (documentHash(document) !== hash) throw new ManifestError(`${hash} is not the sha256 of its document`);
    manifest.set(hash, document);
  }
  return manifest;
}

export async function readManifest(path: string): Promise<TrustedManifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ManifestError(`cannot read ${path}`);
  }
  try {
    return parseManifest(JSON.parse(text));
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw new ManifestError(`${path} is not valid JSON`);
  }
}
