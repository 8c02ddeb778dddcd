import { randomUUID } from "node:crypto";
import type { RemoteJWKSetOptions } from "jose";
import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import {
  close,
  createGraphQLHttpServer,
  listen,
  countFactsLookups,
  type Logger,
  observeBreaker,
  observeFactsFeed,
  REQUEST_ID_HEADER,
  type RouteHandler,
  requestIdFrom,
  sendJson,
} from "@skyddsnat/platform";
import { FACTS_AUDIENCE, type FactsCacheTimes, GATEWAY_AUDIENCE, maskUnexpectedErrors, remoteFacts, type ServiceBreaker, SUPERGRAPH_PATH, serviceBreaker } from "@skyddsnat/schema";
import type { AuditTrail } from "./audit/audit-trail.js";
import { auditStep } from "./audit/audit-step.js";
import { exportAudit } from "./audit/export.js";
import { keepGatewayCodes } from "./gateway-errors.js";
import { responseGuardStep } from "./guard/guard-step.js";
import { APOLLO_CACHE_OPTIONS, persistedQueriesRefused } from "./no-shared-caches.js";
import { actorDocuments } from "./actor-documents.js";
import { admitDocument } from "./admit-document.js";
import { type FrontDoorSettings, OPEN_FRONT_DOOR } from "./front-door-settings.js";
import { operationLimitsStep } from "./limits/limits-step.js";
import { accessStep } from "./observability/access-step.js";
import { withoutSuggestions } from "./suggestions.js";
import { authenticate, authenticationStep } from "./auth/authentication.js";
import { createIssuerRegistry, type IssuerConfig } from "./auth/issuers.js";
import { createInternalSigner } from "./auth/internal-signer.js";
import type { GatewayContext } from "./context.js";
import { readiness } from "./faults/readiness.js";
import { landingPageRoutes } from "./landing-page.js";
import { type WebAppOptions, webAppRoutes } from "./web-app.js";
import { doorOf, operationOf, withExecutionSteps } from "./pipeline.js";
import { createSubgraphFetcher } from "./subgraph-fetcher.js";
import { InternalTokenDataSource } from "./subgraph-transport.js";
import { loadShedding } from "./traffic/load-shedding.js";
import { createRateLimit } from "./traffic/rate-limit.js";
import { loadSheddingStep, rateLimitStep } from "./traffic/traffic-steps.js";

export interface GatewayOptions {
  /** Subgraph name → GraphQL URL; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string>;
  issuers: IssuerConfig[];
  /**
   * How remote key sets (a JWKS uri, or one found by discovery) are cached: jose's options, e.g.
   * `cooldownDuration` (how soon an unknown key id may refetch, default 30 s) and `cacheMaxAge`
   * (how long a fetched set is trusted, default 10 min: a revoked key stops working within it).
   */
  issuerKeys?: RemoteJWKSetOptions;
  /** The gateway's own signing key for internal tokens. */
  internalKey: { privateJwk: object; kid: string };
  logger: Logger;
  audience?: string;
  port?: number;
  host?: string;
  supergraphSdl?: string;
  /** Benchmarks only: measure the hub without the response guard. */
  unsafeDisableGuard?: boolean;
  /** The audit trail; without it, protected values are never released (fail closed). */
  audit?: AuditTrail;
  /** Benchmarks only: release decisions without recording them, to measure the audit's cost. */
  unsafeSkipAudit?: boolean;
  /**
   * Benchmarks only: share Apollo's parsed-document cache and the query-plan cache across actors,
   * as before they were closed, to measure the timing oracle they were (bench/cache-oracle).
   */
  unsafeSharedCaches?: boolean;
  /** Operation limits, trusted documents, CORS and HTTP timeouts; default the open development door. */
  frontDoor?: FrontDoorSettings;
  /** The users' web app at /app/ and GraphiQL at / (web/dist); without it, / is a plain page. */
  webApp?: WebAppOptions;
  /** How long policy facts may be reused (FACTS_CACHE_MS, FACTS_FOLLOWED_CACHE_MS); default the contract's. */
  factsCache?: Partial<FactsCacheTimes>;
}

