import { describe, expect, test } from "@jest/globals";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { admitDocument } from "./admit-document.js";
import { FrontDoorSettingError, frontDoorFromEnv, OPEN_FRONT_DOOR } from "./front-door-settings.js";
import { DEFAULT_LIMITS } from "./limits/index.js";
import { documentHash, parseManifest } from "./trusted-documents/manifest.js";

const DOC = "query Me { __typename }";

async function manifestFile(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "manifest-")), "persisted-documents.json");
  await writeFile(path, content);
  return path;
}

const refusal = async (env: Record<string, string>) => {
  try {
    await frontDoorFromEnv(env);
  } catch (error) {
    return error instanceof FrontDoorSettingError ? error.variable : `unexpected ${String(error)}`;
  }
  return "accepted";
};

describe("front-door settings from the environment", () => {
  test("unset, the door is the open development default", async () => {
    expect(await frontDoorFromEnv({})).toEqual(OPEN_FRONT_DOOR);
    expect(OPEN_FRONT_DOOR).toMatchObject({ limits: DEFAULT_LIMITS, trustedDocuments: { mode: "off" }, corsOrigins: [] });
  });

  test("allow-listed reads the manifest named by TRUSTED_DOCUMENTS_FILE", async () => {
    const path = await manifestFile(JSON.stringify({ [documentHash(DOC)]: DOC }));
    const door = await frontDoorFromEnv({ TRUSTED_DOCUMENTS: "allow-listed", TRUSTED_DOCUMENTS_FILE: path });
    expect(door.trustedDocuments.mode).toBe("allow-listed");
    expect(door.trustedDocuments.mode === "allow-listed" && [...door.trustedDocuments.manifest.keys()]).toEqual([documentHash(DOC)]);
  });

  test.each([
    [{ TRUSTED_DOCUMENTS: "on" }, "TRUSTED_DOCUMENTS"],
    [{ TRUSTED_DOCUMENTS: "allow-listed" }, "TRUSTED_DOCUMENTS_FILE"],
    [{ TRUSTED_DOCUMENTS: "allow-listed", TRUSTED_DOCUMENTS_FILE: "/nonexistent/manifest.json" }, "TRUSTED_DOCUMENTS_FILE"],
    [{ CORS_ORIGINS: "*" }, "CORS_ORIGINS"],
    [{ CORS_ORIGINS: "https://ok.example, https://bad.example/path" }, "CORS_ORIGINS"],
    [{ REQUEST_TIMEOUT_MS: "10s" }, "REQUEST_TIMEOUT_MS"],
    [{ SHUTDOWN_GRACE_MS: "0" }, "SHUTDOWN_GRACE_MS"],
    [{ LIMIT_COST: "lots" }, "LIMIT_COST"],
  ])("%p is refused, naming %s", async (env, variable) => {
    expect(await refusal(env as Record<string, string>)).toBe(variable);
  });

  test("a manifest that is not JSON, or whose key is not its document's hash, is refused", async () => {
    expect(await refusal({ TRUSTED_DOCUMENTS: "allow-listed", TRUSTED_DOCUMENTS_FILE: await manifestFile("{ not json") })).toBe("TRUSTED_DOCUMENTS_FILE");
    const forged = await manifestFile(JSON.stringify({ [documentHash(DOC)]: "mutation { closeCase(id: 1) { id } }" }));
    expect(await refusal({ TRUSTED_DOCUMENTS: "allow-listed", TRUSTED_DOCUMENTS_FILE: forged })).toBe("TRUSTED_DOCUMENTS_FILE");
  });

  test("CORS origins, timeouts and grace are read as given", async () => {
    const door = await frontDoorFromEnv({ CORS_ORIGINS: "https://a.example, http://localhost:5173", REQUEST_TIMEOUT_MS: "15000", SHUTDOWN_GRACE_MS: "20000" });
    expect(door).toMatchObject({ corsOrigins: ["https://a.example", "http://localhost:5173"], requestTimeoutMs: 15000, shutdownGraceMs: 20000 });
  });
});

describe("admitting a document in front of Apollo", () => {
  const trusted = { ...OPEN_FRONT_DOOR, trustedDocuments: { mode: "allow-listed" as const, manifest: parseManifest({ [documentHash(DOC)]: DOC }) } };
  const persisted = { persistedQuery: { version: 1, sha256Hash: documentHash(DOC) } };
  const code = (run: () => unknown) => {
    try {
      run();
      return "admitted";
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  test("a registered hash becomes its text, in a body and in a GET's query string", () => {
    expect(admitDocument({ method: "POST", search: "", body: { extensions: persisted, variables: {} } }, trusted).body).toEqual({ query: DOC, extensions: {}, variables: {} });
    const get = admitDocument({ method: "GET", search: `?extensions=${encodeURIComponent(JSON.stringify(persisted))}`, body: undefined }, trusted);
    expect(new URLSearchParams(get.search).get("query")).toBe(DOC);
  });

  test("an unregistered text or hash is refused; the open door lets any text through", () => {
    expect(code(() => admitDocument({ method: "POST", search: "", body: { query: "{ __typename }" } }, trusted))).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(code(() => admitDocument({ method: "GET", search: "?query=%7B__typename%7D", body: undefined }, trusted))).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(code(() => admitDocument({ method: "POST", search: "", body: { query: "{ __typename }" } }, OPEN_FRONT_DOOR))).toBe("admitted");
  });

  test("a document longer than the limit is refused before it is parsed", () => {
    const long = `#${"x".repeat(DEFAULT_LIMITS.maxDocumentChars)}\n{ __typename }`;
    expect(code(() => admitDocument({ method: "POST", search: "", body: { query: long } }, OPEN_FRONT_DOOR))).toBe("DOCUMENT_TOO_LARGE");
  });
});
