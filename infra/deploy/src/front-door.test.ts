import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
// The gateway's own code, from its sources: what it does at start-up with this configuration.
import { frontDoorFromEnv } from "../../../gateway/src/front-door-settings.js";
import { documentHash as gatewayHash, parseManifest } from "../../../gateway/src/trusted-documents/manifest.js";
import { VARIABLES } from "../../hub/src/environment/variables.js";
import {
  FRONT_DOOR_SETTINGS,
  frontDoorProblems,
  gatewayContainer,
  generatedConfigMaps,
  resolvedEnv,
  unreadVariableProblems,
} from "./front-door.js";
import { type K8sObject, loadManifests, type Manifest, ofKind, REPO_DIR } from "./manifests.js";
import { buildManifest, deploymentDocuments, documentHash, documentText, MANIFEST_FILE, manifestJson, webDocuments } from "./trusted-documents.js";

const all = loadManifests();
const kustomization = all.find((manifest) => manifest.file === "kustomization.yaml")?.object as K8sObject;
const manifests = all.filter((manifest) => manifest.file !== "kustomization.yaml");
const generated = generatedConfigMaps(kustomization);
const checkedIn = readFileSync(MANIFEST_FILE, "utf8");

/** What each process reads: the hub's one table of variables (infra/hub/src/environment). */
const readBy = (process: string) => new Set(Object.entries(VARIABLES).filter(([, entry]) => (entry.for as readonly string[]).includes(process)).map(([name]) => name));
const configMaps = (set: Manifest[]) => [...ofKind(set, "ConfigMap"), ...generated];

/** A template literal's text in a source file (`export const NAME = \`…\`;`), refused if it interpolates. */
function templateConstant(file: string, name: string): string {
  const text = readFileSync(join(REPO_DIR, file), "utf8");
  const match = new RegExp(`export const ${name} = \`([^\`]*)\`;`).exec(text);
  if (!match?.[1] || match[1].includes("${")) throw new Error(`${file}: no plain template literal ${name}`);
  return match[1];
}

/** The document of the README quick start's curl (`-d '{"query":"…"}'`), as the hub receives it. */
function readmeQuickStartQuery(): string {
  const readme = readFileSync(join(REPO_DIR, "README.md"), "utf8");
  const body = /curl -s localhost:4000\/graphql[^\n]*\\\n\s*-d '([^']*)'/.exec(readme)?.[1];
  if (!body) throw new Error("README.md: no quick-start curl with a -d body");
  return (JSON.parse(body) as { query: string }).query;
}

