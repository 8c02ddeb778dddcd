import type { Logger } from "@skyddsnat/platform";
import type { Actor } from "@skyddsnat/schema";

/** Per-request state of the gateway. Built only after the caller's token is verified. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  logger: Logger;
  /** Subject ids the actor holds an active break-the-glass grant for. */
  emergencyGrants: string[];
}
