import { readFile } from "node:fs/promises";

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ: 100 on Linux's common builds; `getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) the process `pid` has used so far, read from /proc/<pid>/stat
 * (fields 14 and 15). Read from outside, so it works for any process, not only a Node child with
 * an IPC channel. The command name (field 2) may hold spaces: the fields are counted after its ")".
 */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name, field 3 (state) is index 0: utime (14) is index 11, stime (15) index 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of the process `pid` (bytes), VmRSS in /proc/<pid>/status. */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Samples `read` every `everyMs` until stopped; the samples, in order. */
export function sampler(read: () => Promise<number>, everyMs: number): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  let pending = read().then((value) => void samples.push(value));
  const timer = setInterval(() => {
    pending = pending.then(() => read().then((value) => void samples.push(value), () => undefined));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      samples.push(await read());
      return samples;
    },
  };
}
