import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** The container entrypoint (infra/hub's start-service CLI), as built: one service per process. */
const START_SERVICE = fileURLToPath(new URL("../../../infra/hub/dist/cli/start-service.js", import.meta.url));
const KEEP_OUTPUT = 64 * 1024;

/** A port nobody listens on right now: the system's pick for port 0, released at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  service: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** The service's GraphQL endpoint. */
  url: string;
  /** The end of what the process wrote (pino JSON), to explain a failure. */
  output(): string;
  /** Resolves once GET /health/ready answers 200; rejects if the process exits first or after `withinMs`. */
  ready(withinMs?: number): Promise<void>;
  /** Sends `signal` and resolves with how the process ended; SIGKILL and a rejection after `withinMs`. */
  stop(signal?: NodeJS.Signals, withinMs?: number): Promise<Exit>;
  /** SIGKILL unless it has ended already; for cleanup, never throws. */
  kill(): Promise<void>;
  /** Sends a signal and returns at once (SIGSTOP/SIGCONT: a hung process and its return). */
  signal(signal: NodeJS.Signals): void;
  port: number;
  /** The process id, to read its CPU time and memory from /proc (bench:load). */
  pid: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`, or `undefined` after `ms`; the timer is cleared either way (it would hold Jest open). */
async function orTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts one service of the hub in a child process with exactly `env` (plus PATH): nothing of
 * this process's environment (DATABASE_URL, LOG_LEVEL…) leaks into it. Listens on 127.0.0.1.
 */
export async function startServiceProcess(
  service: string,
  env: Record<string, string>,
  options: { port?: number; /** Another script (bench:peers' peer gateways) or another checkout's start-service.js (a benchmark's baseline build). */ entry?: string; nodeArgs?: string[] } = {},
): Promise<ServiceProcess> {
  // A fixed port restarts a service where its callers already look for it (the fault suite).
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? START_SERVICE], {
    // Metrics on a free port: several services run side by side here, unlike one a pod.
    env: { PATH: process.env.PATH ?? "", SKYDDSNAT_SERVICE: service, HOST: "127.0.0.1", PORT: String(port), METRICS_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-KEEP_OUTPUT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const running = () => child.exitCode === null && child.signalCode === null;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    service,
    baseUrl,
    url: `${baseUrl}/graphql`,
    output: () => output,
    async ready(withinMs = 60_000) {
      const deadline = Date.now() + withinMs;
      for (;;) {
        if (!running()) throw new Error(`${service} exited (${JSON.stringify(await exited)}) before it was ready\n${output}`);
        const status = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) })
          .then(async (response) => {
            await response.body?.cancel();
            return response.status;
          })
          .catch(() => 0);
        if (status === 200) return;
        if (Date.now() > deadline) throw new Error(`${service} not ready within ${withinMs} ms\n${output}`);
        await sleep(200);
      }
    },
    async stop(signal = "SIGTERM", withinMs = 10_000) {
      if (running()) child.kill(signal);
      const exit = await orTimeout(exited, withinMs);
      if (exit) return exit;
      child.kill("SIGKILL");
      throw new Error(`${service}: no exit within ${withinMs} ms of ${signal}\n${output}`);
    },
    async kill() {
      if (running()) {
        child.kill("SIGCONT");
        child.kill("SIGKILL");
      }
      await orTimeout(exited, 5000);
    },
    signal(signal) {
      if (running()) child.kill(signal);
    },
    port,
    pid: child.pid ?? 0,
  };
}
