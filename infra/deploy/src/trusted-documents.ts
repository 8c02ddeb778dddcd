import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEPLOY_DIR, K8S_DIR } from "./manifests.js";

/**
 * The trusted documents a deployment registers: one `.graphql` file per operation in
 * `documents/`, turned into the manifest the gateway reads in allow-listed mode
 * (`k8s/base/trusted-documents.json`, mounted from a ConfigMap kustomize generates).
 */
export const DOCUMENTS_DIR = join(DEPLOY_DIR, "documents");
export const MANIFEST_FILE = join(K8S_DIR, "trusted-documents.json");
/** The users' web app's operations, as its codegen registers them (web/src/operations → this file). */
export const WEB_MANIFEST_FILE = join(DEPLOY_DIR, "../../web/src/gql/persisted-documents.json");

/**
 * The sha256 (lower-case hex) of a document's exact text, as the gateway computes it
 * (gateway/src/trusted-documents/manifest.ts): no normalisation, so a client must send the
 * registered text byte for byte, or its hash.
 */
export const documentHash = (document: string): string => createHash("sha256").update(document).digest("hex");

/** A document as a client sends it: the file's text without its final line break. */
export const documentText = (fileText: string): string => fileText.replace(/\r?\n$/, "");

/**
 * The manifest in GraphQL Codegen's persisted-documents format, `{ "<sha256>": "<document>" }`,
 * in the order of the files' names so a new document is one added line in review. An empty file
 * or the same text twice is refused: either would hide a mistake in the registration.
 */
export function buildManifest(files: { name: string; text: string }[]): Record<string, string> {
  const manifest: Record<string, string> = {};
  for (const { name, text } of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const document = documentText(text);
    if (document.trim() === "") throw new Error(`${name} is empty`);
    const hash = documentHash(document);
    if (manifest[hash] !== undefined) throw new Error(`${name} repeats a document registered before it`);
    manifest[hash] = document;
  }
  return manifest;
}

/** The `.graphql` files of `dir`, by name. */
export function documentFiles(dir: string = DOCUMENTS_DIR): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

/** The manifest file's text: two-space JSON and a final newline, as checked in. */
export const manifestJson = (manifest: Record<string, string>): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** The web app's documents, one per entry of its codegen manifest (already without a final line break). */
export function webDocuments(file: string = WEB_MANIFEST_FILE): { name: string; text: string }[] {
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  return Object.entries(manifest).map(([hash, text]) => ({ name: `web/${hash}`, text }));
}

/** What a deployment registers: the operators' documents and every operation of the web app. */
export const deploymentDocuments = (): { name: string; text: string }[] => [...documentFiles(), ...webDocuments()];
