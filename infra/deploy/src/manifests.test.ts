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
import { execFileSync } from "node:child_process";
import { AGENCIES, GENERATED, METRICS_PORT } from "./agencies.js";
import {
  auditWiringProblems,
  consistencyProblems,
  documentedKeys,
  kustomizationProblems,
  migrationProblems,
  probeProblems,
  referenceProblems,
  secretProblems,
  securityProblems,
  serviceProblems,
  witnessNamespace,
} from "./checks.js";
import { dockerfileProblems } from "./dockerfile.js";
import { generatedConfigMaps, redisNamespace } from "./front-door.js";
import { parseAllDocuments } from "yaml";
import { containersOf, DEPLOY_DIR, type K8sObject, loadManifests, type Manifest, MONITORING_DIR, OVERLAY_DIR, ofKind, servedRoutes, yamlFiles } from "./manifests.js";
import { MONITORING, monitoringProblems } from "./monitoring.js";
import { defaultDenyProblems, egressAllows, ingressAllows, mayConnect, type Peer, workload } from "./network.js";

/** Every document of a YAML text (kubectl kustomize's output), as manifests of one pseudo-file. */
function loadManifestsFromText(file: string, text: string): Manifest[] {
  return parseAllDocuments(text, { version: "1.1" }).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
    return { file, object: document.toJS() as K8sObject };
  });
}
const containersOfObject = (object: K8sObject): any[] => containersOf(object.spec?.template?.spec);

/**
 * The Prometheus Operator's CRD has no schema in kubernetes-models: the fields the checks and the
 * operator read, by shape.
 */
class PodMonitorShape {
  constructor(private readonly data: any) {}
  validate(): void {
    const spec = this.data?.spec;
    if (typeof this.data?.metadata?.name !== "string") throw new Error("PodMonitor: no metadata.name");
    if (typeof spec?.selector !== "object" || spec.selector === null) throw new Error("PodMonitor: no spec.selector");
    if (!Array.isArray(spec.podMetricsEndpoints) || !spec.podMetricsEndpoints.every((endpoint: any) => typeof endpoint.port === "string")) {
      throw new Error("PodMonitor: spec.podMetricsEndpoints must each name a port");
    }
  }
}

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  "monitoring.coreos.com/v1/PodMonitor": PodMonitorShape,
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
const monitoringFiles = yamlFiles(MONITORING_DIR);
const monitoringComponent = loadManifests(MONITORING_DIR, monitoringFiles);
const component = monitoringComponent.find((manifest) => manifest.file === "kustomization.yaml")?.object as K8sObject;
/** The base with the monitoring component, as a site that lists it gets them. */
const monitored = [...manifests, ...monitoringComponent.filter((manifest) => manifest.file !== "kustomization.yaml")];
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

function connectionMatrix(set: Manifest[], postgres: Peer = POSTGRES): string[] {
  const wrong: string[] = [];
  // The migration Job reaches PostgreSQL, and no workload of the hub.
  const migrate = workload(set, ofKind(set, "Job")[0]?.metadata.name ?? "migrate");
  if (!mayConnect(set, migrate, postgres, 5432)) wrong.push("migrate -> PostgreSQL: refused");
  for (const to of WORKLOADS) if (egressAllows(set, migrate, workload(set, to), portOf(set, to))) wrong.push(`migrate -> ${to}: migrate may send`);
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
    if (!mayConnect(set, workload(set, to), postgres, 5432)) wrong.push(`${to} -> PostgreSQL: refused`);
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
    for (const { file, object } of [...monitored, ...expectedSecrets]) {
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

  it("give the gateway the audit writer's own login from a Secret and no owner's login, and a JetStream witness it alone may reach", () => {
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
    expect([component.kind, kustomizationProblems(component, monitoringFiles)]).toEqual(["Component", []]);
  });

  it("with the monitoring component: every serving container declares the port scraped, which the monitoring namespace alone may reach", () => {
    expect(monitoringProblems(monitored, "skyddsnat", METRICS_PORT)).toEqual([]);
    expect(ingressAllows(monitored, MONITORING, workload(monitored, "gateway"), METRICS_PORT)).toBe(true);
    expect(ingressAllows(monitored, MONITORING, workload(monitored, "gateway"), 4000)).toBe(false);
    // Without the component, nothing reaches the metrics port (the base denies all by default).
    expect(ingressAllows(manifests, MONITORING, workload(manifests, "housing"), METRICS_PORT)).toBe(false);
  });
});

