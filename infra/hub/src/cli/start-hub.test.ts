import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "@jest/globals";

/*
 * `npm start`'s entrypoint, as built, with a bad setting: it reads the same table of variables
 * as the containers and stops before it opens a database, exit 2, the variable named, no value.
 */
const CLI = fileURLToPath(new URL("../../dist/cli/start-hub.js", import.meta.url));
const MARKER = "s3cr3t-marker";

function startHub(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 15_000, killSignal: "SIGKILL" }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, output: stdout + stderr }),
    );
  });
}

describe("npm start: a bad setting stops it with exit 2, naming the variable, never the value", () => {
  test.each([
    ["HUB_PORTS", MARKER, /HUB_PORTS: must be fixed or random/],
    ["SEED", "yes", /SEED: must be true or false/],
    ["RESET_DATABASES", "1", /RESET_DATABASES: must be true or false/],
    ["PORT", "99999", /PORT: must be a port number/],
    ["DATABASE_URL", `mysql://u:${MARKER}@db/x`, /DATABASE_URL: must be a postgres:\/\/ URL/],
    ["LIMIT_COST", "0", /LIMIT_COST: must be a whole number from 1 to 1000000/],
  ])("%s=%s", async (variable, value, message) => {
    const { code, output } = await startHub({ [variable]: value });
    expect(code).toBe(2);
    expect(output).not.toContain(MARKER);
    const line = JSON.parse(output.trim().split("\n")[0] ?? "{}") as { level?: number; variable?: string; msg?: string };
    expect(line).toMatchObject({ level: 60, variable });
    expect(line.msg).toMatch(message);
  });
});
