import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

/** infra/deploy, from this file's location (src/ or dist/). */
export const DEPLOY_DIR = fileURLToPath(new URL("..", import.meta.url));
export const K8S_DIR = join(DEPLOY_DIR, "k8s");
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
