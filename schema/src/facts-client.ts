import type { SubjectFacts } from "./policy/facts.js";
import { INTERNAL_TOKEN_HEADER } from "./transport.js";

/** Fetches facts for subject ids with a token whose audience includes FACTS_AUDIENCE. */
export type FactsSource = (subjectIds: readonly string[], internalToken: string) => Promise<SubjectFacts[]>;

/** Route on social services that serves subject facts to the rest of the hub. */
export const SUBJECT_FACTS_ROUTE = "/internal/subject-facts";
/** Facts are asked for in batches no larger than this (a page of results never needs more). */
export const MAX_FACTS_BATCH = 500;

/**
 * Asks social services for subject facts, forwarding the gateway's token for this request (its
 * audience includes the facts route), so the actor behind the question is always known.
 */
export function remoteFacts(socialServicesUrl: string, timeoutMs = 2000): FactsSource {
  const url = new URL(SUBJECT_FACTS_ROUTE, socialServicesUrl);
  return async (subjectIds, internalToken) => {
    const facts: SubjectFacts[] = [];
    for (let start = 0; start < subjectIds.length; start += MAX_FACTS_BATCH) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: internalToken },
        body: JSON.stringify({ ids: subjectIds.slice(start, start + MAX_FACTS_BATCH) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`subject facts: HTTP ${response.status}`);
      facts.push(...((await response.json()) as SubjectFacts[]));
    }
    return facts;
  };
}
