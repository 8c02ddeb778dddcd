import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { listenPort, peerToken, required } from "./peer-token.js";

/**
 * bench:peers' other peer: Hive Gateway, with the Rust query planner of @graphql-hive/router-runtime
 * (PEER_PLANNER=rust, the default) or its own JS planner (PEER_PLANNER=js). Its only addition is
 * the internal token, one per request (an onFetch plugin). Reads PEER_SUPERGRAPH_FILE, PORT and
 * peer-token's variables.
 */
const token = await peerToken();
const tokens = new WeakMap<object, Promise<string>>();
const internalToken: GatewayPlugin = {
  onFetch({ context, options, setOptions }) {
    let signed = tokens.get(context);
    if (!signed) {
      signed = token.forRequest();
      tokens.set(context, signed);
    }
    return signed.then((value) => setOptions({ ...options, headers: { ...options.headers, [token.header]: value } })) as never;
  },
};
const rust = (process.env.PEER_PLANNER ?? "rust") === "rust";
const gateway = createGatewayRuntime({
  supergraph: await readFile(required("PEER_SUPERGRAPH_FILE"), "utf8"),
  ...(rust ? { unifiedGraphHandler } : {}),
  // Errors only (to stderr): what the bench shows when a peer fails its data check.
  logging: "error",
  landingPage: false,
  graphiql: false,
  plugins: () => [internalToken],
});
const server = createServer((req, res) => {
  if (req.url === "/health/ready") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ready"}');
    return;
  }
  gateway(req, res);
});
server.listen(listenPort(), "127.0.0.1");
process.once("SIGTERM", () => process.exit(0));
