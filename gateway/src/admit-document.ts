import { HttpError } from "@skyddsnat/platform";
import type { FrontDoorSettings } from "./front-door-settings.js";
import { documentTooLong, LimitCode } from "./limits/index.js";
import { admitTrustedDocument, type DocumentParams, DocumentNotAllowed } from "./trusted-documents/trusted-documents.js";

export interface HttpGraphQLParams {
  method: string;
  /** The URL's query string, "?…" or "" (a GET request's parameters). */
  search: string;
  /** The parsed JSON body of a POST. */
  body: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Which document to run, checked against the trusted documents and the length limit. */
function admit(params: DocumentParams, door: FrontDoorSettings): DocumentParams {
  let admitted = params;
  if (door.trustedDocuments.mode === "allow-listed") {
    try {
      admitted = admitTrustedDocument(params, door.trustedDocuments.manifest);
    } catch (error) {
      if (error instanceof DocumentNotAllowed) throw new HttpError(400, error.code, error.message);
      throw error;
    }
  }
  if (documentTooLong(admitted.query, door.limits)) {
    throw new HttpError(400, LimitCode.DOCUMENT_TOO_LARGE, `The document is longer than ${door.limits.maxDocumentChars} characters.`);
  }
  return admitted;
}

/**
 * The front door's checks on the request's document, in front of Apollo Server: Apollo answers
 * HTTP 500 to any error a plugin throws before parsing, so a refusal here is a plain 400 of its
 * own. A GET's document is in its query string, a POST's in its body; a batch (an array) or a
 * body that is not JSON is Apollo's to refuse (400).
 */
export function admitDocument(request: HttpGraphQLParams, door: FrontDoorSettings): { search: string; body: unknown } {
  if (request.method === "GET") {
    const search = new URLSearchParams(request.search);
    let extensions: unknown;
    try {
      extensions = search.has("extensions") ? JSON.parse(search.get("extensions") as string) : undefined;
    } catch {
      throw new HttpError(400, "BAD_REQUEST", "the extensions parameter is not valid JSON");
    }
    const admitted = admit({ query: search.get("query") ?? undefined, extensions }, door);
    if (typeof admitted.query === "string") search.set("query", admitted.query);
    if (admitted.extensions === undefined) search.delete("extensions");
    else search.set("extensions", JSON.stringify(admitted.extensions));
    const text = search.toString();
    return { search: text ? `?${text}` : "", body: request.body };
  }
  if (!isObject(request.body)) return { search: request.search, body: request.body };
  const admitted = admit({ query: request.body.query, extensions: request.body.extensions }, door);
  const body: Record<string, unknown> = { ...request.body, query: admitted.query };
  if (admitted.extensions === undefined) delete body.extensions;
  else body.extensions = admitted.extensions;
  if (body.query === undefined) delete body.query;
  return { search: request.search, body };
}
