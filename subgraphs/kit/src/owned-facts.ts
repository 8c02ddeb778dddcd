import type { Logger, Notifications } from "@skyddsnat/platform";
import { cachedFacts, type FactsCacheTimes, factsCacheTimes, type LookupObserver, type SubjectFacts } from "@skyddsnat/schema";
import { FactsChangeFeed } from "./facts-feed.js";

/** Replicas of the facts' owner tell each other about their mutations on this channel. */
const FACTS_CHANGED_CHANNEL = "skyddsnat_facts_changed";

/**
 * The facts' owner keeps copies of what it reads and runs the change feed. A mutation anywhere
 * must drop every copy: its own replica's at once (`changed`), its sibling replicas' through a
 * PostgreSQL notification, and each replica tells its feed's consumers. While a replica cannot
 * hear its siblings (before its listener connects, or after it is lost) it keeps copies only
 * briefly and suspends its feed, so nobody holds a long-lived copy it could not revoke. On
 * PGlite only one process can open the database, so its own mutations are all there are.
 */
export function ownFacts(
  load: (subjectIds: readonly string[]) => Promise<SubjectFacts[]>,
  notifications: Notifications | undefined,
  logger: Logger,
  cache: Partial<FactsCacheTimes> = {},
  observeLookups?: LookupObserver,
) {
  const times = factsCacheTimes(cache);
  let hearsEveryChange = notifications === undefined;
  const copies = cachedFacts((ids) => load(ids), () => (hearsEveryChange ? times.followedCacheMs : times.cacheMs), observeLookups);
  const feed = new FactsChangeFeed();
  const dropCopies = () => {
    copies.clear();
    feed.publish();
  };
  if (notifications) feed.suspend();
  const listener = notifications?.listen(FACTS_CHANGED_CHANNEL, (event) => {
    if (event === "listening") {
      hearsEveryChange = true;
      feed.resume();
    } else if (event === "lost") {
      hearsEveryChange = false;
      feed.suspend();
      logger.warn({ channel: FACTS_CHANGED_CHANNEL }, "facts change notifications lost: copies kept briefly, feed suspended");
    }
    dropCopies();
  });
  return {
    facts: copies,
    feed,
    /** A mutation may change facts; called as it starts and again once it has finished. */
    changed: () => {
      dropCopies();
      notifications?.notify(FACTS_CHANGED_CHANNEL).catch((error: unknown) => {
        logger.warn({ err: error, channel: FACTS_CHANGED_CHANNEL }, "could not notify sibling replicas of a facts change");
      });
    },
    close: async () => {
      await listener?.close();
    },
  };
}
