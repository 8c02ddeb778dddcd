import type { Actor } from "@skyddsnat/schema";
import type { Logger } from "@skyddsnat/platform";
import type { PolicyContext } from "./policy-context.js";

/**
 * What every resolver of every subgraph receives. The actor comes only from the gateway's
 * verified internal token; a subgraph never looks at the caller's own token.
 */
export interface SubgraphContext<Loaders = unknown> {
  /** The subgraph's name (metrics label). */
  subgraph: string;
  actor: Actor;
  requestId: string;
  /** Subject ids this actor holds an active break-the-glass grant for (from the gateway). */
  emergencyGrants: ReadonlySet<string>;
  logger: Logger;
  loaders: Loaders;
  /** The one policy, bound to this request's actor and facts. */
  policy: PolicyContext;
}
