import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

/** infra/deploy, from this file's location (src/ or dist/). */
export const DEPLOY_DIR = fileURLToPath(new URL("..", import.meta.url));
/** The base every site's overlay builds on (k8s/overlays/example shows one). */
export const K8S_DIR = join(DEPLOY_DIR, "k8s", "base");
export const OVERLAY_DIR = join(DEPLOY_DIR, "k8s", "overlays", "example");
/** The optional Prometheus Operator component (a PodMonitor and its NetworkPolicy). */
export const MONITORING_DIR = join(DEPLOY_DIR, "k8s", "components", "monitoring");
export const REPO_DIR = join(DEPLOY_DIR, "..", "..");

/** A Kubernetes object as written: only the fields the checks read are typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: any;
}

export interface Manifest {
  file: string;
  object: K8sObject;
}

/** Every document of every YAML file in `dir`; a YAML error fails loudly with the file's name. */
export function loadManifests(dir: string = K8S_DIR, files: string[] = yamlFiles(dir)): Manifest[] {
  return files.flatMap((file) => {
    const documents = parseAllDocuments(readFileSync(join(dir, file), "utf8"), { version: "1.1" });
    return documents.map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      return { file, object: document.toJS() as K8sObject };
    });
  });
}

export const yamlFiles = (dir: string = K8S_DIR): string[] => readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();

export const ofKind = (manifests: Manifest[], kind: string): K8sObject[] =>
  manifests.filter((manifest) => manifest.object.kind === kind).map((manifest) => manifest.object);

/** Pod templates of the workloads (Deployments and Jobs), with the name of their owner. */
export function podTemplates(manifests: Manifest[]): { owner: K8sObject; labels: Record<string, string>; spec: any }[] {
  return manifests
    .map((manifest) => manifest.object)
    .filter((object) => ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(object.kind))
    .map((owner) => ({ owner, labels: owner.spec?.template?.metadata?.labels ?? {}, spec: owner.spec?.template?.spec ?? {} }));
}

/** Where a container's variable comes from: written in the Deployment, a ConfigMap key, or a Secret key. */
export type EnvSource =
  | { from: "literal"; value: string | undefined }
  | { from: "configMap"; name: string; key: string; value: string | undefined }
  | { from: "secret"; name: string; key: string };

/**
 * A container's variables as the kubelet sets them: every key of its `envFrom` ConfigMaps (and
 * Secrets) in order, then its `env`, each overriding what came before.
 */
export function containerEnv(container: any, configMaps: K8sObject[]): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  const mapData = (name: string) => configMaps.find((map) => map.metadata.name === name)?.data ?? {};
  for (const source of container?.envFrom ?? []) {
    if (source.configMapRef) {
      for (const [key, value] of Object.entries(mapData(source.configMapRef.name))) env.set(key, { from: "configMap", name: source.configMapRef.name, key, value: value as string });
    }
  }
  for (const variable of container?.env ?? []) {
    const fromMap = variable.valueFrom?.configMapKeyRef;
    const fromSecret = variable.valueFrom?.secretKeyRef;
    if (fromMap) env.set(variable.name, { from: "configMap", name: fromMap.name, key: fromMap.key, value: mapData(fromMap.name)[fromMap.key] });
    else if (fromSecret) env.set(variable.name, { from: "secret", name: fromSecret.name, key: fromSecret.key });
    else env.set(variable.name, { from: "literal", value: variable.value });
  }
  return env;
}

/** Every container of a workload's pods, init containers first. */
export const containersOf = (spec: any): any[] => [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];

/** The routes ("GET /health/live") a source file serves, read from its route table. */
export function servedRoutes(sourceFile: string): Set<string> {
  const text = readFileSync(join(REPO_DIR, sourceFile), "utf8");
  return new Set([...text.matchAll(/"(GET|POST) (\/[^"\s]*)"/g)].map((match) => `${match[1]} ${match[2]}`));
}

/** Docker instructions, continuation lines joined, comments dropped, grouped by stage. */
export function dockerStages(text: string): { from: string; instructions: string[] }[] {
  const lines = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const stages: { from: string; instructions: string[] }[] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push({ from: line.replace(/^FROM\s+/i, ""), instructions: [] });
    else stages.at(-1)?.instructions.push(line);
  }
  return stages;
}

/** True when `selector` (matchLabels and matchExpressions) selects `labels`. */
export function selects(selector: any, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const matchLabels = Object.entries((selector.matchLabels ?? {}) as Record<string, string>);
  const expressions = (selector.matchExpressions ?? []) as { key: string; operator: string; values?: string[] }[];
  return (
    matchLabels.every(([key, value]) => labels[key] === value) &&
    expressions.every(({ key, operator, values = [] }) => {
      const value = labels[key];
      if (operator === "In") return value !== undefined && values.includes(value);
      if (operator === "NotIn") return value === undefined || !values.includes(value);
      if (operator === "Exists") return value !== undefined;
      if (operator === "DoesNotExist") return value === undefined;
      return false;
    })
  );
}
