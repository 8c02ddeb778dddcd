import { frontDoorFromEnv } from "@skyddsnat/gateway";
import { type HubOptions, randomPorts, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";

/**
 * One hub in a process of its own, for the benchmarks: two hubs in one process would share a
 * heap, so one's garbage would be collected on the other's time. Started by `spawnHub` with its
 * options as JSON; answers on the IPC channel: `{ url }` once listening, `{ auditRecords }` and
 * `{ cpuMicros }` (CPU time used so far) when asked, and stops on "stop" or when its parent goes away.
 */
export type BenchHubOptions = Pick<HubOptions, "seed" | "reset" | "unsafeSkipSubgraphPolicy" | "unsafeDisableGuard" | "unsafeSkipAudit" | "unsafeSharedCaches"> & {
  /** PostgreSQL URL; absent → embedded PGlite (a hub of its own). */
  databaseUrl?: string;
  /** The front door's settings as environment variables (MAX_IN_FLIGHT, RATE_LIMIT_PER_MINUTE …). */
  frontDoorEnv?: Record<string, string>;
};

const options = JSON.parse(process.argv[2] ?? "{}") as BenchHubOptions;
const logger = createLogger("bench");
logger.level = "silent";
const { databaseUrl, frontDoorEnv, ...hubOptions } = options;
// The benches measure the hub's own work: unless a bench asks for the front door's limits, no
// caller is rate-limited and nothing is shed (a load of one token at thousands a second would
// otherwise measure 429s).
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: "0", MAX_IN_FLIGHT: "100000" };
const frontDoor = { frontDoor: await frontDoorFromEnv(frontDoorEnv ?? UNLIMITED) };
const hub = await startHub({ ...hubOptions, ...frontDoor, ports: randomPorts(), databases: { urlFor: () => databaseUrl }, logger });

const stop = async () => {
  await hub.stop();
  process.exit(0);
};
process.on("disconnect", () => void stop());
process.on("message", async (message) => {
  if (message === "stop") await stop();
  if (message === "audit-records") process.send?.({ auditRecords: await hub.audit.store.prisma.auditRecord.count() });
  if (message === "rss") process.send?.({ rssBytes: process.memoryUsage().rss });
  if (message === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
});
process.send?.({ url: hub.url });
