import type { GatewayStep } from "../pipeline.js";
import type { LoadShedding } from "./load-shedding.js";
import type { RateLimit } from "./rate-limit.js";

/** First at the door: an overloaded replica refuses before it spends a signature check. */
export function loadSheddingStep(shedding: LoadShedding): GatewayStep {
  return {
    name: "load-shedding",
    door: async ({ res, requestId }, context) => {
      shedding.admit(res, requestId);
      return context;
    },
  };
}

/** After authentication (the budget is the verified caller's), before the body is read. */
export function rateLimitStep(limit: RateLimit): GatewayStep {
  return {
    name: "rate-limit",
    door: async ({ requestId }, context) => {
      if (!context) throw new Error("the rate limit needs the verified caller: put it after authentication");
      await limit.consume(context.actor, requestId);
      return context;
    },
  };
}
