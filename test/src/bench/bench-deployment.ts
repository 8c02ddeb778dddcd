import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AgencyService,
  type DeploymentFile,
  readyServiceStarter,
  seedDeploymentDatabase,
  type StartService,
  startAgencies,
  writeDeploymentFiles,
} from "../support/deployment.js";
import type { ServiceProcess } from "../support/service-process.js";
import { ensureDatabase } from "./database.js";

/** What a benchmark gets to work in: the agencies running, the key files, their environment. */
export interface BenchDeployment {
  start: StartService;
  /** The scratch directory the key files are in (removed afterwards). */
  dir: string;
  file: (name: DeploymentFile) => string;
  /** The environment every service shares (database, gateway JWKS, silent logs). */
  common: Record<string, string>;
  agencies: Record<AgencyService, ServiceProcess>;
}

/**
 * Runs `work` against the hub as a deployment runs it (bench:load, bench:peers): the database at
 * `databaseUrl` (loopback only) created if missing and seeded afresh, key files made with the
 * gateway key `kid`, the four agencies each a process of its own. Every process it or `work`
 * started ends afterwards — SIGTERM first (a profiled process writes its profile on a clean
 * exit), and on SIGINT/SIGTERM of the bench too (they are not this process's group on their own).
 */
export async function withBenchDeployment<T>(databaseUrl: string, kid: string, work: (deployment: BenchDeployment) => Promise<T>): Promise<T> {
  if (!["127.0.0.1", "localhost"].includes(new URL(databaseUrl).hostname)) throw new Error("the benchmark's database is on loopback only");
  const processes: ServiceProcess[] = [];
  const start = readyServiceStarter((service) => processes.push(service));
  const dir = await mkdtemp(join(tmpdir(), `skyddsnat-${kid}-`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void Promise.all(processes.map((service) => service.kill())).finally(() => process.exit(130)));
  }
  try {
    await ensureDatabase(databaseUrl);
    // What a previous run left (its audit chain, other keys) goes first.
    await seedDeploymentDatabase(databaseUrl, { reset: true });
    const file = await writeDeploymentFiles(dir, kid);
    const common = { DATABASE_URL: databaseUrl, GATEWAY_JWKS_FILE: file("gateway.jwks.json"), LOG_LEVEL: "silent" };
    const agencies = await startAgencies(start, common);
    return await work({ start, dir, file, common, agencies });
  } finally {
    await Promise.all(processes.map((service) => service.stop("SIGTERM", 15_000).catch(() => service.kill())));
    await rm(dir, { recursive: true, force: true });
  }
}
