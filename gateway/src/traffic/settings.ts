/**
 * How much one caller, and all callers together, may ask of one gateway replica (environment
 * variables: gateway README, "Rate limits and load shedding").
 */
export interface TrafficSettings {
  /** Requests per caller (issuer, staff id, client system) per minute; 0 turns the limit off. */
  ratePerMinute: number;
  /**
   * Redis shared by the replicas (redis://host:port[/db]); unset, each replica counts in its own
   * memory (the embedded default). Unreachable, each replica counts in memory until it is back.
   */
  redisUrl?: string;
  /** GraphQL requests one replica works on at once; the next is refused 503 at the door. */
  maxInFlight: number;
}

export const DEFAULT_TRAFFIC: Readonly<TrafficSettings> = Object.freeze({ ratePerMinute: 600, maxInFlight: 64 });

/** A traffic setting that cannot be used: names the variable and the rule, never the value. */
export class TrafficSettingError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

/** A whole number from `min` to `max`, or `fallback` when unset or empty. */
export function wholeNumber(env: Record<string, string | undefined>, variable: string, fallback: number, min: number, max: number): number {
  const text = env[variable]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < min || value > max) throw new TrafficSettingError(variable, `must be a whole number from ${min} to ${max}`);
  return value;
}

function redisUrl(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TrafficSettingError("RATE_LIMIT_REDIS_URL", "must be a redis:// or rediss:// URL");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new TrafficSettingError("RATE_LIMIT_REDIS_URL", "must be a redis:// or rediss:// URL");
  return value;
}

/** RATE_LIMIT_PER_MINUTE, RATE_LIMIT_REDIS_URL and MAX_IN_FLIGHT; unset, the defaults. */
export function trafficFromEnv(env: Record<string, string | undefined>): TrafficSettings {
  const redis = redisUrl(env.RATE_LIMIT_REDIS_URL);
  return {
    ratePerMinute: wholeNumber(env, "RATE_LIMIT_PER_MINUTE", DEFAULT_TRAFFIC.ratePerMinute, 0, 1_000_000),
    maxInFlight: wholeNumber(env, "MAX_IN_FLIGHT", DEFAULT_TRAFFIC.maxInFlight, 1, 100_000),
    ...(redis ? { redisUrl: redis } : {}),
  };
}
