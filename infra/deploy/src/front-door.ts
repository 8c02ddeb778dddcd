import { readFileSync } from "node:fs";
import { join } from "node:path";
import { containerEnv, containersOf, type K8sObject, K8S_DIR, type Manifest, ofKind, podTemplates } from "./manifests.js";

/**
 * Checks of the gateway's front door as deployed: allow-listed trusted documents from a mounted
 * manifest, rate limits shared in Redis, and every limit and timeout written out in the ConfigMap.
 */

/** Settings the ConfigMap states explicitly (gateway/README.md), so operators see the values in force. */
export const FRONT_DOOR_SETTINGS = [
  "TRUSTED_DOCUMENTS",
  "LIMIT_DEPTH",
  "LIMIT_ALIASES",
  "LIMIT_DIRECTIVES",
  "LIMIT_TOKENS",
  "LIMIT_COST",
  "LIMIT_LIST_SIZE",
  "LIMIT_ROOT_FIELDS",
  "LIMIT_DOCUMENT_CHARS",
  "RATE_LIMIT_PER_MINUTE",
  "MAX_IN_FLIGHT",
  "SUBGRAPH_TIMEOUT_MS",
  "FACTS_TIMEOUT_MS",
  "BREAKER_FAILURES",
  "BREAKER_HALF_OPEN_MS",
  "REQUEST_TIMEOUT_MS",
  "SHUTDOWN_GRACE_MS",
] as const;

/**
 * The ConfigMaps kustomize generates (`configMapGenerator` with `files:`), as objects with their
 * data, so references to them can be checked like those to written ones. `key=path` entries name
 * their key; otherwise the key is the file's name.
 */
export function generatedConfigMaps(kustomization: K8sObject, dir: string = K8S_DIR): K8sObject[] {
  return ((kustomization.configMapGenerator ?? []) as { name: string; files?: string[] }[]).map((generator) => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: generator.name, namespace: kustomization.namespace },
    data: Object.fromEntries(
      (generator.files ?? []).map((entry) => {
        const [key, path] = entry.includes("=") ? (entry.split("=", 2) as [string, string]) : [entry.split("/").at(-1) as string, entry];
        return [key, readFileSync(join(dir, path), "utf8")];
      }),
    ),
  }));
}

/** The files a kustomization's generators read, relative to its directory. */
export const generatorFiles = (kustomization: K8sObject): string[] =>
  ((kustomization.configMapGenerator ?? []) as { files?: string[] }[]).flatMap((generator) =>
    (generator.files ?? []).map((entry) => (entry.includes("=") ? (entry.split("=", 2)[1] as string) : entry)),
  );

export const gatewayContainer = (manifests: Manifest[]) => {
  const deployment = ofKind(manifests, "Deployment").find((d) => d.metadata.name === "gateway");
  return { deployment, container: deployment?.spec?.template?.spec?.containers?.find((c: any) => c.name === "gateway") };
};

/**
 * A container's environment as the kubelet would set it from literals and ConfigMap keys; a
 * Secret's key becomes `<secret:name/key>` (its value is not in the repository).
 */
export function resolvedEnv(container: any, configMaps: K8sObject[]): Record<string, string | undefined> {
  return Object.fromEntries(
    [...containerEnv(container, configMaps)].map(([name, source]) => [name, source.from === "secret" ? `<secret:${source.name}/${source.key}>` : source.value]),
  );
}

/** The ConfigMap key mounted at `path` in the gateway's pod, if a ConfigMap volume puts one there. */
export function mountedConfigMapKey(pod: any, container: any, path: string): { name: string; key: string } | undefined {
  for (const mount of container?.volumeMounts ?? []) {
    const prefix = `${String(mount.mountPath).replace(/\/$/, "")}/`;
    if (!path.startsWith(prefix) || mount.subPath) continue;
    const volume = (pod?.volumes ?? []).find((v: any) => v.name === mount.name)?.configMap;
    if (!volume) continue;
    const rest = path.slice(prefix.length);
    const item = (volume.items as { key: string; path: string }[] | undefined)?.find((candidate) => candidate.path === rest);
    if (volume.items ? item : true) return { name: volume.name, key: item?.key ?? rest };
  }
  return undefined;
}

/**
 * The gateway runs allow-listed with the manifest a ConfigMap mounts (the file it names exists in
 * that ConfigMap and is the checked-in manifest), shares its rate limits through Redis named in
 * the ConfigMap without a password (or in a Secret), states every front-door setting in the
 * ConfigMap, and finishes requests in flight before the kubelet's SIGKILL.
 */
