import type { ServerResponse } from "node:http";
import { FACTS_EVENT, FACTS_HEARTBEAT_MS } from "@skyddsnat/schema";

/** More subscribers than this is a fault (only the hub's own services subscribe): refuse. */
const MAX_SUBSCRIBERS = 64;

/**
 * The server side of social services' change feed: each subscriber is an open server-sent
 * event stream; `publish()` tells them all that facts may have changed. Nothing about the
 * change (no id, no value) is sent — consumers drop every copy they hold.
 */
export class FactsChangeFeed {
  private readonly subscribers = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  private suspended = false;

  constructor() {
    this.heartbeat = setInterval(() => this.write(": heartbeat\n\n"), FACTS_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Turns an authenticated request's response into a subscription; false if full or suspended. */
  subscribe(res: ServerResponse): boolean {
    if (this.suspended || this.subscribers.size >= MAX_SUBSCRIBERS) return false;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    res.write(`event: ${FACTS_EVENT.ready}\ndata: {}\n\n`);
    this.subscribers.add(res);
    res.on("close", () => this.subscribers.delete(res));
    return true;
  }

  publish(): void {
    this.write(`event: ${FACTS_EVENT.changed}\ndata: {}\n\n`);
  }

  /**
   * While this service cannot hear the changes its sibling replicas make, it must not let
   * consumers believe it would tell them: it ends every subscription and refuses new ones, so
   * consumers fall back to short reuse until `resume()`.
   */
  suspend(): void {
    this.suspended = true;
    this.endAll();
  }

  resume(): void {
    this.suspended = false;
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.endAll();
  }

  private endAll(): void {
    for (const res of this.subscribers) res.end();
    this.subscribers.clear();
  }

  private write(text: string): void {
    for (const res of this.subscribers) res.write(text);
  }
}
