import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { GATEWAY_AUDIENCE } from "@skyddsnat/schema";
import { createIssuerRegistry } from "../../../../gateway/src/auth/issuers.js";
import { verifyCaller } from "../../../../gateway/src/auth/verify-caller.js";
import { ensureDevKeys } from "../keys/dev-keys.js";
import { parseTokenArgs, runTokenCli } from "./token.js";

let keysDir: string;
beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), "skyddsnat-token-cli-"));
});
afterAll(async () => {
  await rm(keysDir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runTokenCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } }, { keysDir });
  return { code, stdout, stderr };
}

describe("token CLI", () => {
  test("prints only a token, which the gateway accepts", async () => {
    const { code, stdout, stderr } = await cli("--agency", "social-services", "--role", "CONTACT_PERSON", "--sub", "cp-2001", "--client", "case-app");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
    const registry = createIssuerRegistry((await ensureDevKeys(keysDir)).issuers);
    await expect(verifyCaller(`Bearer ${stdout.trim()}`, registry, { audience: GATEWAY_AUDIENCE })).resolves.toEqual({
      staffId: "cp-2001",
      agency: "social-services",
      role: "CONTACT_PERSON",
      purpose: "COORDINATED_SUPPORT",
      issuer: "https://idp.social-services.kommun.example",
      clientId: "case-app",
      // Her unit in the demo staff directory, by default.
      unit: "social-services/malmo-vald",
    });
  });

  test("--unit overrides the directory's unit: ss-1001 as a member of another unit of her agency", async () => {
    const { code, stdout } = await cli("--agency", "social-services", "--role", "SOCIAL_SECRETARY", "--sub", "ss-1001", "--unit", "social-services/lund-avhopp");
    expect(code).toBe(0);
    const registry = createIssuerRegistry((await ensureDevKeys(keysDir)).issuers);
    await expect(verifyCaller(`Bearer ${stdout.trim()}`, registry, { audience: GATEWAY_AUDIENCE })).resolves.toMatchObject({ unit: "social-services/lund-avhopp" });
  });

  test("an auditor outside the directory gets a token without a unit", () => {
    expect(parseTokenArgs(["--agency", "audit", "--role", "AUDITOR", "--sub", "au-1"])).toMatchObject({ kind: "mint", options: { unit: null } });
  });

  test("purpose and ttl", () => {
    expect(parseTokenArgs(["--agency", "police-liaison", "--role", "POLICE_LIAISON", "--sub", "po-1", "--purpose", "EMERGENCY", "--ttl", "600", "--unit", "police-liaison/malmo"])).toEqual({
      kind: "mint",
      options: { agency: "police-liaison", role: "POLICE_LIAISON", sub: "po-1", purpose: "EMERGENCY", ttlSeconds: 600, unit: "police-liaison/malmo" },
    });
  });

  test.each([
    ["no arguments", [], /--agency must be one of/],
    ["an unknown agency", ["--agency", "tax-agency", "--role", "AUDITOR", "--sub", "a"], /--agency must be one of/],
    ["a role of another agency", ["--agency", "housing", "--role", "SOCIAL_SECRETARY", "--sub", "a"], /--role for housing must be one of: HOUSING_OFFICER/],
    ["an unknown role", ["--agency", "housing", "--role", "JANITOR", "--sub", "a"], /--role for housing/],
    ["no sub", ["--agency", "housing", "--role", "HOUSING_OFFICER"], /--sub/],
    ["a sub with spaces", ["--agency", "housing", "--role", "HOUSING_OFFICER", "--sub", "a b"], /--sub/],
    ["a purpose the role may not state", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--purpose", "CASE_WORK"], /--purpose for AUDITOR must be one of: AUDIT/],
    ["an unknown purpose", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--purpose", "FUN"], /--purpose/],
    ["a ttl that is no number", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--ttl", "1h"], /--ttl/],
    ["a ttl too long", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--ttl", "86401"], /--ttl/],
    ["a zero ttl", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--ttl", "0"], /--ttl/],
    ["a bad client id", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--client", "x y"], /--client/],
    ["an unknown option", ["--agency", "audit", "--role", "AUDITOR", "--sub", "a", "--admin"], /Unknown option/],
    ["a unit of another agency", ["--agency", "housing", "--role", "HOUSING_OFFICER", "--sub", "ho-3001", "--unit", "police-liaison/malmo"], /--unit must be a unit of housing/],
    ["a malformed unit", ["--agency", "housing", "--role", "HOUSING_OFFICER", "--sub", "ho-3001", "--unit", "housing/Malmö"], /--unit must be a unit of housing/],
    ["a case role outside the directory without a unit", ["--agency", "housing", "--role", "HOUSING_OFFICER", "--sub", "ho-1"], /--unit is required for HOUSING_OFFICER/],
    ["a positional argument", ["audit"], /Unexpected argument|positional/i],
  ])("bad arguments: %s → usage on stderr, exit 2, nothing on stdout", async (_, argv, message) => {
    const { code, stdout, stderr } = await cli(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message as RegExp);
    expect(stderr).toContain("usage: npm run -s token --");
  });

  test("--help prints the usage and exits 0", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("usage:");
  });
});
