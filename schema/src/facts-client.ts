import type { SubjectFacts } from "./policy/facts.js";
import { INTERNAL_TOKEN_HEADER } from "./transport.js";

/**
 * Fetches facts for subject ids. The token (audience including FACTS_AUDIENCE) is asked for only
 * when the facts route is actually called: a cache hit signs nothing.
 */
export type FactsSource = (subjectIds: readonly string[], token: () => Promise<string>) => Promise<SubjectFacts[]>;

/** Route on social services that serves subject facts to the rest of the hub. */
export const SUBJECT_FACTS_ROUTE = "/internal/subject-facts";
/** Facts are asked for in batches no larger than this (a page of results never needs more). */
export const MAX_FACTS_BATCH = 500;

/**
 * Asks social services for subject facts, forwarding the gateway's token for this request (its
 * audience includes the facts route), so the actor behind the question is always known.
 */
/**
 * How long a consumer may reuse subject facts it fetched (ms). Facts are about the person, not
 * the actor, so one cached copy serves every request; the price is that a change (a revoked
 * consent, a raised protection level) reaches other services up to this long after it is
 * written. Social services itself always reads its tables. 0 turns the cache off.
 */
export const DEFAULT_FACTS_CACHE_MS = 1000;
const MAX_CACHED_SUBJECTS = 10_000;

/** The configured reuse time: FACTS_CACHE_MS, else the default. */
export function factsCacheMs(): number {
  return Number(process.env.FACTS_CACHE_MS ?? DEFAULT_FACTS_CACHE_MS);
}

export function remoteFacts(
  socialServicesUrl: string,
  options: { timeoutMs?: number; cacheMs?: number } = {},
): FactsSource {
  const url = new URL(SUBJECT_FACTS_ROUTE, socialServicesUrl);
  const cacheMs = options.cacheMs ?? factsCacheMs();

  async function fetchFacts(subjectIds: readonly string[], token: () => Promise<string>): Promise<SubjectFacts[]> {
    const internalToken = await token();
    const facts: SubjectFacts[] = [];
    for (let start = 0; start < subjectIds.length; start += MAX_FACTS_BATCH) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: internalToken },
        body: JSON.stringify({ ids: subjectIds.slice(start, start + MAX_FACTS_BATCH) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
      });
      if (!response.ok) throw new Error(`subject facts: HTTP ${response.status}`);
      facts.push(...((await response.json()) as SubjectFacts[]));
    }
    return facts;
  }

  return cachedFacts(fetchFacts, cacheMs);
}

/**
 * Reuses facts per subject for `cacheMs`. The returned source has `clear()`, for the service that
 * owns the facts to call when it changes them.
 */
export function cachedFacts(source: FactsSource, cacheMs: number): FactsSource & { clear(): void } {
  const cache = new Map<string, { facts: SubjectFacts; until: number }>();
  const cached = async (subjectIds: readonly string[], token: () => Promise<string>) => {
    if (cacheMs <= 0) return source(subjectIds, token);
    const now = Date.now();
    const found: SubjectFacts[] = [];
    const missing: string[] = [];
    for (const id of subjectIds) {
      const hit = cache.get(id);
      if (hit && hit.until > now) found.push(hit.facts);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const fetched = await source(missing, token);
    if (cache.size + fetched.length > MAX_CACHED_SUBJECTS) cache.clear();
    // Unknown ids are not cached: a person created a moment later must not stay unknown.
    for (const facts of fetched) cache.set(facts.id, { facts, until: now + cacheMs });
    return [...found, ...fetched];
  };
  return Object.assign(cached, { clear: () => cache.clear() });
}
