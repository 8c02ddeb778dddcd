import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { clientViewBodies } from "./client-view.js";
import { runLoad } from "./load.js";
import { rssBytes, sampler } from "./proc-stats.js";

/**
 * `npm run bench:memory`: the resident memory of `npm start` — the whole hub in one process on
 * embedded PGlite, seeded — right after start-up, then under a bounded client-view load
 * (BENCH_MEMORY_SECONDS, default 60; 300 for the five-minute run that shows whether it stays
 * flat), sampled every second and summarised per tenth of the run, and once the load has ended.
 * The hub runs as `npm start` runs it: the node options of the root package.json's start script.
 * BENCH_HUB_ROOT runs another checkout's build instead (e.g. today's main, for the figure
 * before), with that checkout's options and dev keys. Figures, never assertions. Loopback only;
 * the hub ends with the script.
 */

const seconds = Number(process.env.BENCH_MEMORY_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const root = process.env.BENCH_HUB_ROOT ?? fileURLToPath(new URL("../../../", import.meta.url));
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The node options `npm start` gives the hub: what its script puts between `node` and the entry point. */
async function startOptions(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(`${root}/package.json`, "utf8")) as { scripts: { start: string } };
  const options = /\bnode((?: --?[\w-]+(?:=\S+)?)*) infra\/hub\/dist\/cli\/start-hub\.js/.exec(scripts.start)?.[1];
  if (options === undefined) throw new Error(`cannot read how npm start runs the hub from ${root}/package.json`);
  return options.trim().split(/\s+/).filter(Boolean);
}

/** Starts `npm start`'s entry point (already built) and resolves with its URL once it prints it. */
async function startHubProcess(nodeOptions: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeOptions, `${root}/infra/hub/dist/cli/start-hub.js`], {
    cwd: root,
    env: { ...process.env, HUB_PORTS: "random", LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0", MAX_IN_FLIGHT: "100000", SEED_SCALE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const url = /running at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.once("exit", (code) => reject(new Error(`the hub exited (code ${code}) before it was ready`)));
  });
}

async function main(): Promise<void> {
  const nodeOptions = await startOptions();
  // Tokens from the measured checkout's own dev keys, which its hub trusts.
  const { mintToken } = (await import(`${root}/infra/hub/dist/index.js`)) as typeof import("@skyddsnat/hub");
  const { child, url } = await startHubProcess(nodeOptions);
  const pid = child.pid as number;
  try {
    // What start-up left resident, once it has settled (timers, the first checkpoint).
    await sleep(3000);
    const atStart = await rssBytes(pid);
    const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
    const bodies = clientViewBodies();
    const warm = await runLoad({ url, token, bodies, durationMs: 1000, concurrency: 2 });
    if (warm.errors > 0) throw new Error(`warm-up answered ${JSON.stringify(warm.statuses)}: fix the bench before quoting it`);
    const rss = sampler(() => rssBytes(pid), 1000);
    const result = await runLoad({ url, token, bodies, durationMs: seconds * 1000, concurrency: connections });
    const samples = await rss.stop();
    await sleep(3000);
    const afterLoad = await rssBytes(pid);
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const steps = Array.from({ length: Math.ceil(samples.length / tenth) }, (_, i) => Math.max(...samples.slice(i * tenth, (i + 1) * tenth)));
    process.stdout.write(
      `npm start (${root}, node ${nodeOptions.join(" ") || "without options"}), embedded PGlite, seed scale 1; client-view load over ${bodies.length} clients, ${connections} connections, ${seconds} s\n` +
        `RSS after start-up ${mb(atStart)}\n` +
        `RSS under load: min ${mb(Math.min(...samples))} max ${mb(Math.max(...samples))} end ${mb(samples.at(-1) ?? 0)}; ` +
        `max per tenth of the run ${steps.map((s) => Math.round(s / 1e6)).join(" ")} MB\n` +
        `RSS 3 s after the load ${mb(afterLoad)}\n` +
        `${result.requests} requests, ${result.rps.toFixed(1)} req/s, ${result.errors} not 200 (${JSON.stringify(result.statuses)})\n`,
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

await main();
