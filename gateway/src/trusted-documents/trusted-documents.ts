import { documentHash, type TrustedManifest } from "./manifest.js";

export const PERSISTED_QUERY_NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED";

/**
 * `off`: any document runs (development; Apollo's APQ stays off either way, see
 * no-shared-caches.ts). `allow-listed`: only documents of the manifest run.
 */
export type TrustedDocumentsMode = "off" | "allow-listed";
export const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ["off", "allow-listed"];

/** The request is not a registered document; fixed text, never the caller's hash or text. */
export class DocumentNotAllowed extends Error {
  readonly code = PERSISTED_QUERY_NOT_ALLOWED;
  constructor() {
    super("Only registered documents run here: send the sha256 of a registered document in extensions.persistedQuery.");
  }
}

/** The parts of a GraphQL request that say which document to run. */
export interface DocumentParams {
  query?: unknown;
  extensions?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Allow-listed mode, before Apollo reads the request: a request names a registered document by
 * `extensions.persistedQuery.sha256Hash` (its text is taken from the manifest and the extension
 * removed, so Apollo's APQ handling, which is off, never sees it) or sends the text of one (its
 * sha256 must be registered; a text beside a hash must be that hash's document). Anything else
 * throws DocumentNotAllowed, before anything is parsed. Nothing a caller sends is ever added to
 * the manifest. Returns the query and extensions to hand on.
 */
export function admitTrustedDocument(params: DocumentParams, manifest: TrustedManifest): { query: string; extensions: Record<string, unknown> | undefined } {
  const extensions = isObject(params.extensions) ? params.extensions : undefined;
  if (params.extensions !== undefined && extensions === undefined) throw new DocumentNotAllowed();
  const persisted = extensions?.persistedQuery;
  if (persisted !== undefined) {
    const hash = isObject(persisted) && typeof persisted.sha256Hash === "string" ? persisted.sha256Hash : undefined;
    const text = hash === undefined ? undefined : manifest.get(hash);
    if (text === undefined || (params.query !== undefined && params.query !== text)) throw new DocumentNotAllowed();
    const { persistedQuery: _, ...rest } = extensions ?? {};
    return { query: text, extensions: rest };
  }
  if (typeof params.query !== "string" || !manifest.has(documentHash(params.query))) throw new DocumentNotAllowed();
  return { query: params.query, extensions };
}
