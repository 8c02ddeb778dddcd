import { followFactsChanges } from "./facts-changes.js";
import type { SubjectFacts } from "./policy/facts.js";
import { type BreakerSettings, type ServiceBreaker, ServiceUnavailableError, serviceBreaker } from "./service-breaker.js";
import { INTERNAL_TOKEN_HEADER } from "./transport.js";

/**
 * Fetches facts for subject ids. The token (audience including FACTS_AUDIENCE) is asked for only
 * when the facts route is actually called: a cache hit signs nothing.
 */
export type FactsSource = (subjectIds: readonly string[], token: () => Promise<string>) => Promise<SubjectFacts[]>;

/**
 * A facts source that keeps copies: `peek()` answers synchronously from a fresh copy (or not at
 * all), `clear()` drops them all, `close()` stops following changes.
 */
export type CachedFactsSource = FactsSource & {
  peek(subjectId: string): SubjectFacts | undefined;
  clear(): void;
  close(): void;
};

/** Told how many subjects of one lookup had a fresh copy (hits) and how many were fetched (misses). */
export type LookupObserver = (hits: number, misses: number) => void;

/** Route on social services that serves subject facts to the rest of the hub. */
export const SUBJECT_FACTS_ROUTE = "/internal/subject-facts";
/** Facts are asked for in batches no larger than this (a page of results never needs more). */
export const MAX_FACTS_BATCH = 500;

/**
 * How long a consumer may reuse subject facts (ms) while it is *not* following social services'
 * change feed (before the first connection, or while it is down). Facts are about the person,
 * not the actor, so one copy serves every request; the price is that a change (a revoked
 * consent, a raised level) reaches other services up to this long after it is written.
 * FACTS_CACHE_MS=0 turns caching off altogether.
 */
export const DEFAULT_FACTS_CACHE_MS = 1000;
/**
 * While the change feed is up, every change drops the copies at once, so they may live longer:
 * this bound only limits what a change the feed failed to carry could cost.
 */
export const DEFAULT_FACTS_FOLLOWED_CACHE_MS = 60_000;
const MAX_CACHED_SUBJECTS = 10_000;

/** The service that owns the facts: the name its breaker and errors carry. */
export const FACTS_SERVICE = "social-services";

/** How long facts may be reused: without the change feed, and while changes are followed. */
export interface FactsCacheTimes {
  cacheMs: number;
  followedCacheMs: number;
}

/**
 * The reuse times a process is configured with (FACTS_CACHE_MS and FACTS_FOLLOWED_CACHE_MS, read
 * by the hub's configuration), else the defaults; caching off (cacheMs 0) turns off the followed
 * reuse too. The contract reads no environment of its own.
 */
export function factsCacheTimes(configured: Partial<FactsCacheTimes> = {}): FactsCacheTimes {
  const cacheMs = configured.cacheMs ?? DEFAULT_FACTS_CACHE_MS;
  return { cacheMs, followedCacheMs: cacheMs <= 0 ? 0 : (configured.followedCacheMs ?? DEFAULT_FACTS_FOLLOWED_CACHE_MS) };
}

/**
 * Asks social services for subject facts, forwarding a gateway token for this request (its
 * audience includes the facts route), so the actor behind the question is always known. Copies
 * are kept as long as social services' change feed says nothing changed (bounded by
 * `followedCacheMs`), or for `cacheMs` while the feed is not connected. Each fetch is bounded by
 * `timeoutMs` and goes through one circuit breaker: while social services keeps failing, a
 * request is not held for the timeout but refused at once — and a refusal withholds the
 * protected fields (fail closed), as any other failure of the facts does.
 */
