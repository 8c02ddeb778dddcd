export type { IssuerConfig } from "./auth/issuers.js";
export type { GatewayContext } from "./context.js";
export { type GatewayOptions, type RunningGateway, startGateway } from "./server.js";
