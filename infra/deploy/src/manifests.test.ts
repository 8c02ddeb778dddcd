import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import {
  auditWiringProblems,
  consistencyProblems,
  documentedKeys,
  kustomizationProblems,
  probeProblems,
  referenceProblems,
  secretProblems,
  securityProblems,
  serviceProblems,
  witnessNamespace,
} from "./checks.js";
import { dockerfileProblems } from "./dockerfile.js";
import { generatedConfigMaps, redisNamespace } from "./front-door.js";
import { DEPLOY_DIR, type K8sObject, loadManifests, type Manifest, ofKind, servedRoutes, yamlFiles } from "./manifests.js";
import { defaultDenyProblems, egressAllows, ingressAllows, mayConnect, type Peer, workload } from "./network.js";

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
};

const files = yamlFiles();
const all = loadManifests();
const kustomization = all.find((manifest) => manifest.file === "kustomization.yaml")?.object as K8sObject;
const manifests = all.filter((manifest) => manifest.file !== "kustomization.yaml");
const expectedSecrets = loadManifests(DEPLOY_DIR, ["secrets.example.yaml"]);
/** With the ConfigMaps kustomize generates (the trusted documents), which pods reference too. */
const withGenerated = (set: Manifest[]): Manifest[] => [...set, ...generatedConfigMaps(kustomization).map((object) => ({ file: "kustomization.yaml", object }))];
const dockerfile = readFileSync(join(DEPLOY_DIR, "Dockerfile"), "utf8");

const GATEWAY_ROUTES = servedRoutes("gateway/src/server.ts");
const SUBGRAPH_ROUTES = servedRoutes("subgraphs/kit/src/subgraph-server.ts");
const served = (container: string) => (container === "gateway" ? GATEWAY_ROUTES : SUBGRAPH_ROUTES);

const SUBGRAPHS = ["social-services", "housing", "police-liaison", "child-services"];
const WORKLOADS = ["gateway", ...SUBGRAPHS];
const POSTGRES: Peer = { address: "192.0.2.10/32" };
const INGRESS: Peer = { namespace: { "kubernetes.io/metadata.name": "ingress-nginx" } };
const ELSEWHERE: Peer = { namespace: { "kubernetes.io/metadata.name": "default" } };
const portOf = (set: Manifest[], name: string) => {
  const peer = workload(set, name);
  return "pod" in peer ? (peer.pod.ports[0]?.containerPort ?? 0) : 0;
};

/** Who may open a connection to whom, as the design says; everything else is refused. */
function expectedConnection(from: string, to: string): boolean {
  if (from === "gateway") return SUBGRAPHS.includes(to);
  return to === "social-services" && from !== "social-services";
}

function connectionMatrix(set: Manifest[]): string[] {
  const wrong: string[] = [];
  for (const from of WORKLOADS) {
    for (const to of WORKLOADS) {
      const [source, target, port] = [workload(set, from), workload(set, to), portOf(set, to)];
      if (expectedConnection(from, to)) {
        if (!mayConnect(set, source, target, port)) wrong.push(`${from} -> ${to}: refused`);
      } else {
        // Refused by both sides, so that one loosened policy alone opens nothing.
        if (egressAllows(set, source, target, port)) wrong.push(`${from} -> ${to}: ${from} may send`);
        if (ingressAllows(set, source, target, port)) wrong.push(`${from} -> ${to}: ${to} accepts`);
      }
    }
  }
  for (const to of WORKLOADS) {
    const fromIngress = ingressAllows(set, INGRESS, workload(set, to), portOf(set, to));
    if (fromIngress !== (to === "gateway")) wrong.push(`ingress -> ${to}: ${fromIngress ? "allowed" : "refused"}`);
    if (ingressAllows(set, ELSEWHERE, workload(set, to), portOf(set, to))) wrong.push(`another namespace -> ${to}: allowed`);
    if (!mayConnect(set, workload(set, to), POSTGRES, 5432)) wrong.push(`${to} -> PostgreSQL: refused`);
    // The audit witness: the gateway publishes tree heads to it; nothing else may reach it.
    const witness = witnessNamespace(set);
    if (!witness) wrong.push("the audit witness names no namespace");
    else if (egressAllows(set, workload(set, to), { namespace: { "kubernetes.io/metadata.name": witness } }, 4222) !== (to === "gateway")) {
      wrong.push(`${to} -> the audit witness (NATS ${witness}:4222): ${to === "gateway" ? "refused" : "allowed"}`);
    }
    // The rate limiter's Redis: the gateway replicas share their counters there; nothing else may reach it.
    const redis = redisNamespace(set);
    if (!redis) wrong.push("the rate limiter's Redis names no namespace");
    else if (egressAllows(set, workload(set, to), { namespace: { "kubernetes.io/metadata.name": redis } }, 6379) !== (to === "gateway")) {
      wrong.push(`${to} -> the rate limiter's Redis (${redis}:6379): ${to === "gateway" ? "refused" : "allowed"}`);
    }
  }
  return wrong;
}

