import type { Logger } from "@skyddsnat/platform";
import { HttpError } from "@skyddsnat/platform";
import type { Actor } from "@skyddsnat/schema";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { callerKey } from "./caller-key.js";
import type { TrafficSettings } from "./settings.js";

export const RATE_LIMITED = "RATE_LIMITED";
const WINDOW_SECONDS = 60;
const KEY_PREFIX = "skyddsnat:rate";
/** A Redis that does not answer this fast is treated as down for that request (memory counts it). */
const REDIS_COMMAND_TIMEOUT_MS = 250;

export interface RateLimit {
  /** Spends one request of the caller's budget; throws 429 RATE_LIMITED with Retry-After past it. */
  consume(actor: Actor, requestId: string): Promise<void>;
  /** Where the counts are kept right now: shared Redis, or this replica's memory. */
  store(): "redis" | "memory" | "off";
  close(): Promise<void>;
}

/** Whole seconds until the caller's window has room again (at least 1). */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/**
 * Per-caller rate limits (rate-limiter-flexible, a fixed window of one minute). With a Redis URL
 * the replicas share one count; while Redis cannot be reached each replica counts in its own
 * memory (the library's insurance limiter) — fail open to a per-replica limit, because this is a
 * limit on load, not on access: the policy, the guard and the audit stay fail-closed whatever
 * Redis does, and a Redis outage must not become an outage of the whole hub. The price: during
 * it a caller may send up to the limit to each replica.
 */
export function createRateLimit(settings: TrafficSettings, logger: Logger): RateLimit {
  if (settings.ratePerMinute === 0) return { consume: async () => {}, store: () => "off", close: async () => {} };
  const memory = new RateLimiterMemory({ points: settings.ratePerMinute, duration: WINDOW_SECONDS, keyPrefix: KEY_PREFIX });
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract = memory;
  if (settings.redisUrl) {
    redis = new Redis(settings.redisUrl, {
      // A command while disconnected fails at once (the memory counts it) instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    let reported: string | undefined;
    const report = (state: string, err?: unknown) => {
      if (state === reported) return;
      reported = state;
      if (state === "ready") logger.info("rate limits shared through Redis");
      else logger.warn({ err }, "rate-limit Redis unreachable: each replica counts in its own memory");
    };
    redis.on("ready", () => report("ready"));
    redis.on("error", (err) => report("down", err));
    limiter = new RateLimiterRedis({
      storeClient: redis,
      points: settings.ratePerMinute,
      duration: WINDOW_SECONDS,
      keyPrefix: KEY_PREFIX,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }
  return {
    async consume(actor, requestId) {
      try {
        await limiter.consume(callerKey(actor));
      } catch (result) {
        if (!(result instanceof RateLimiterRes)) throw result;
        const retryAfter = String(retryAfterSeconds(result.msBeforeNext));
        throw new HttpError(429, RATE_LIMITED, "Too many requests from this caller; try again later.", { requestId }, { "x-request-id": requestId, "retry-after": retryAfter });
      }
    },
    store: () => (redis ? (redis.status === "ready" ? "redis" : "memory") : "memory"),
    async close() {
      redis?.disconnect();
    },
  };
}