export function remoteFacts(
  socialServicesUrl: string,
  options: {
    timeoutMs?: number;
    cacheMs?: number;
    followedCacheMs?: number;
    followChanges?: boolean;
    breaker?: BreakerSettings;
    /** Told of each lookup's copies found and missing (metrics). */
    observeLookups?: LookupObserver;
  } = {},
): CachedFactsSource & { breaker: ServiceBreaker; following(): boolean } {
  const url = new URL(SUBJECT_FACTS_ROUTE, socialServicesUrl);
  const { cacheMs, followedCacheMs } = factsCacheTimes(options);
  const breaker = serviceBreaker(FACTS_SERVICE, options.breaker);

  const fetchFacts = (subjectIds: readonly string[], token: () => Promise<string>) => breaker.call(() => fetchAll(subjectIds, token));
  async function fetchAll(subjectIds: readonly string[], token: () => Promise<string>): Promise<SubjectFacts[]> {
    const internalToken = await token();
    const facts: SubjectFacts[] = [];
    for (let start = 0; start < subjectIds.length; start += MAX_FACTS_BATCH) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: internalToken },
        body: JSON.stringify({ ids: subjectIds.slice(start, start + MAX_FACTS_BATCH) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
      });
      if (response.status >= 500) throw new ServiceUnavailableError(FACTS_SERVICE, "FAILED");
      if (!response.ok) throw new Error(`subject facts: HTTP ${response.status}`);
      facts.push(...((await response.json()) as SubjectFacts[]));
    }
    return facts;
  }

  if (cacheMs <= 0 || options.followChanges === false) {
    return Object.assign(cachedFacts(fetchFacts, cacheMs, options.observeLookups), { breaker, following: () => false });
  }
  // Every event of the feed (connected, changed, lost) drops all copies: a copy made before an
  // event is never trusted after it.
  const feed = followFactsChanges(socialServicesUrl, () => cache.clear());
  const cache = cachedFacts(
    (ids, token) => {
      feed.ensureFollowing(token);
      return fetchFacts(ids, token);
    },
    () => (feed.following ? followedCacheMs : cacheMs),
    options.observeLookups,
  );
  return Object.assign(cache, {
    breaker,
    following: () => feed.following,
    close: () => {
      feed.close();
      cache.clear();
    },
  });
}

/**
 * Reuses facts per subject for `cacheMs` (a number, or a function read at each fetch). `clear()`
 * drops every copy — and makes any fetch still in flight return its answer without keeping it,
 * since that answer may have been read before the change that caused the clear.
 */
export function cachedFacts(source: FactsSource, cacheMs: number | (() => number), observe?: LookupObserver): CachedFactsSource {
  const cache = new Map<string, { facts: SubjectFacts; until: number }>();
  let generation = 0;
  const cached = async (subjectIds: readonly string[], token: () => Promise<string>) => {
    const reuseMs = typeof cacheMs === "function" ? cacheMs() : cacheMs;
    if (reuseMs <= 0) {
      observe?.(0, subjectIds.length);
      return source(subjectIds, token);
    }
    const now = Date.now();
    const found: SubjectFacts[] = [];
    const missing: string[] = [];
    for (const id of subjectIds) {
      const hit = cache.get(id);
      if (hit && hit.until > now) found.push(hit.facts);
      else missing.push(id);
    }
    observe?.(found.length, missing.length);
    if (missing.length === 0) return found;
    const startedIn = generation;
    const fetched = await source(missing, token);
    if (startedIn === generation) {
      if (cache.size + fetched.length > MAX_CACHED_SUBJECTS) cache.clear();
      // Unknown ids are not cached: a person created a moment later must not stay unknown.
      for (const facts of fetched) cache.set(facts.id, { facts, until: now + reuseMs });
    }
    return [...found, ...fetched];
  };
  return Object.assign(cached, {
    peek: (subjectId: string) => {
      const hit = cache.get(subjectId);
      return hit && hit.until > Date.now() ? hit.facts : undefined;
    },
    clear: () => {
      generation += 1;
      cache.clear();
    },
    close: () => {
      generation += 1;
      cache.clear();
    },
  });
}
