import { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import {
  ErrorCode,
  FACTS_AUDIENCE,
  FILTER_EXCLUSIONS_EXTENSION,
  filterExclusionsOf,
  INTERNAL_TOKEN_HEADER,
  type InternalClaims,
  type ServiceBreaker,
  ServiceUnavailableError,
  subgraphAudience,
  type UnavailableReason,
} from "@skyddsnat/schema";
import { hubMetrics, REQUEST_ID_HEADER } from "@skyddsnat/platform";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./context.js";
import { type RequestTokens, requestTokens } from "./auth/request-tokens.js";
import { createSubgraphFetcher, PlainHeaders } from "./subgraph-fetcher.js";

export interface InternalSigner {
  sign(claims: InternalClaims, audience: string | readonly string[]): Promise<string>;
}

/** How one subgraph is called: each call within `timeoutMs`, all calls through its breaker. */
export interface SubgraphFaults {
  breaker: ServiceBreaker;
  timeoutMs: number;
}

/** The fields of a subgraph that did not answer are missing; the error names it and why, nothing else. */
export function subgraphUnavailable(subgraph: string, reason: UnavailableReason): GraphQLError {
  return new GraphQLError(`The ${subgraph} service did not answer; its fields are missing from this response.`, {
    extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: subgraph, reason },
  });
}

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>["process"]>[0];

/**
 * Calls one subgraph with a short-lived token the gateway signs for that subgraph only, carrying
 * the verified actor. The caller's own token never leaves the gateway. A call that does not
 * answer in time is aborted (the socket with it); a subgraph that keeps failing is not called at
 * all while its breaker is open. Either way only its own fields go missing, with an error naming
 * it (Apollo's executor adds `serviceName` and the path to what `process` answers).
 */
export class InternalTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    signer: InternalSigner,
    private readonly faults: SubgraphFaults,
    // A client whose deadline aborts the request and its body (Apollo's default fetcher would
    // wait on a hung subgraph for as long as the socket lives): see subgraph-fetcher.ts.
    fetcher: RemoteGraphQLDataSource["fetcher"] = createSubgraphFetcher({ timeoutMs: faults.timeoutMs }).fetcher,
  ) {
    super({ url, fetcher });
    this.tokens = requestTokens((claims, audience) => signer.sign(claims, audience));
    // The subgraph may forward its token to social services' facts route, and nowhere else.
    this.audience = [subgraphAudience(subgraph), FACTS_AUDIENCE];
  }

  private readonly tokens: RequestTokens;
  private readonly audience: readonly string[];

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    try {
      const response = await this.faults.breaker.call(() => this.send(options));
      hubMetrics.subgraphCallDuration.observe({ subgraph: this.subgraph, outcome: "answered" }, took());
      return response;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      hubMetrics.subgraphCallDuration.observe({ subgraph: this.subgraph, outcome: "unavailable" }, took());
      options.context.logger?.warn({ subgraph: this.subgraph, reason: error.reason }, "subgraph unavailable: its fields are missing");
      return { errors: [subgraphUnavailable(this.subgraph, error.reason)] };
    }
  }

  /**
   * What RemoteGraphQLDataSource.process does for the gateway's calls (no automatic persisted
   * queries, no cache hints: responses are never cached), without its node-fetch Request and
   * Headers per call: the hooks below see the same request and response as before.
   */
  private async send(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers = new PlainHeaders();
    for (const [name, value] of request.http?.headers ?? []) headers.append(name, value);
    headers.set("content-type", "application/json");
    request.http = { method: "POST", url: this.url, headers };
    await this.willSendRequest(options);
    if (!request.query) throw new Error("Missing query");
    const { http, ...body } = request;
    const response = await this.fetcher(http.url, { method: http.method, headers: headers.toObject(), body: JSON.stringify(body) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const parsed = await this.parseBody(response);
    if (typeof parsed !== "object" || parsed === null) throw new Error(`Expected JSON response body, but received: ${parsed}`);
    const pathInIncomingRequest = "pathInIncomingRequest" in options ? options.pathInIncomingRequest : undefined;
    return this.didReceiveResponse({ response: { ...parsed, http: response }, request, context: context as GatewayContext, ...(pathInIncomingRequest ? { pathInIncomingRequest } : {}) });
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]): Promise<void> {
    if (!context.actor) throw new Error("no verified actor on the request");
    // Signed once per request for this subgraph, reused by the request's other calls to it.
    const token = await this.tokens.tokenFor(context as GatewayContext, this.audience);
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, token);
    // The token carries it signed; the header lets proxies and the subgraph's access log see it.
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
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
