import { wholeNumber } from "../traffic/settings.js";

/**
 * How long the gateway waits on an agency, and when it stops asking one that keeps failing
 * (environment variables: gateway README, "Faults").
 */
export interface FaultSettings {
  /** One call to a subgraph (headers and body) within this, or its fields are missing. */
  subgraphTimeoutMs: number;
  /** One call to social services' facts route within this, or protected fields are withheld. */
  factsTimeoutMs: number;
  /** Consecutive failures of one service that open its breaker. */
  breakerFailures: number;
  /** How long an open breaker refuses at once before it lets one trial call through (half-open). */
  breakerHalfOpenMs: number;
}

export const DEFAULT_FAULTS: Readonly<FaultSettings> = Object.freeze({
  subgraphTimeoutMs: 5000,
  factsTimeoutMs: 2000,
  breakerFailures: 5,
  breakerHalfOpenMs: 10_000,
});

/** SUBGRAPH_TIMEOUT_MS, FACTS_TIMEOUT_MS, BREAKER_FAILURES and BREAKER_HALF_OPEN_MS; unset, the defaults. */
export function faultsFromEnv(env: Record<string, string | undefined>): FaultSettings {
  return {
    subgraphTimeoutMs: wholeNumber(env, "SUBGRAPH_TIMEOUT_MS", DEFAULT_FAULTS.subgraphTimeoutMs, 100, 120_000),
    factsTimeoutMs: wholeNumber(env, "FACTS_TIMEOUT_MS", DEFAULT_FAULTS.factsTimeoutMs, 100, 120_000),
    breakerFailures: wholeNumber(env, "BREAKER_FAILURES", DEFAULT_FAULTS.breakerFailures, 1, 1000),
    breakerHalfOpenMs: wholeNumber(env, "BREAKER_HALF_OPEN_MS", DEFAULT_FAULTS.breakerHalfOpenMs, 100, 600_000),
  };
}
