import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchHubOptions } from "./hub-process.js";

export interface BenchHub {
  url: string;
  auditRecords(): Promise<number>;
  /** CPU time (user + system, µs) the hub's process has used so far. */
  cpuMicros(): Promise<number>;
  /** Resident memory of the hub's process (bytes). */
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts a hub in a child process (see hub-process.ts) and resolves once it listens. */
export async function spawnHub(options: BenchHubOptions): Promise<BenchHub> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./hub-process.js", import.meta.url)), [JSON.stringify(options)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const reply = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message[key] as T);
      };
      const onExit = (code: number | null) => reject(new Error(`bench hub exited (code ${code}) before answering`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const url = await reply<string>("url");
  return {
    url,
    auditRecords: () => {
      const answer = reply<number>("auditRecords");
      child.send("audit-records");
      return answer;
    },
    cpuMicros: () => {
      const answer = reply<number>("cpuMicros");
      child.send("cpu");
      return answer;
    },
    rssBytes: () => {
      const answer = reply<number>("rssBytes");
      child.send("rss");
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}