describe("the Kubernetes manifests", () => {
  it("parse, and every object is valid against the Kubernetes OpenAPI schema", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const { file, object } of [...manifests, ...expectedSecrets]) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      if (!Model) throw new Error(`${file}: no schema for ${object.apiVersion} ${object.kind}`);
      expect(() => new Model(object).validate()).not.toThrow();
    }
    expect(kustomization.kind).toBe("Kustomization");
  });

  it("run every container as a non-root user on a read-only filesystem, without privileges, within limits", () => {
    expect(ofKind(manifests, "Deployment").map((deployment) => deployment.metadata.name).sort()).toEqual([...WORKLOADS].sort());
    expect(securityProblems(manifests)).toEqual([]);
  });

  it("probe liveness and readiness at routes the gateway and the subgraphs really serve", () => {
    for (const routes of [GATEWAY_ROUTES, SUBGRAPH_ROUTES]) expect([...routes]).toEqual(expect.arrayContaining(["GET /health/live", "GET /health/ready"]));
    expect(probeProblems(manifests, served)).toEqual([]);
  });

  it("carry no secret values, and reference only ConfigMaps defined here and the documented Secrets", () => {
    expect(secretProblems([...manifests, ...expectedSecrets])).toEqual([]);
    expect(referenceProblems(withGenerated(manifests), expectedSecrets.map((manifest) => manifest.object))).toEqual([]);
  });

  it("route each Service to one Deployment's pods, on a port they declare", () => {
    expect(serviceProblems(manifests)).toEqual([]);
    expect(consistencyProblems(manifests, "skyddsnat")).toEqual([]);
  });

  it("deny all traffic by default and allow only ingress -> gateway -> subgraphs -> social services' facts, PostgreSQL, and gateway -> the audit witness and the rate limiter's Redis", () => {
    expect(defaultDenyProblems(manifests)).toEqual([]);
    expect(connectionMatrix(manifests)).toEqual([]);
    expect(mayConnect(manifests, workload(manifests, "housing"), { address: "198.51.100.0/24" }, 443)).toBe(false);
  });

  it("give the gateway the audit owner's and writer's own logins from Secrets, and a JetStream witness it alone may reach", () => {
    expect(auditWiringProblems(manifests)).toEqual([]);
    const documented = documentedKeys(expectedSecrets.find((m) => m.object.metadata.name === "skyddsnat-database")!.object);
    expect(documented).toEqual(expect.arrayContaining(["audit-owner-url", "audit-writer-url", "audit-reader-url"]));
  });

  it("keep the gateway available: a disruption budget and an autoscaler", () => {
    const gatewayPods = { "app.kubernetes.io/name": "gateway", "app.kubernetes.io/part-of": "skyddsnat" };
    expect(ofKind(manifests, "PodDisruptionBudget").map((budget) => budget.spec.selector.matchLabels)).toContainEqual(gatewayPods);
    expect(ofKind(manifests, "HorizontalPodAutoscaler").map((scaler) => scaler.spec.scaleTargetRef.name)).toContain("gateway");
  });

  it("are all listed in the kustomization", () => {
    expect(kustomizationProblems(kustomization, files)).toEqual([]);
  });
});