export function frontDoorProblems(manifests: Manifest[], generated: K8sObject[]): string[] {
  const { deployment, container } = gatewayContainer(manifests);
  if (!deployment || !container) return ["Deployment/gateway: no gateway container"];
  const at = "Deployment/gateway container gateway";
  const configMaps = [...ofKind(manifests, "ConfigMap"), ...generated];
  const env = resolvedEnv(container, configMaps);
  const sources = containerEnv(container, configMaps);
  const problems: string[] = [];
  if (env.TRUSTED_DOCUMENTS !== "allow-listed") problems.push(`${at}: TRUSTED_DOCUMENTS is ${JSON.stringify(env.TRUSTED_DOCUMENTS)}, not allow-listed`);
  const fileSource = sources.get("TRUSTED_DOCUMENTS_FILE");
  const file = fileSource?.from === "literal" ? fileSource.value : undefined;
  if (typeof file !== "string") problems.push(`${at}: TRUSTED_DOCUMENTS_FILE is not a path`);
  else {
    const mounted = mountedConfigMapKey(deployment.spec.template.spec, container, file);
    const map = generated.find((candidate) => candidate.metadata.name === mounted?.name);
    if (!mounted) problems.push(`${at}: TRUSTED_DOCUMENTS_FILE ${file} is not in a mounted ConfigMap`);
    else if (typeof map?.data?.[mounted.key] !== "string") problems.push(`${at}: TRUSTED_DOCUMENTS_FILE ${file} is not a manifest kustomize generates from a checked-in file`);
  }
  const redis = sources.get("RATE_LIMIT_REDIS_URL");
  if (redis?.from === "secret") {
    // A Redis with a password: the URL carries it, so it lives in a Secret (README.md).
  } else if (redis?.from !== "configMap") problems.push(`${at}: RATE_LIMIT_REDIS_URL is not read from the ConfigMap or a Secret`);
  else {
    let url: URL | undefined;
    try {
      url = new URL(env.RATE_LIMIT_REDIS_URL ?? "");
    } catch {}
    if (!url || !["redis:", "rediss:"].includes(url.protocol) || !url.port) problems.push(`${at}: RATE_LIMIT_REDIS_URL is not redis(s)://host:port`);
    else if (url.username || url.password) problems.push(`${at}: RATE_LIMIT_REDIS_URL carries credentials in a ConfigMap`);
  }
  for (const name of FRONT_DOOR_SETTINGS) {
    if (sources.get(name)?.from !== "configMap" || env[name] === undefined) problems.push(`${at}: ${name} is not stated in the ConfigMap`);
  }
  const grace = Number(env.SHUTDOWN_GRACE_MS);
  const terminationMs = 1000 * (deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30);
  if (!(grace < terminationMs)) problems.push(`${at}: SHUTDOWN_GRACE_MS ${env.SHUTDOWN_GRACE_MS} does not end before terminationGracePeriodSeconds`);
  return problems;
}

/** The namespace a Redis URL's Service lives in (redis://<service>.<namespace>.svc…), if it names one. */
export function redisNamespace(manifests: Manifest[]): string | undefined {
  const url = ofKind(manifests, "ConfigMap").find((m) => m.metadata.name === GATEWAY_CONFIG)?.data?.RATE_LIMIT_REDIS_URL;
  return typeof url === "string" ? /^rediss?:\/\/[a-z0-9-]+\.([a-z0-9-]+)\.svc\b/.exec(url)?.[1] : undefined;
}

/** The gateway's own ConfigMap (front door, subgraphs, witness), read whole by its container. */
export const GATEWAY_CONFIG = "skyddsnat-gateway";

/** Which process a container runs, as start-service decides it from the same variables. */
export function processOf(env: Record<string, string | undefined>): "gateway" | "agency" | "migrate" {
  if (env.MIGRATE === "only") return "migrate";
  return env.SKYDDSNAT_SERVICE === "gateway" ? "gateway" : "agency";
}

/**
 * Every variable a container is given (its env and every key of its envFrom ConfigMaps) is one
 * the process it runs reads (`readBy`, the hub's table of variables): a misspelt or misplaced one
 * would be silently ignored (an unread TRUSTED_DOCUMENT would leave the door open).
 */
export function unreadVariableProblems(manifests: Manifest[], configMaps: K8sObject[], readBy: (process: string) => Set<string>): string[] {
  return podTemplates(manifests).flatMap(({ owner, spec }) =>
    containersOf(spec).flatMap((container: any) => {
      const env = resolvedEnv(container, configMaps);
      const process = processOf(env);
      const read = readBy(process);
      return Object.keys(env)
        .filter((name) => !read.has(name))
        .map((name) => `${owner.kind}/${owner.metadata.name} container ${container.name}: sets ${name}, which the ${process} process does not read`);
    }),
  );
}
