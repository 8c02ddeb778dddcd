import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { parse } from "graphql";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import {
  close,
  createGraphQLHttpServer,
  HttpError,
  listen,
  type Logger,
  type RouteHandler,
  sendJson,
} from "@skyddsnat/platform";
import { FACTS_AUDIENCE, GATEWAY_AUDIENCE, maskUnexpectedErrors, remoteFacts, SUPERGRAPH_PATH } from "@skyddsnat/schema";
import type { AuditTrail } from "./audit/audit-trail.js";
import { withholdUnrecorded } from "./audit/entries.js";
import { exportAudit } from "./audit/export.js";
import { keepGatewayCodes } from "./gateway-errors.js";
import { guardGateway } from "./guard/guarded-gateway.js";
import { classificationMap } from "./guard/classification-map.js";
import { reservedNamesRule } from "./guard/reserved-names.js";
import { APOLLO_CACHE_OPTIONS, persistedQueriesRefused } from "./no-shared-caches.js";
import { AuthenticationError, IssuerUnavailableError } from "./auth/errors.js";
import { admitDocument } from "./admit-document.js";
import { callerMistakesPlugin } from "./caller-mistakes.js";
import { type FrontDoorSettings, OPEN_FRONT_DOOR } from "./front-door-settings.js";
import { operationLimits } from "./limits/index.js";
import { withoutSuggestions } from "./suggestions.js";
import { createIssuerRegistry, type IssuerConfig } from "./auth/issuers.js";
import { createInternalSigner } from "./auth/internal-signer.js";
import { verifyCaller } from "./auth/verify-caller.js";
import type { GatewayContext } from "./context.js";
import { landingPageRoutes } from "./landing-page.js";
import { InternalTokenDataSource } from "./subgraph-transport.js";

export interface GatewayOptions {
  /** Subgraph name → GraphQL URL; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string>;
  issuers: IssuerConfig[];
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
}

/** How long a caller should wait before retrying when an issuer's keys could not be fetched. */
const ISSUER_RETRY_AFTER_SECONDS = "5";

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
 * The hub's front door. A request meets, in order: the caller's token check (before any GraphQL
 * work), then Apollo's gateway, which plans the query and calls each subgraph with a token of
 * its own.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? (await readFile(SUPERGRAPH_PATH, "utf8"));
  const signer = await createInternalSigner(options.internalKey.privateJwk as never, options.internalKey.kid);
  const registry = createIssuerRegistry(options.issuers);
  const audience = options.audience ?? GATEWAY_AUDIENCE;