describe("the Dockerfile", () => {
  it("builds on Node 24, fetches no URL, bakes in no secret, and runs as a numeric non-root user", () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });
});

/** Every check above must be able to fail: each row breaks a copy of the manifests one way. */
describe("each check catches what it is for", () => {
  const copy = (): Manifest[] => structuredClone(manifests);
  const container = (set: Manifest[], name: string) =>
    ofKind(set, "Deployment").find((deployment) => deployment.metadata.name === name)?.spec.template.spec.containers[0];

  /** Removes a policy's egress rules to `port`, whatever their position. */
  const dropEgress = (set: Manifest[], policy: string, port: number) => {
    const spec = ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === policy)!.spec;
    spec.egress = spec.egress.filter((rule: any) => !(rule.ports ?? []).some((p: any) => p.port === port));
  };

  const broken: [string, (set: Manifest[]) => void, (set: Manifest[]) => string[]][] = [
    ["a container running as root", (set) => (container(set, "housing").securityContext.runAsUser = 0), securityProblems],
    ["a writable root filesystem", (set) => (container(set, "gateway").securityContext.readOnlyRootFilesystem = false), securityProblems],
    ["privilege escalation", (set) => (container(set, "housing").securityContext.allowPrivilegeEscalation = true), securityProblems],
    ["capabilities kept", (set) => (container(set, "child-services").securityContext.capabilities.drop = []), securityProblems],
    ["no memory limit", (set) => delete container(set, "police-liaison").resources.limits.memory, securityProblems],
    ["a probe at a path nobody serves", (set) => (container(set, "gateway").readinessProbe.httpGet.path = "/healthz"), (set) => probeProblems(set, served)],
    ["a probe on an undeclared port", (set) => (container(set, "housing").livenessProbe.httpGet.port = 9999), (set) => probeProblems(set, served)],
    ["a Secret with a value", (set) => set.push({ file: "x.yaml", object: { apiVersion: "v1", kind: "Secret", metadata: { name: "x" }, stringData: { k: "v" } } }), secretProblems],
    ["an undocumented Secret key", (set) => (container(set, "gateway").env.find((v: any) => v.name === "AUDIT_WRITER_DATABASE_URL").valueFrom.secretKeyRef.key = "gateway-url"), (set) => referenceProblems(withGenerated(set), expectedSecrets.map((m) => m.object))],
    ["a missing ConfigMap key", (set) => (container(set, "housing").env.find((v: any) => v.name === "FACTS_URL").valueFrom.configMapKeyRef.key = "FACT_URL"), (set) => referenceProblems(withGenerated(set), expectedSecrets.map((m) => m.object))],
    ["a Service selecting no pods", (set) => (ofKind(set, "Service")[0]!.spec.selector["app.kubernetes.io/name"] = "nobody"), serviceProblems],
    ["a Service targeting an undeclared port", (set) => (ofKind(set, "Service")[1]!.spec.ports[0].targetPort = 8080), serviceProblems],
    ["replicas under an autoscaler", (set) => (ofKind(set, "Deployment").find((d) => d.metadata.name === "gateway")!.spec.replicas = 2), (set) => consistencyProblems(set, "skyddsnat")],
    ["subgraphs open to every pod", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "subgraphs-from-gateway")!.spec.ingress.push({}), connectionMatrix],
    ["no default deny", (set) => set.splice(set.findIndex((m) => m.object.metadata.name === "default-deny-all"), 1), defaultDenyProblems],
    ["the writer's URL as a literal", (set) => (container(set, "gateway").env.find((v: any) => v.name === "AUDIT_WRITER_DATABASE_URL").valueFrom = undefined), auditWiringProblems],
    ["the owner as the writer", (set) => (container(set, "gateway").env.find((v: any) => v.name === "AUDIT_WRITER_DATABASE_URL").valueFrom.secretKeyRef.key = "audit-owner-url"), auditWiringProblems],
    ["no owner URL", (set) => container(set, "gateway").env.splice(container(set, "gateway").env.findIndex((v: any) => v.name === "AUDIT_OWNER_DATABASE_URL"), 1), auditWiringProblems],
    ["DATABASE_URL back beside them", (set) => container(set, "gateway").env.push({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "skyddsnat-database", key: "audit-owner-url" } } }), auditWiringProblems],
    ["a file witness on the pod", (set) => (ofKind(set, "ConfigMap")[0]!.data.AUDIT_WITNESS = "file:/tmp/heads.jsonl"), auditWiringProblems],
    ["no witness", (set) => container(set, "gateway").env.splice(container(set, "gateway").env.findIndex((v: any) => v.name === "AUDIT_WITNESS"), 1), auditWiringProblems],
    ["no way to the witness", (set) => dropEgress(set, "gateway-egress", 4222), connectionMatrix],
    ["the witness open to a subgraph", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "subgraphs-egress")!.spec.egress.push({ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "skyddsnat-witness" } } }], ports: [{ protocol: "TCP", port: 4222 }] }), connectionMatrix],
    ["no way to the rate limiter's Redis", (set) => dropEgress(set, "gateway-egress", 6379), connectionMatrix],
    ["Redis open to a subgraph", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "subgraphs-egress")!.spec.egress.push({ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "skyddsnat-redis" } } }], ports: [{ protocol: "TCP", port: 6379 }] }), connectionMatrix],
    ["the trusted documents' ConfigMap not generated", (set) => (ofKind(set, "Deployment").find((d) => d.metadata.name === "gateway")!.spec.template.spec.volumes.find((v: any) => v.name === "trusted-documents").configMap.name = "skyddsnat-trusted-docs"), (set) => referenceProblems(withGenerated(set), expectedSecrets.map((m) => m.object))],
    ["no way to PostgreSQL", (set) => set.splice(set.findIndex((m) => m.object.metadata.name === "subgraphs-egress"), 1), connectionMatrix],
  ];
  it.each(broken)("%s", (_what, breakIt, check) => {
    const set = copy();
    expect(check(set)).toEqual([]);
    breakIt(set);
    expect(check(set)).not.toEqual([]);
  });

  it("an object the schema refuses", () => {
    const deployment = structuredClone(ofKind(manifests, "Deployment")[0]!);
    deployment.spec.template.spec.containers[0].ports[0].containerPort = "http";
    expect(() => new Deployment(deployment as any).validate()).toThrow(/containerPort/);
  });

  it("a file the kustomization leaves out", () => {
    expect(kustomizationProblems(kustomization, [...files, "ingress.yaml"])).toEqual(["kustomization.yaml does not list ingress.yaml"]);
  });

  it.each([
    ["no USER", dockerfile.replace(/^USER .*$/m, "")],
    ["USER root", dockerfile.replace(/^USER .*$/m, "USER root")],
    ["another Node at run time", dockerfile.replace(/^FROM node:24-bookworm-slim AS runtime/m, "FROM node:22-bookworm-slim AS runtime")],
    ["the old Node 20 at build time", dockerfile.replace(/^FROM node:24-bookworm-slim AS build/m, "FROM node:20-bookworm-slim AS build")],
    ["ADD of a URL", `${dockerfile}\nADD https://example.org/tool.tar.gz /opt/\n`],
    ["a baked-in secret", `${dockerfile}\nENV DATABASE_URL=postgres://u:p@db/x\n`],
  ])("a Dockerfile with %s", (_what, text) => {
    expect(dockerfileProblems(text)).not.toEqual([]);
  });

});
