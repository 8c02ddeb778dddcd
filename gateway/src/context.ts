import type { Logger } from "@skyddsnat/platform";
import type { Actor, FilterExclusion } from "@skyddsnat/schema";

/** Per-request state of the gateway. Built only after the caller's token is verified. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  logger: Logger;
  /** Subject ids the actor holds an active break-the-glass grant for. */
  emergencyGrants: string[];
  /** Protected persons the subgraphs' filters excluded in this request (for the audit trail only). */
  filterExclusions?: FilterExclusion[];
  /** Fields the response guard withheld in this request (reason and class only: metrics and logs). */
  withheld?: WithheldField[];
}

export interface WithheldField {
  reason: string;
  fieldClass: string;
}
