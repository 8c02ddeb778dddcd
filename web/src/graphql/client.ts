import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import manifest from "../gql/persisted-documents.json";

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLErrorShape[];
}

type WithHash = { __meta__?: { hash?: string } };

/**
 * The registered text of a typed document: exactly what the trusted-documents manifest holds,
 * byte for byte, so the gateway admits it in allow-listed mode (it hashes the text it receives).
 */
export function registeredText(document: TypedDocumentNode<unknown, unknown>): string {
  const hash = (document as WithHash).__meta__?.hash;
  const text = hash ? (manifest as Record<string, string>)[hash] : undefined;
  if (!text) throw new Error("This operation is not in the trusted-documents manifest: run npm run codegen -w @skyddsnat/web.");
  return text;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string | undefined) {
    super(`The hub answered HTTP ${status}${code ? ` (${code})` : ""}.`);
  }
}

export async function execute<T, V>(
  graphqlPath: string,
  token: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<GraphQLResult<T>> {
  const response = await fetch(graphqlPath, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: registeredText(document as TypedDocumentNode<unknown, unknown>), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLErrorShape[] };
  if (!response.ok && !body.data) throw new HttpError(response.status, body.errors?.[0]?.extensions?.code);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
