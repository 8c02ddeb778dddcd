import { RemoteGraphQLDataSource } from "@apollo/gateway";
import {
  FACTS_AUDIENCE,
  FILTER_EXCLUSIONS_EXTENSION,
  filterExclusionsOf,
  INTERNAL_TOKEN_HEADER,
  type InternalClaims,
  subgraphAudience,
} from "@skyddsnat/schema";
import type { GatewayContext } from "./context.js";


export interface InternalSigner {
  sign(claims: InternalClaims, audience: string | string[]): Promise<string>;
}

/**
 * Calls one subgraph with a short-lived token the gateway signs for that subgraph only, carrying
 * the verified actor. The caller's own token never leaves the gateway.
 */
export class InternalTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signer: InternalSigner,
  ) {
    super({ url });
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]): Promise<void> {
    if (!context.actor) throw new Error("no verified actor on the request");
    const token = await this.signer.sign(
      { actor: context.actor, requestId: context.requestId, emergencyGrants: context.emergencyGrants },
      // The subgraph may forward this token to social services' facts route, and nowhere else.
      [subgraphAudience(this.subgraph), FACTS_AUDIENCE],
    );
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, token);
  }

  /** A subgraph's filter exclusions go to the request's audit trail and never further. */
  override async didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0]) {
    const excluded = filterExclusionsOf(response.extensions);
    if (excluded.length > 0) context.filterExclusions?.push(...excluded);
    if (response.extensions) delete response.extensions[FILTER_EXCLUSIONS_EXTENSION];
    return response;
  }
}
