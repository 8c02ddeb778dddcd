import type { IncomingMessage, Server } from "node:http";
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import {
  close,
  createGraphQLHttpServer,
  currentTraceId,
  HttpError,
  listen,
  type Logger,
  type RouteHandler,
  sendJson,
} from "@skyddsnat/platform";
import {
  type Agency,
  FACTS_AUDIENCE,
  FACTS_CHANGES_ROUTE,
  FILTER_EXCLUSIONS_EXTENSION,
  INTERNAL_TOKEN_HEADER,
  type InternalClaims,
  maskUnexpectedErrors,
  subgraphAudience,
  verifyInternalToken,
} from "@skyddsnat/schema";
import type { GraphQLSchema } from "graphql";
import type { SubgraphContext } from "./context.js";
import { fieldClassesOf } from "./classification-sdl.js";
import { logAnswer, subgraphAccessLog } from "./access-log.js";
import { createQueryRunner } from "./query-runner.js";
import type { FactsChangeFeed } from "./facts-feed.js";
import { type PeekableFactsSource, PolicyContext } from "./policy-context.js";


export interface AgencySubgraphOptions<Loaders> {
  /** The subgraph's name, as in the supergraph and the internal token's audience. */
  name: string;
  schema: GraphQLSchema;
  /** The gateway's public keys: the only issuer a subgraph trusts. */
  gatewayJwks: { keys: object[] };
  logger: Logger;
  /** The agency whose records this subgraph holds (the policy's own-agency condition). */
  agency: Agency;
  /** Fresh loaders per request, so batching and caching never cross actors. */
  createLoaders: (claims: InternalClaims) => Loaders;
  /** Where subject facts come from (social services: its tables; others: its facts route). */
  facts: PeekableFactsSource & { close?(): void };
  /** The owner of the facts (social services) serves their change feed to the rest of the hub. */
  factsFeed?: FactsChangeFeed;
  /** Routes for other parts of the hub (policy facts), each requiring a gateway token with its audience. */
  internalRoutes?: Record<string, { audience: string; handle: (claims: InternalClaims, body: unknown) => Promise<unknown> }>;
  /** Called when a mutation starts and when it has finished (e.g. to drop cached facts). */
  onMutation?: () => void;
  /** Readiness: resolves when the subgraph's database answers. */
  ready?: () => Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts one agency's subgraph: internal-token check, request context, health routes. */
export async function startAgencySubgraph<Loaders>(
  options: AgencySubgraphOptions<Loaders>,
  port: number,
  host = "127.0.0.1",
): Promise<RunningSubgraph> {
  const audience = subgraphAudience(options.name);
  const fieldClasses = fieldClassesOf(options.schema);
  const formatError = maskUnexpectedErrors((error) => options.logger.error({ err: error }, "unexpected error"));
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger: options.logger,
    // The process stops the servers in order (the audit trail's closing checkpoint last); Apollo's
    // own handler would stop this one alone and re-raise the signal, ending the process first.
    stopOnTerminationSignals: false,
    // Traces would carry field timings to Apollo's cloud; the hub talks to no cloud. Cache hints
    // are computed per field and only ever say "no-store", which the HTTP layer sets anyway.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      subgraphAccessLog(options.name, options.logger),
      {
        async requestDidStart() {
          return {
            async executionDidStart({ operation }) {
              if (operation.operation === "mutation") options.onMutation?.();
            },
            async willSendResponse({ operation, contextValue, response }) {
              if (operation?.operation === "mutation") options.onMutation?.();
              const extensions = exclusionsOf(contextValue);
              if (extensions && response.body.kind === "single") {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, ...extensions };
              }
            },
          };
        },
      },
    ],
    formatError,
  });
  // Apollo answers what the runner leaves to it: mutations, and anything refused before execution.
  const runQuery = createQueryRunner<SubgraphContext<Loaders>>({
    schema: options.schema,
    formatError,
    extensionsOf: exclusionsOf,
    answered: (context, answer) => logAnswer(options.name, options.logger, context, { ...answer, traceId: currentTraceId() }),
  });
  await apollo.start();

  async function authenticate(req: IncomingMessage, expectedAudience = audience): Promise<InternalClaims> {
    const token = req.headers[INTERNAL_TOKEN_HEADER];
    if (typeof token !== "string" || token === "") {
      throw new HttpError(401, "UNAUTHENTICATED", "requests are accepted from the hub's gateway only");
    }
    try {
      return await verifyInternalToken(token, options.gatewayJwks as never, expectedAudience);
    } catch {
      throw new HttpError(401, "UNAUTHENTICATED", "requests are accepted from the hub's gateway only");
    }
  }

  const routes: Record<string, RouteHandler> = {
    "GET /health/live": async (_req, res) => sendJson(res, 200, { status: "live" }),
    "GET /health/ready": async (_req, res) => {
      try {
        await options.ready?.();
        sendJson(res, 200, { status: "ready" });
      } catch {
        sendJson(res, 503, { status: "unavailable" });
      }
    },
  };
  for (const [route, { audience: routeAudience, handle }] of Object.entries(options.internalRoutes ?? {})) {
    routes[route] = async (req, res, body) => sendJson(res, 200, await handle(await authenticate(req, routeAudience), body));
  }
  const feed = options.factsFeed;
  if (feed) {
    routes[`GET ${FACTS_CHANGES_ROUTE}`] = async (req, res) => {
      await authenticate(req, FACTS_AUDIENCE);
      if (!feed.subscribe(res)) throw new HttpError(503, "UNAVAILABLE", "the change feed is full or suspended");
    };
  }

  const server: Server = createGraphQLHttpServer({
    apollo,
    routes,
    answer: (req, body, context) => (answersJson(req) ? runQuery(body, context) : Promise.resolve(undefined)),
    context: async (req) => {
      const claims = await authenticate(req);
      const requestId = claims.requestId || randomUUID();
      const logger = options.logger.child({ requestId, actor: claims.actor.staffId });
      const emergencyGrants = new Set(claims.emergencyGrants);
      const token = req.headers[INTERNAL_TOKEN_HEADER] as string;
      return {
        subgraph: options.name,
        actor: claims.actor,
        requestId,
        emergencyGrants,
        logger,
        loaders: options.createLoaders(claims),
        policy: new PolicyContext(
          claims.actor,
          emergencyGrants,
          options.agency,
          options.facts,
          token,
          (error) => logger.warn({ err: error }, "subject facts unavailable: withholding protected fields"),
          fieldClasses,
        ),
      };
    },
  });
  let actualPort: number;
  try {
    actualPort = await listen(server, port, host);
  } catch (error) {
    // A port already taken: nothing was served, and the caller closes what it opened (startAgency).
    await apollo.stop();
    throw error;
  }
  options.logger.info({ port: actualPort }, "subgraph listening");
  return {
    name: options.name,
    port: actualPort,
    url: `http://${host}:${actualPort}/graphql`,
    async stop() {
      feed?.close();
      options.facts.close?.();
      await close(server);
      await apollo.stop();
    },
  };
}

/** Protected persons a filter excluded, for the gateway's audit trail (which strips them): both paths' answers carry them. */
const exclusionsOf = (context: SubgraphContext<unknown> | undefined): Record<string, unknown> | undefined => {
  const excluded = context?.policy?.filterExclusions ?? [];
  return excluded.length > 0 ? { [FILTER_EXCLUSIONS_EXTENSION]: excluded } : undefined;
};

/** A caller that takes Apollo's default answer type (the gateway sends no Accept header). */
const answersJson = (req: IncomingMessage): boolean => {
  const accept = req.headers.accept;
  return accept === undefined || accept === "application/json" || accept === "*/*";
};