/** The operations the README's guide "Composing a client view" shows, as a client sends them. */
function readmeGuideDocuments(): string[] {
  const readme = readFileSync(join(REPO_DIR, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n(query [\s\S]*?)```/g)].map((m) => documentText(m[1] as string));
}

describe("the trusted documents' manifest", () => {
  it("registers every operation of the users' web app, byte for byte as the app sends it", () => {
    const registered = JSON.parse(checkedIn) as Record<string, string>;
    const web = webDocuments();
    expect(web.length).toBeGreaterThanOrEqual(4);
    for (const { name, text } of web) expect(registered[name.slice("web/".length)]).toBe(text);
  });

  it("is what the generator writes from infra/deploy/documents and the web app's manifest", () => {
    expect(checkedIn).toBe(manifestJson(buildManifest(deploymentDocuments())));
    // The file kustomize turns into the gateway's ConfigMap is that file.
    expect(generated.find((map) => map.metadata.name === "skyddsnat-trusted-documents")?.data?.["trusted-documents.json"]).toBe(checkedIn);
  });

  it("passes the gateway's own start-up check: every key the sha256 of its document", () => {
    const manifest = parseManifest(JSON.parse(checkedIn));
    expect(manifest.size).toBeGreaterThanOrEqual(2);
    for (const [hash, document] of manifest) expect(documentHash(document)).toBe(hash);
  });

  it("registers the operations the hub's documented users run: the client view, the README's quick start and its guide's documents", () => {
    const registered = new Set(Object.values(JSON.parse(checkedIn) as Record<string, string>));
    expect(registered).toContain(templateConstant("test/src/bench/client-view.ts", "CLIENT_VIEW"));
    expect(registered).toContain(readmeQuickStartQuery());
    const guide = readmeGuideDocuments();
    expect(guide.length).toBeGreaterThanOrEqual(2);
    for (const document of guide) expect(registered).toContain(document);
  });

  it("hashes as the gateway does: the exact text, line breaks and spaces included", () => {
    for (const text of ["{ a }", "{ a }\n", "{  a }", "query Q {\r\n  a\r\n}", "{ å }"]) expect(documentHash(text)).toBe(gatewayHash(text));
    // The generator drops only the file's final line break, not the document's own spacing.
    expect(Object.values(buildManifest([{ name: "q.graphql", text: "{ a }\n" }]))).toEqual(["{ a }"]);
    expect(Object.values(buildManifest([{ name: "q.graphql", text: "query Q {\n  a\n}\n\n" }]))).toEqual(["query Q {\n  a\n}\n"]);
  });

  it("refuses an empty document and the same document twice", () => {
    expect(() => buildManifest([{ name: "empty.graphql", text: "\n" }])).toThrow(/empty\.graphql is empty/);
    expect(() => buildManifest([{ name: "a.graphql", text: "{ a }" }, { name: "b.graphql", text: "{ a }\n" }])).toThrow(/b\.graphql repeats/);
  });
});

describe("the gateway's front door in the manifests", () => {
  it("runs only registered documents, limits callers through Redis, and states every limit and timeout", () => {
    expect(frontDoorProblems(manifests, generated)).toEqual([]);
  });

  it("is a configuration the gateway accepts: allow-listed with the checked-in manifest, the ConfigMap's values in force", async () => {
    const { container } = gatewayContainer(manifests);
    const env: Record<string, string | undefined> = { ...resolvedEnv(container, [...ofKind(manifests, "ConfigMap"), ...generated]), TRUSTED_DOCUMENTS_FILE: MANIFEST_FILE };
    const door = await frontDoorFromEnv(env);
    expect(door.trustedDocuments.mode).toBe("allow-listed");
    const manifest = door.trustedDocuments.mode === "allow-listed" ? door.trustedDocuments.manifest : new Map();
    expect(Object.fromEntries(manifest)).toEqual(JSON.parse(checkedIn));
    expect(door.traffic).toEqual({ ratePerMinute: Number(env.RATE_LIMIT_PER_MINUTE), maxInFlight: Number(env.MAX_IN_FLIGHT), redisUrl: env.RATE_LIMIT_REDIS_URL });
    expect(door.limits.maxDepth).toBe(Number(env.LIMIT_DEPTH));
    expect(door.faults.subgraphTimeoutMs).toBe(Number(env.SUBGRAPH_TIMEOUT_MS));
    expect(door.shutdownGraceMs).toBe(Number(env.SHUTDOWN_GRACE_MS));
  });

  it("sets no variable the process a container runs does not read (its env and every key of its envFrom ConfigMaps)", () => {
    for (const name of [...FRONT_DOOR_SETTINGS, "TRUSTED_DOCUMENTS_FILE", "RATE_LIMIT_REDIS_URL", "CORS_ORIGINS", "AUDIT_WITNESS", "LOG_LEVEL"]) expect(readBy("gateway")).toContain(name);
    expect(unreadVariableProblems(manifests, configMaps(manifests), readBy)).toEqual([]);
  });
});

/** Each check must be able to fail: each row breaks a copy of the manifests one way. */
describe("each front-door check catches what it is for", () => {
  const copy = (): Manifest[] => structuredClone(manifests);
  const env = (set: Manifest[]) => gatewayContainer(set).container.env as any[];
  const config = (set: Manifest[]) => ofKind(set, "ConfigMap").find((map) => map.metadata.name === "skyddsnat-gateway")!.data;
  const unread = (set: Manifest[]) => unreadVariableProblems(set, configMaps(set), readBy);
  const doorCheck = (set: Manifest[]) => frontDoorProblems(set, generated);

  const broken: [string, (set: Manifest[]) => void, (set: Manifest[]) => string[]][] = [
    ["the door left open", (set) => (config(set).TRUSTED_DOCUMENTS = "off"), doorCheck],
    ["no TRUSTED_DOCUMENTS", (set) => delete config(set).TRUSTED_DOCUMENTS, doorCheck],
    ["the manifest at a path nothing mounts", (set) => (env(set).find((v) => v.name === "TRUSTED_DOCUMENTS_FILE").value = "/tmp/trusted-documents.json"), doorCheck],
    ["the manifest from a ConfigMap kustomize does not generate", (set) => (gatewayContainer(set).deployment!.spec.template.spec.volumes.find((v: any) => v.name === "trusted-documents").configMap.name = "skyddsnat-gateway"), doorCheck],
    ["no Redis", (set) => delete config(set).RATE_LIMIT_REDIS_URL, doorCheck],
    ["a Redis password in the ConfigMap", (set) => (config(set).RATE_LIMIT_REDIS_URL = "redis://:hunter2@redis.skyddsnat-redis.svc.cluster.local:6379/0"), doorCheck],
    ["a Redis URL that is not one", (set) => (config(set).RATE_LIMIT_REDIS_URL = "http://redis:6379"), doorCheck],
    ["a limit left to the code's default", (set) => delete config(set).LIMIT_COST, doorCheck],
    ["a timeout written in the Deployment, not the ConfigMap", (set) => env(set).push({ name: "SUBGRAPH_TIMEOUT_MS", value: "5000" }), doorCheck],
    ["a shutdown grace the kubelet cuts short", (set) => (config(set).SHUTDOWN_GRACE_MS = "30000"), doorCheck],
    ["a misspelt variable in the ConfigMap", (set) => (config(set).TRUSTED_DOCUMENT = "allow-listed"), unread],
    ["a misspelt variable in the Deployment", (set) => env(set).push({ name: "LIMIT_DEPHT", value: "6" }), unread],
    ["a gateway setting given to an agency", (set) => (ofKind(set, "ConfigMap").find((map) => map.metadata.name === "skyddsnat-agencies")!.data.LIMIT_DEPTH = "6"), unread],
    ["an agency's setting given to the gateway", (set) => (config(set).FACTS_URL = "http://social-services:4001/graphql"), unread],
    ["a serving setting given to the migration Job", (set) => (ofKind(set, "Job")[0]!.spec.template.spec.initContainers[0].env.push({ name: "GATEWAY_JWKS_FILE", value: "/x" })), unread],
  ];
  it.each(broken)("%s", (_what, breakIt, check) => {
    const set = copy();
    expect(check(set)).toEqual([]);
    breakIt(set);
    expect(check(set)).not.toEqual([]);
  });

  it("a checked-in manifest the generator would not write, or whose key is not its document's sha256", () => {
    const manifest = JSON.parse(checkedIn) as Record<string, string>;
    const [hash, document] = Object.entries(manifest)[0]!;
    const edited = { ...manifest, [hash]: `${document} ` };
    expect(manifestJson(edited)).not.toBe(manifestJson(buildManifest(deploymentDocuments())));
    expect(() => parseManifest(edited)).toThrow(/is not the sha256 of its document/);
  });

  it("the gateway refuses the ConfigMap's settings with the door open but no manifest", async () => {
    const { container } = gatewayContainer(manifests);
    const env = { ...resolvedEnv(container, [...ofKind(manifests, "ConfigMap"), ...generated]), TRUSTED_DOCUMENTS_FILE: "" };
    await expect(frontDoorFromEnv(env)).rejects.toThrow(/TRUSTED_DOCUMENTS_FILE/);
  });
});
