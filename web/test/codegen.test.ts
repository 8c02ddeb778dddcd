import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "@jest/globals";

const WEB = fileURLToPath(new URL("..", import.meta.url));
const CHECKED_IN = join(WEB, "src/gql");
const fresh = mkdtempSync(join(tmpdir(), "skyddsnat-codegen-"));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe("the generated documents are what the operations and the supergraph give today", () => {
  test("codegen into a temporary folder writes exactly the checked-in files", () => {
    execFileSync(join(WEB, "../node_modules/.bin/graphql-codegen"), ["--config", "codegen.ts", "--silent"], {
      cwd: WEB,
      env: { ...process.env, CODEGEN_OUT_DIR: fresh },
      stdio: "pipe",
    });
    const names = readdirSync(CHECKED_IN).sort();
    expect(readdirSync(fresh).sort()).toEqual(names);
    const stale = names.filter((name) => readFileSync(join(fresh, name), "utf8") !== readFileSync(join(CHECKED_IN, name), "utf8"));
    // Stale: run `npm run codegen -w @skyddsnat/web` and commit src/gql.
    expect(stale).toEqual([]);
  });

  test("every manifest key is the sha256 of its document (what the gateway checks in allow-listed mode)", async () => {
    const { parseManifest } = await import("@skyddsnat/gateway");
    const manifest = JSON.parse(readFileSync(join(CHECKED_IN, "persisted-documents.json"), "utf8")) as Record<string, string>;
    expect(parseManifest(manifest).size).toBe(Object.keys(manifest).length);
    expect(Object.keys(manifest).length).toBe(readdirSync(join(WEB, "src/operations")).filter((name) => name.endsWith(".graphql")).length);
  });
});
