import type { ServerResponse } from "node:http";
import { HttpError } from "@skyddsnat/platform";

export const OVERLOADED = "OVERLOADED";
/** A shed request may come back this soon: the work in flight is done within a second or so. */
export const OVERLOADED_RETRY_AFTER_SECONDS = "1";

export interface LoadShedding {
  /** Takes a place for the request until its response closes, or throws 503 OVERLOADED. */
  admit(res: ServerResponse, requestId: string): void;
  inFlight(): number;
}

/**
 * A cap on the GraphQL requests one replica works on at once. Past it a request is refused at
 * the door, before its token is verified or its body read: answering 503 at once costs almost
 * nothing, while queueing behind the cap makes every caller wait (measured before: p99 ~20 s at
 * 200 connections) and lets a load balancer believe the replica is keeping up.
 */
export function loadShedding(maxInFlight: number): LoadShedding {
  let inFlight = 0;
  return {
    admit(res, requestId) {
      if (inFlight >= maxInFlight) {
        throw new HttpError(503, OVERLOADED, "The hub is at capacity; try again shortly.", { requestId }, { "x-request-id": requestId, "retry-after": OVERLOADED_RETRY_AFTER_SECONDS });
      }
      inFlight += 1;
      res.once("close", () => {
        inFlight -= 1;
      });
    },
    inFlight: () => inFlight,
  };
}
