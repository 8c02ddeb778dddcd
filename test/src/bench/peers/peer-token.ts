import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import {
  type Actor,
  FACTS_AUDIENCE,
  importInternalSigningKey,
  INTERNAL_TOKEN_HEADER,
  SUBGRAPHS,
  signInternalToken,
  subgraphAudience,
} from "@skyddsnat/schema";

/**
 * How a peer gateway in bench:peers gets past the subgraphs, which accept the hub's internal
 * token and nothing else: signed with the hub's own signer and key (PEER_PRIVATE_JWK_FILE), for
 * the bench's one actor (PEER_ACTOR, JSON, as the hub's gateway would have verified it). One
 * signature per incoming request, valid for every subgraph and the facts route, as a
 * header-forwarding plugin would do it. The peers do not authenticate callers and have no policy
 * layer: they stand for what a gateway costs without either.
 */
export interface PeerToken {
  header: typeof INTERNAL_TOKEN_HEADER;
  /** A fresh token for one incoming request. */
  forRequest(): Promise<string>;
}

export async function peerToken(): Promise<PeerToken> {
  const privateJwk = JSON.parse(await readFile(required("PEER_PRIVATE_JWK_FILE"), "utf8"));
  const actor = JSON.parse(required("PEER_ACTOR")) as Actor;
  const privateKey = await importInternalSigningKey(privateJwk);
  const audiences = [...SUBGRAPHS.map(({ name }) => subgraphAudience(name)), FACTS_AUDIENCE];
  return {
    header: INTERNAL_TOKEN_HEADER,
    forRequest: () => signInternalToken({ actor, requestId: randomUUID(), emergencyGrants: [] }, { privateKey, kid: privateJwk.kid }, audiences),
  };
}

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** The port the bench gave the peer (HOST/PORT, as start-service reads them). */
export const listenPort = () => Number(required("PORT"));