  const socialServices = options.subgraphUrls["social-services"];
  if (!socialServices) throw new Error("the gateway needs the social-services URL: it serves the policy's facts");
  const facts = remoteFacts(socialServices);
  const gateway = guardGateway(new ApolloGateway({
    supergraphSdl,
    // The query plan of a request is not the caller's to see (it names the guard's hidden fields).
    __exposeQueryPlanExperimental: false,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      return new InternalTokenDataSource(name, target, signer);
    },
  }), {
    supergraphSdl,
    disabled: options.unsafeDisableGuard === true,
    loadFacts: async (subjectIds, context) =>
      facts(subjectIds, () => signer.sign(claimsOf(context), FACTS_AUDIENCE)),
    unsafeSharedPlans: options.unsafeSharedCaches === true,
    beforeMutation: (mutations, context, executed) => {
      if (options.unsafeSkipAudit) return Promise.resolve();
      // With no audit trail configured no change is made: it could not be recorded.
      return options.audit ? options.audit.intend(mutations, context, executed) : Promise.reject(new Error("no audit trail configured"));
    },
    beforeRelease: (outcome, context, executed) => {
      if (options.unsafeSkipAudit) return Promise.resolve(outcome.decisions);
      // With no audit trail configured nothing protected may leave: it could not be recorded.
      return options.audit ? options.audit.beforeRelease(outcome, context, executed) : Promise.resolve(withholdUnrecorded(outcome));
    },
  });
  const frontDoor = options.frontDoor ?? OPEN_FRONT_DOOR;
  const limits = operationLimits<GatewayContext>(frontDoor.limits);
  const trusted = frontDoor.trustedDocuments.mode === "allow-listed";
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...(options.unsafeSharedCaches ? {} : APOLLO_CACHE_OPTIONS),
    parseOptions: limits.parseOptions,
    // On the client's document, before the guard adds its hidden fields.
    validationRules: [reservedNamesRule(classificationMap(parse(supergraphSdl))), ...limits.validationRules],
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
      // In the order a request meets them (which document, and its length, are checked in front
      // of Apollo: admitDocument): its tokens, then, once valid, which operation, and its cost.
      ...limits.plugins.slice(0, 1),
      callerMistakesPlugin<GatewayContext>(),
      ...limits.plugins.slice(1),
      persistedQueriesRefused(),
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

  const authenticate = async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = randomUUID();
    try {
      const actor = await verifyCaller(req.headers.authorization, registry, { audience });
      const logger = options.logger.child({ requestId, actor: actor.staffId, role: actor.role });
      let emergencyGrants: string[] = [];
      try {
        emergencyGrants = (await options.audit?.emergencyGrants({ actor })) ?? [];
      } catch (error) {
        logger.warn({ err: error }, "emergency grants unavailable: none apply");
      }
      return { actor, requestId, logger, emergencyGrants, filterExclusions: [] };
    } catch (error) {
      if (error instanceof AuthenticationError) {
        options.logger.info({ requestId, reason: error.reason }, "caller refused");
        await options.audit?.denied(error.reason, requestId, req.socket.remoteAddress).catch(() => {});
        throw new HttpError(
          401,
          "UNAUTHENTICATED",
          "A valid token from a configured agency issuer is required.",
          { reason: error.reason, requestId },
          {
            "x-request-id": requestId,
            // RFC 6750: how to authenticate; invalid_token once a token was sent.
            "www-authenticate": error.reason === "NO_TOKEN" ? 'Bearer realm="skyddsnat"' : 'Bearer realm="skyddsnat", error="invalid_token"',
          },
        );
      }
      if (error instanceof IssuerUnavailableError) {
        // Fail closed, but not the caller's fault: try again shortly.
        options.logger.warn({ requestId, issuer: error.issuer }, "issuer keys unavailable: caller not checked");
        throw new HttpError(
          503,
          "ISSUER_UNAVAILABLE",
          "The token's issuer keys cannot be fetched right now; try again shortly.",
          { requestId },
          { "x-request-id": requestId, "retry-after": ISSUER_RETRY_AFTER_SECONDS },
        );
      }
      throw error;
    }
  };

  const routes: Record<string, RouteHandler> = {
    ...landingPageRoutes(),
    ...(options.audit ? { "GET /audit/export": (req, res) => exportAudit(req, res, options.audit as AuditTrail, authenticate) } : {}),
    "GET /health/live": async (_req, res) => sendJson(res, 200, { status: "live" }),
    "GET /health/ready": async (_req, res) => {
      const results = await Promise.all(
        Object.entries(options.subgraphUrls).map(async ([name, url]) => {
          const ready = await fetch(new URL("/health/ready", url), { signal: AbortSignal.timeout(2000) })
            .then((response) => response.ok)
            .catch(() => false);
          return [name, ready ? "ready" : "unavailable"] as const;
        }),
      );
      const subgraphs = Object.fromEntries(results);
      const allReady = results.every(([, state]) => state === "ready");
      sendJson(res, allReady ? 200 : 503, { status: allReady ? "ready" : "degraded", subgraphs });
    },
  };

  const server = createGraphQLHttpServer<GatewayContext>({
    apollo,
    routes,
    context: authenticate,
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
      await apollo.stop();
    },
  };
}