describe("the release's migrations", () => {
  it("run once, in a Job, under the schema owners' logins; the agencies serve under runtime logins and never migrate", () => {
    expect(migrationProblems(manifests, AGENCIES)).toEqual([]);
    expect(ofKind(manifests, "Job").map((job) => job.metadata.name)).toEqual(["migrate"]);
    const documented = documentedKeys(expectedSecrets.find((m) => m.object.metadata.name === "skyddsnat-database")!.object);
    for (const agency of AGENCIES) expect(documented).toEqual(expect.arrayContaining([`${agency.name}-url`, `${agency.name}-owner-url`]));
  });

  it("and the agencies' Deployments are generated from one template (npm run manifests)", () => {
    for (const [file, render] of Object.entries(GENERATED)) expect([file, readFileSync(file, "utf8")]).toEqual([file, render()]);
    // What differs between the agencies is the template's table, nothing else.
    const deployments = ofKind(manifests, "Deployment").filter((d) => AGENCIES.some((agency) => agency.name === d.metadata.name));
    const neutral = deployments.map((d) => JSON.stringify(d).replaceAll(d.metadata.name, "AGENCY").replace(/"replicas":\d+/, "").replace(/\b400[1-4]\b/g, "PORT"));
    expect(new Set(neutral).size).toBe(1);
  });
});

/** The example overlay, as `kubectl kustomize` builds it: every check of the base holds on what it produces. */
describe("the example overlay", () => {
  const built = (): Manifest[] => {
    const text = execFileSync("kubectl", ["kustomize", OVERLAY_DIR], { encoding: "utf8" });
    return loadManifestsFromText("overlays/example (built)", text);
  };
  const site = built();
  const SITE_POSTGRES: Peer = { address: "203.0.113.25/32" };
  const trustedDocuments = ofKind(site, "ConfigMap").filter((map) => map.metadata.name.startsWith("skyddsnat-trusted-documents-"));

  it("builds, and every object is valid against the Kubernetes OpenAPI schema", () => {
    expect(site.length).toBeGreaterThan(15);
    for (const { object } of site) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
      expect(() => new Model(object).validate()).not.toThrow();
    }
  });

  it("keeps every check of the base", () => {
    expect(securityProblems(site)).toEqual([]);
    expect(probeProblems(site, served)).toEqual([]);
    expect(secretProblems(site)).toEqual([]);
    expect(referenceProblems(site, expectedSecrets.map((manifest) => manifest.object))).toEqual([]);
    expect(serviceProblems(site)).toEqual([]);
    expect(consistencyProblems(site, "skyddsnat")).toEqual([]);
    expect(defaultDenyProblems(site)).toEqual([]);
    expect(auditWiringProblems(site)).toEqual([]);
    expect(migrationProblems(site, AGENCIES)).toEqual([]);
    expect(monitoringProblems(site, "skyddsnat", METRICS_PORT)).toEqual([]);
    expect(trustedDocuments).toHaveLength(1);
  });

  it("names the release's Job after it, runs the site's image, and reaches the site's PostgreSQL and no other", () => {
    expect(ofKind(site, "Job").map((job) => job.metadata.name)).toEqual(["migrate-0-1-0"]);
    const images = new Set(site.flatMap(({ object }) => containersOfObject(object).map((container: any) => container.image)));
    expect([...images]).toEqual(["registry.example.org/skyddsnat:0.1.0"]);
    expect(connectionMatrix(site, SITE_POSTGRES)).toEqual([]);
    expect(connectionMatrix(site, POSTGRES)).not.toEqual([]);
    expect(JSON.stringify(site)).not.toContain("192.0.2.10");
  });
});

describe("the Dockerfile", () => {
  it("builds on Node 24, fetches no URL, bakes in no secret, and runs as a numeric non-root user", () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });
});

