import { type HubOptions, randomPorts, type RunningHub, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { TEST_DATABASE_URL } from "./database-url.mjs";

/**
 * A second hub on the same (already seeded) databases, with options the main one must never
 * have: e.g. subgraphs whose own enforcement is off, to prove the gateway's guard still holds.
 */
export function startExtraHub(options: Partial<HubOptions>): Promise<RunningHub> {
  return startHub({
    ports: randomPorts(),
    databases: { urlFor: () => TEST_DATABASE_URL },
    logger: createLogger("extra-hub"),
    reset: false,
    seed: false,
    ...options,
  });
}
