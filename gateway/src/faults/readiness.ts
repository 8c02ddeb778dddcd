import type { BreakerState, ServiceBreaker } from "@skyddsnat/schema";
import type { IssuerRegistry } from "../auth/issuers.js";

/** How long one readiness probe waits on any one dependency. */
const PROBE_MS = 1000;

export type DependencyState = "ready" | "unavailable" | "absent";

export interface ReadinessReport {
  ready: boolean;
  /** The gateway's own dependencies: each of these down makes every request fail, so the replica is taken out. */
  dependencies: { auditStore: DependencyState; supergraph: "loaded"; issuerKeys: DependencyState };
  /** The agencies' breakers, for information only: one agency down costs its own fields, not the replica. */
  breakers: Record<string, BreakerState>;
}

export interface ReadinessOptions {
  /** Answers once the audit store does (a statement round trip); absent when no audit trail is configured. */
  auditStore?: () => Promise<unknown>;
  registry: IssuerRegistry;
  /** By the name the report gives them (a subgraph; `facts` for social services' facts route). */
  breakers: Readonly<Record<string, ServiceBreaker>>;
}

async function within(work: () => Promise<unknown>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DependencyState>((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), PROBE_MS);
  });
  try {
    return await Promise.race([work().then((): DependencyState => "ready", (): DependencyState => "unavailable"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Issuer keys are usable when at least one issuer's are: inline keys always, a JWKS endpoint when
 * its keys are fresh in jose's cache or can be fetched now. One agency's identity provider down
 * refuses that agency's callers (503 ISSUER_UNAVAILABLE); all of them down, no caller can be
 * served by any replica, and a load balancer should know.
 */
async function issuerKeys(registry: IssuerRegistry): Promise<DependencyState> {
  if (registry.size === 0) return "unavailable";
  const states = await Promise.all(
    [...registry.values()].map((issuer) => {
      const remote = issuer.keys as unknown as { fresh?: boolean; reload?: () => Promise<void> };
      if (typeof remote.reload !== "function" || remote.fresh === true) return Promise.resolve<DependencyState>("ready");
      return within(() => (remote.reload as () => Promise<void>)());
    }),
  );
  return states.includes("ready") ? "ready" : "unavailable";
}

/**
 * Readiness of one gateway replica: its own dependencies (the audit store, the supergraph, the
 * issuers' keys), never the agencies' subgraphs — those are called through breakers, and a
 * subgraph that is down costs only its own fields, so taking every replica out of the load
 * balancer for it would turn one agency's outage into the whole hub's.
 */
export async function readiness(options: ReadinessOptions): Promise<ReadinessReport> {
  const [auditStore, keys] = await Promise.all([options.auditStore ? within(options.auditStore) : Promise.resolve<DependencyState>("absent"), issuerKeys(options.registry)]);
  return {
    ready: auditStore !== "unavailable" && keys === "ready",
    dependencies: { auditStore, supergraph: "loaded", issuerKeys: keys },
    breakers: Object.fromEntries(Object.entries(options.breakers).map(([name, breaker]) => [name, breaker.state()])),
  };
}