/** Every check above must be able to fail: each row breaks a copy of the manifests one way. */
describe("each check catches what it is for", () => {
  const copy = (): Manifest[] => structuredClone(monitored);
  const container = (set: Manifest[], name: string) =>
    ofKind(set, "Deployment").find((deployment) => deployment.metadata.name === name)?.spec.template.spec.containers[0];

  const job = (set: Manifest[]) => ofKind(set, "Job")[0]!;
  const gatewayConfig = (set: Manifest[]) => ofKind(set, "ConfigMap").find((m) => m.metadata.name === "skyddsnat-gateway")!.data;
  const migrationOf = (set: Manifest[]) => migrationProblems(set, AGENCIES);
  const monitoringOf = (set: Manifest[]) => monitoringProblems(set, "skyddsnat", METRICS_PORT);
  const ownerLogin = { name: "AUDIT_OWNER_DATABASE_URL", valueFrom: { secretKeyRef: { name: "skyddsnat-database", key: "audit-owner-url" } } };
  const podMonitor = (set: Manifest[]) => ofKind(set, "PodMonitor")[0]!;
  const scrapePolicy = (set: Manifest[]) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "allow-metrics-scrape")!;

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
    ["a missing ConfigMap", (set) => (container(set, "housing").envFrom[1].configMapRef.name = "skyddsnat-agency"), (set) => referenceProblems(withGenerated(set), expectedSecrets.map((m) => m.object))],
    ["a Job step's undocumented Secret key", (set) => (job(set).spec.template.spec.initContainers[1].env.find((v: any) => v.name === "DATABASE_URL").valueFrom.secretKeyRef.key = "housing-admin-url"), (set) => referenceProblems(withGenerated(set), expectedSecrets.map((m) => m.object))],
    ["a Service selecting no pods", (set) => (ofKind(set, "Service")[0]!.spec.selector["app.kubernetes.io/name"] = "nobody"), serviceProblems],
    ["a Service targeting an undeclared port", (set) => (ofKind(set, "Service")[1]!.spec.ports[0].targetPort = 8080), serviceProblems],
    ["replicas under an autoscaler", (set) => (ofKind(set, "Deployment").find((d) => d.metadata.name === "gateway")!.spec.replicas = 2), (set) => consistencyProblems(set, "skyddsnat")],
    ["subgraphs open to every pod", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "subgraphs-from-gateway")!.spec.ingress.push({}), connectionMatrix],
    ["no default deny", (set) => set.splice(set.findIndex((m) => m.object.metadata.name === "default-deny-all"), 1), defaultDenyProblems],
    ["the writer's URL as a literal", (set) => (container(set, "gateway").env.find((v: any) => v.name === "AUDIT_WRITER_DATABASE_URL").valueFrom = undefined), auditWiringProblems],
    ["the owner as the writer", (set) => (container(set, "gateway").env.find((v: any) => v.name === "AUDIT_WRITER_DATABASE_URL").valueFrom.secretKeyRef.key = "audit-owner-url"), auditWiringProblems],
    ["no writer URL", (set) => container(set, "gateway").env.splice(container(set, "gateway").env.findIndex((v: any) => v.name === "AUDIT_WRITER_DATABASE_URL"), 1), auditWiringProblems],
    ["the audit owner's login back in the gateway", (set) => container(set, "gateway").env.push(ownerLogin), auditWiringProblems],
    ["the audit owner's login in the gateway, for the release checks", (set) => container(set, "gateway").env.push(ownerLogin), migrationOf],
    ["the audit owner's key under another name", (set) => container(set, "gateway").env.push({ ...ownerLogin, name: "AUDIT_ADMIN_URL" }), auditWiringProblems],
    ["a gateway that migrates at start", (set) => (gatewayConfig(set).MIGRATE = "at-start"), migrationOf],
    ["DATABASE_URL back beside them", (set) => container(set, "gateway").env.push({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "skyddsnat-database", key: "audit-owner-url" } } }), auditWiringProblems],
    ["a file witness on the pod", (set) => (gatewayConfig(set).AUDIT_WITNESS = "file:/tmp/heads.jsonl"), auditWiringProblems],
    ["no witness", (set) => delete gatewayConfig(set).AUDIT_WITNESS, auditWiringProblems],
    ["no way to the witness", (set) => dropEgress(set, "gateway-egress", 4222), connectionMatrix],
    ["the witness open to a subgraph", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "subgraphs-egress")!.spec.egress.push({ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "skyddsnat-witness" } } }], ports: [{ protocol: "TCP", port: 4222 }] }), connectionMatrix],
    ["no way to the rate limiter's Redis", (set) => dropEgress(set, "gateway-egress", 6379), connectionMatrix],
    ["Redis open to a subgraph", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "subgraphs-egress")!.spec.egress.push({ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "skyddsnat-redis" } } }], ports: [{ protocol: "TCP", port: 6379 }] }), connectionMatrix],
    ["the trusted documents' ConfigMap not generated", (set) => (ofKind(set, "Deployment").find((d) => d.metadata.name === "gateway")!.spec.template.spec.volumes.find((v: any) => v.name === "trusted-documents").configMap.name = "skyddsnat-trusted-docs"), (set) => referenceProblems(withGenerated(set), expectedSecrets.map((m) => m.object))],
    ["no way to PostgreSQL", (set) => set.splice(set.findIndex((m) => m.object.metadata.name === "subgraphs-egress"), 1), connectionMatrix],
    ["the migration Job without a way to PostgreSQL", (set) => set.splice(set.findIndex((m) => m.object.metadata.name === "migrate-egress"), 1), connectionMatrix],
    ["the migration Job open to the subgraphs", (set) => ofKind(set, "NetworkPolicy").find((p) => p.metadata.name === "migrate-egress")!.spec.egress.push({ to: [{ podSelector: {} }] }), connectionMatrix],
    ["an agency that migrates at start", (set) => (ofKind(set, "ConfigMap").find((m) => m.metadata.name === "skyddsnat-agencies")!.data.MIGRATE = "at-start"), migrationOf],
    ["an agency serving as its schema's owner", (set) => (container(set, "housing").env.find((v: any) => v.name === "DATABASE_URL").valueFrom.secretKeyRef.key = "housing-owner-url"), migrationOf],
    ["a Job step as the runtime login", (set) => (job(set).spec.template.spec.initContainers[2].env.find((v: any) => v.name === "DATABASE_URL").valueFrom.secretKeyRef.key = "police-liaison-url"), migrationOf],
    ["a Job step granting the wrong role", (set) => (job(set).spec.template.spec.initContainers[0].env.find((v: any) => v.name === "RUNTIME_ROLE").value = "skyddsnat_housing"), migrationOf],
    ["a Job without an agency's step", (set) => job(set).spec.template.spec.initContainers.pop(), migrationOf],
    ["a Job that restarts a failed step in place", (set) => (job(set).spec.template.spec.restartPolicy = "OnFailure"), migrationOf],
    ["a serving container without the metrics port", (set) => container(set, "housing").ports.pop(), monitoringOf],
    ["the metrics port declared where nothing serves it", (set) => (container(set, "gateway").ports.find((p: any) => p.name === "metrics").containerPort = 9465), monitoringOf],
    ["metrics turned off where they are scraped", (set) => (gatewayConfig(set).METRICS_PORT = "off"), monitoringOf],
    ["a Deployment the PodMonitor leaves out", (set) => (podMonitor(set).spec.selector.matchExpressions[0].values = ["gateway"]), monitoringOf],
    ["a PodMonitor looking in another namespace", (set) => (podMonitor(set).spec.namespaceSelector.matchNames = ["default"]), monitoringOf],
    ["the scrape refused", (set) => set.splice(set.findIndex((m) => m.object.metadata.name === "allow-metrics-scrape"), 1), monitoringOf],
    ["the monitoring namespace let onto the GraphQL port", (set) => scrapePolicy(set).spec.ingress[0].ports.push({ protocol: "TCP", port: 4000 }), monitoringOf],
    ["no PodMonitor", (set) => set.splice(set.findIndex((m) => m.object.kind === "PodMonitor"), 1), monitoringOf],
    ["a Job that serves instead of migrating", (set) => (job(set).spec.template.spec.containers[0].env.find((v: any) => v.name === "MIGRATE").value = "at-start"), migrationOf],
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
