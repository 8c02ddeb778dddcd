import { readFile } from "node:fs/promises";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { createGraphQLHttpServer, listen, sendJson } from "@skyddsnat/platform";
import { listenPort, peerToken, required } from "./peer-token.js";

/**
 * bench:peers' baseline: plain @apollo/gateway in ApolloServer, Apollo's own defaults (its default
 * fetcher behind RemoteGraphQLDataSource), over the node:http front the hub uses too, so the ratio
 * is the gateway layer's. Its only addition is the internal token, one per request, in a header.
 * Reads PEER_SUPERGRAPH_FILE (the supergraph with the bench's subgraph URLs), PORT and peer-token's
 * variables.
 */
interface PeerContext {
  token: string;
}

const token = await peerToken();
const gateway = new ApolloGateway({
  supergraphSdl: await readFile(required("PEER_SUPERGRAPH_FILE"), "utf8"),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<PeerContext>({
      url,
      willSendRequest({ request, context }) {
        request.http?.headers.set(token.header, context.token);
      },
    }),
});
const apollo = new ApolloServer<PeerContext>({ gateway, includeStacktraceInErrorResponses: false, logger: { debug() {}, info() {}, warn() {}, error: console.error } });
await apollo.start();
const server = createGraphQLHttpServer<PeerContext>({
  apollo,
  context: async () => ({ token: await token.forRequest() }),
  routes: { "GET /health/ready": async (_req, res) => sendJson(res, 200, { status: "ready" }) },
});
await listen(server, listenPort(), "127.0.0.1");
process.once("SIGTERM", () => process.exit(0));
