import { BrokenCircuitError, CircuitState, circuitBreaker, ConsecutiveBreaker, handleWhen } from "cockatiel";

/** When a service that keeps failing stops being asked, and for how long. */
export interface BreakerSettings {
  /** Consecutive failures that open the breaker. */
  failures: number;
  /** How long an open breaker refuses at once before one trial call may pass (half-open). */
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: Readonly<BreakerSettings> = Object.freeze({ failures: 5, halfOpenAfterMs: 10_000 });

export type BreakerState = "closed" | "open" | "half-open";

/** Why a call to a service gave no answer: the service's, never the caller's, fault. */
export const UNAVAILABLE_REASONS = ["CIRCUIT_OPEN", "TIMEOUT", "UNREACHABLE", "FAILED"] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** A call that did not reach an answer; `service` names who did not answer. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    readonly reason: UnavailableReason,
  ) {
    super(`${service}: ${reason}`);
  }
}

/** A failure of the service itself (timeout, connection, its own 5xx) rather than an answer. */
export function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (error instanceof ServiceUnavailableError) return error.reason;
  if (error instanceof BrokenCircuitError) return "CIRCUIT_OPEN";
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return "TIMEOUT";
  // fetch's network failures (refused, reset, closed mid-answer) are TypeError "fetch failed".
  // (Compared by name: the error may come from another realm, e.g. under a test runner's VM.)
  if (name === "TypeError" && /fetch failed|terminated|other side closed/i.test(String((error as Error).message))) return "UNREACHABLE";
  const status = (error as { extensions?: { response?: { status?: unknown } } } | null)?.extensions?.response?.status;
  if (typeof status === "number" && status >= 500) return "FAILED";
  return undefined;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "open",
};

export interface ServiceBreaker {
  readonly service: string;
  state(): BreakerState;
  /**
   * Runs `work` unless the breaker is open. A failure of the service (`unavailableReason`)
   * counts toward opening it and is thrown as ServiceUnavailableError; any other error (an
   * answer the service gave) passes through unchanged and counts as a success.
   */
  call<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * One breaker per service (cockatiel's circuit breaker with a consecutive-failures rule): after
 * `failures` failures in a row it opens and refuses at once; after `halfOpenAfterMs` it lets one
 * call through — an answer closes it, a failure opens it again.
 *
 * While that trial call is out, every other call is refused at once too. Cockatiel would instead
 * hold them until the trial ends and then run them (CircuitBreakerPolicy.execute, HalfOpen case),
 * so against a hung service every request in flight waited out the trial's whole timeout once per
 * half-open period (gateway/src/faults/subgraph-faults.test.ts holds a trial and times the others).
 */
export function serviceBreaker(
  service: string,
  settings: BreakerSettings = DEFAULT_BREAKER,
  onStateChange?: (state: BreakerState) => void,
): ServiceBreaker {
  const policy = circuitBreaker(
    handleWhen((error) => unavailableReason(error) !== undefined),
    { halfOpenAfter: settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(settings.failures) },
  );
  if (onStateChange) policy.onStateChange((state) => onStateChange(STATES[state]));
  return {
    service,
    state: () => STATES[policy.state],
    async call(work) {
      try {
        if (policy.state === CircuitState.HalfOpen) throw new BrokenCircuitError();
        return await policy.execute(work);
      } catch (error) {
        const reason = unavailableReason(error);
        throw reason ? new ServiceUnavailableError(service, reason) : error;
      }
    },
  };
}