const claimsOf = (context: GatewayContext) => ({
  actor: context.actor,
  requestId: context.requestId,
  emergencyGrants: context.emergencyGrants,
});

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The hub's front door, as a pipeline of steps (pipeline.ts) in the order a request meets them:
 * at the door, before the body is read, load shedding, the caller's token and the caller's rate
 * limit; inside Apollo the operation limits (the document's length and trusted documents are
 * checked in front of it, admitDocument); around execution the response guard, which asks the
 * audit step before anything protected is released or changed. Apollo's gateway plans the query
 * and calls each subgraph with a token of its own, through a timeout and a breaker per subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? (await readFile(SUPERGRAPH_PATH, "utf8"));
  const signer = await createInternalSigner(options.internalKey.privateJwk as never, options.internalKey.kid);
  const registry = createIssuerRegistry(options.issuers, options.issuerKeys ? { remote: options.issuerKeys } : {});
  const audience = options.audience ?? GATEWAY_AUDIENCE;

  const socialServices = options.subgraphUrls["social-services"];
  if (!socialServices) throw new Error("the gateway needs the social-services URL: it serves the policy's facts");
  const frontDoor = options.frontDoor ?? OPEN_FRONT_DOOR;
  const { faults } = frontDoor;
  const breakerSettings = { failures: faults.breakerFailures, halfOpenAfterMs: faults.breakerHalfOpenMs };
  const facts = remoteFacts(socialServices, {
    ...options.factsCache,
    timeoutMs: faults.factsTimeoutMs,
    breaker: breakerSettings,
    observeLookups: (hits, misses) => countFactsLookups("gateway", hits, misses),
  });
  observeFactsFeed("gateway", facts.following);
  observeBreaker("gateway", "facts", facts.breaker.state);
  const breakers: Record<string, ServiceBreaker> = { facts: facts.breaker };
  const breakerFor = (name: string) => {
    if (!breakers[name]) {
      const breaker = serviceBreaker(name, breakerSettings, (state) => options.logger.warn({ subgraph: name, state }, "subgraph breaker changed state"));
      observeBreaker("gateway", name, breaker.state);
      breakers[name] = breaker;
    }
    return breakers[name] as ServiceBreaker;
  };

  const verify = authenticate({ registry, audience, logger: options.logger, ...(options.audit ? { audit: options.audit } : {}) });
  const rateLimit = createRateLimit(frontDoor.traffic, options.logger);
  const audit = auditStep({ ...(options.audit ? { audit: options.audit } : {}), unsafeSkipAudit: options.unsafeSkipAudit === true });
  // In the order a request meets them.
  const steps = [
    accessStep(options.logger),
    loadSheddingStep(loadShedding(frontDoor.traffic.maxInFlight)),
    authenticationStep(verify),
    rateLimitStep(rateLimit),
    operationLimitsStep(frontDoor.limits),
    responseGuardStep({
      supergraphSdl,
      disabled: options.unsafeDisableGuard === true,
      loadFacts: async (subjectIds, context) => facts(subjectIds, () => signer.sign(claimsOf(context), FACTS_AUDIENCE)),
      unsafeSharedPlans: options.unsafeSharedCaches === true,
      ...audit.hooks,
    }),
    audit,
  ];
  // One keep-alive pool per subgraph, shared by every request (subgraph-fetcher.ts).
  const subgraphs = createSubgraphFetcher({ timeoutMs: faults.subgraphTimeoutMs });
  // @apollo/gateway otherwise sends usage metrics to Apollo's endpoint every minute and probes
  // the cloud metadata services for host facts: nothing leaves the hub on Apollo's behalf. It
  // reads only this variable, when the gateway is constructed; an operator's own setting stands.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = withExecutionSteps(new ApolloGateway({
    supergraphSdl,
    // The query plan of a request is not the caller's to see (it names the guard's hidden fields).
    __exposeQueryPlanExperimental: false,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      return new InternalTokenDataSource(name, target, signer, { breaker: breakerFor(name), timeoutMs: faults.subgraphTimeoutMs }, subgraphs.fetcher);
    },
  }), steps);
  const operation = operationOf(steps);
  const trusted = frontDoor.trustedDocuments.mode === "allow-listed";
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...(options.unsafeSharedCaches ? {} : APOLLO_CACHE_OPTIONS),
    parseOptions: operation.parseOptions,
    // On the client's document, before the guard adds its hidden fields.
    validationRules: operation.validationRules,
    // Where only registered documents run, the schema is not for callers to explore either.
    introspection: !trusted,
    // No "Did you mean …" in validation errors (Apollo's own plugin); formatError strips the rest.
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    logger: options.logger,
    // The process stops the servers in order (see subgraph-server.ts in the kit).
    stopOnTerminationSignals: false,
    formatError: withoutSuggestions(keepGatewayCodes(maskUnexpectedErrors((error) => options.logger.error({ err: error }, "unexpected error")))),
    plugins: [
      ...operation.plugins,
      persistedQueriesRefused(),
      // Apollo's shared document cache is off (APOLLO_CACHE_OPTIONS); each actor has her own.
      ...(options.unsafeSharedCaches ? [] : [actorDocuments()]),
      // Nothing reaches the network on Apollo's behalf: no landing page from a CDN on
      // GET /graphql (the hub serves its own GraphiQL at /), no usage or schema reports even
      // with an APOLLO_KEY in the environment.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Per-field cache hints would only ever say "no-store", which the HTTP layer sets anyway.
      ApolloServerPluginCacheControlDisabled(),
      {
        // The request id ties a response to its audit records and log lines.
        async requestDidStart({ contextValue }) {
          return {
            async willSendResponse({ response, operation }) {
              response.http.headers.set("x-request-id", contextValue.requestId);
              // A caller who just changed a consent or a level sees the change in its very next
              // request, without waiting for social services' change feed to arrive.
              if (operation?.operation === "mutation") facts.clear();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const routes: Record<string, RouteHandler> = {
    ...landingPageRoutes(),
    ...(options.webApp ? webAppRoutes(options.webApp) : {}),
    ...(options.audit ? { "GET /audit/export": (req, res) => exportAudit(req, res, options.audit as AuditTrail, (req) => verify(req, randomUUID())) } : {}),
    "GET /health/live": async (_req, res) => sendJson(res, 200, { status: "live" }),
    "GET /health/ready": async (_req, res) => {
      const audit = options.audit;
      const report = await readiness({
        registry,
        breakers,
        ...(audit ? { auditStore: () => audit.store.prisma.$queryRawUnsafe("SELECT 1") } : {}),
      });
      const { ready, ...details } = report;
      sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "unready", ...details });
    },
  };

  const server = createGraphQLHttpServer<GatewayContext>({
    apollo,
    routes,
    context: doorOf(steps, (req) => requestIdFrom(req.headers[REQUEST_ID_HEADER])),
    corsOrigins: frontDoor.corsOrigins,
    prepare: (request) => admitDocument(request, frontDoor),
    ...(frontDoor.requestTimeoutMs !== undefined ? { requestTimeoutMs: frontDoor.requestTimeoutMs } : {}),
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 4000, host);
  options.logger.info({ port }, "gateway listening");
  return {
    port,
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}/graphql`,
    async stop() {
      // Requests in flight finish (bounded) before the facts feed and Apollo go away.
      await close(server, frontDoor.shutdownGraceMs);
      facts.close();
      await rateLimit.close();
      await apollo.stop();
      await subgraphs.close();
    },
  };
}
