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
  /**
   * What the request came to, for its access log and metrics: filled in as it runs. An object of
   * its own because Apollo hands plugins and the executor a copy of the context, not this one.
   */
  outcome?: RequestOutcome;
}

export interface RequestOutcome {
  /** Fields the response guard withheld (reason and class only). */
  withheld: WithheldField[];
  operation?: AnsweredOperation;
}

export interface WithheldField {
  reason: string;
  fieldClass: string;
}

/** What Apollo knew of the operation when it answered. */
export interface AnsweredOperation {
  /** The operation name as a metrics label (operationLabel). */
  name: string;
  hash: string | undefined;
  errorCodes: string[];
  /** FORBIDDEN_FIELD errors in the answer by reason: the gateway's and the subgraphs' withholdings. */
  withheld: Record<string, number>;
}
