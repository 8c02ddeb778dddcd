import { INTERNAL_TOKEN_HEADER } from "./transport.js";

/**
 * Social services' change feed (server-sent events): `ready` once subscribed, `changed` after
 * every mutation that may have changed facts, and a comment line as a heartbeat. Events carry
 * no ids and no values: they only tell consumers to drop their copies.
 */
export const FACTS_CHANGES_ROUTE = "/internal/subject-facts/changes";
export const FACTS_EVENT = { ready: "ready", changed: "changed" } as const;
/** The feed sends a heartbeat this often; a consumer that hears nothing for three of them reconnects. */
export const FACTS_HEARTBEAT_MS = 10_000;
export interface FollowTiming {
  /** Silence after which the connection counts as lost (default three heartbeats). */
  silenceMs: number;
  /** How long after a loss the next connection may be tried. */
  retryMs: number;
}
const DEFAULT_TIMING: FollowTiming = { silenceMs: 3 * FACTS_HEARTBEAT_MS, retryMs: 1000 };

export interface FactsChangeFollower {
  /** True between the feed's `ready` and the connection's end: copies may then live long. */
  readonly following: boolean;
  /** Connects, with this request's token, unless already connected, connecting or recently failed. */
  ensureFollowing(token: () => Promise<string>): void;
  close(): void;
}

/**
 * Follows the change feed and calls `onEvent` on every event — connected, changed, or lost — so
 * the caller drops its copies whenever its view of the feed changes. Connects lazily (on the
 * first fetch of facts, which carries a token with the facts audience) and reconnects the same
 * way after a loss.
 */
export function followFactsChanges(
  socialServicesUrl: string,
  onEvent: () => void,
  timing: FollowTiming = DEFAULT_TIMING,
): FactsChangeFollower {
  const url = new URL(FACTS_CHANGES_ROUTE, socialServicesUrl);
  let following = false;
  let connecting = false;
  let closed = false;
  let retryAt = 0;
  let abort: AbortController | undefined;

  async function connect(token: () => Promise<string>): Promise<void> {
    abort = new AbortController();
    let silence: NodeJS.Timeout | undefined;
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => abort?.abort(), timing.silenceMs);
      silence.unref();
    };
    try {
      listen();
      const response = await fetch(url, {
        headers: { accept: "text/event-stream", [INTERNAL_TOKEN_HEADER]: await token() },
        signal: abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`facts change feed: HTTP ${response.status}`);
      const events = new EventStreamParser();
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        listen();
        for (const event of events.push(chunk)) {
          if (event === FACTS_EVENT.ready) following = true;
          onEvent();
        }
      }
    } catch {
      // Refused, unreachable, silent or cut off: the finally below falls back to short reuse.
    } finally {
      clearTimeout(silence);
      retryAt = Date.now() + timing.retryMs;
      following = false;
      connecting = false;
      onEvent();
    }
  }

  return {
    get following() {
      return following;
    },
    ensureFollowing(token) {
      if (closed || following || connecting || Date.now() < retryAt) return;
      connecting = true;
      void connect(token);
    },
    close() {
      closed = true;
      abort?.abort();
    },
  };
}

/** The `event:` names of a server-sent event stream, fed in arbitrary chunks. */
export class EventStreamParser {
  private readonly decoder = new TextDecoder();
  private buffer = "";

  push(chunk: Uint8Array): string[] {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    const blocks = this.buffer.split("\n\n");
    this.buffer = blocks.pop() ?? "";
    const events: string[] = [];
    for (const block of blocks) {
      const line = block.split("\n").find((l) => l.startsWith("event:"));
      if (line) events.push(line.slice("event:".length).trim());
    }
    return events;
  }
}
