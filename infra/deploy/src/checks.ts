import { containerEnv, containersOf, type EnvSource, type K8sObject, type Manifest, ofKind, podTemplates, selects } from "./manifests.js";

/**
 * Checks over the manifests as written. Each returns the problems it found, one sentence each,
 * naming the object: an empty list is a pass.
 */

const where = (owner: K8sObject, container?: string) => `${owner.kind}/${owner.metadata.name}${container ? ` container ${container}` : ""}`;

/** The restricted Pod Security profile and more: no root, no writes to the image, no privileges. */
export function securityProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const { owner, spec } of podTemplates(manifests)) {
    const pod = spec.securityContext ?? {};
    if (pod.runAsNonRoot !== true) problems.push(`${where(owner)}: pod securityContext.runAsNonRoot is not true`);
    if (pod.seccompProfile?.type !== "RuntimeDefault") problems.push(`${where(owner)}: pod seccompProfile is not RuntimeDefault`);
    if (spec.automountServiceAccountToken !== false) problems.push(`${where(owner)}: the service account token is mounted`);
    if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push(`${where(owner)}: shares a host namespace`);
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const at = where(owner, container.name);
      const context = container.securityContext ?? {};
      const runAsUser = context.runAsUser ?? pod.runAsUser;
      if (context.runAsNonRoot === false || !(typeof runAsUser === "number" && runAsUser > 0)) problems.push(`${at}: does not run as a numeric non-root user`);
      if (context.readOnlyRootFilesystem !== true) problems.push(`${at}: root filesystem is writable`);
      if (context.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
      if (context.privileged === true) problems.push(`${at}: is privileged`);
      if (!(context.capabilities?.drop ?? []).includes("ALL")) problems.push(`${at}: does not drop ALL capabilities`);
      if ((context.capabilities?.add ?? []).length > 0) problems.push(`${at}: adds capabilities`);
      if (context.seccompProfile && context.seccompProfile.type !== "RuntimeDefault") problems.push(`${at}: seccompProfile is not RuntimeDefault`);
      for (const kind of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (container.resources?.[kind]?.[resource] === undefined) problems.push(`${at}: no ${resource} ${kind}`);
        }
      }
      const writable = (container.volumeMounts ?? []).find((mount: any) => mount.mountPath === "/tmp");
      const volume = (spec.volumes ?? []).find((v: any) => v.name === writable?.name);
      if (!volume?.emptyDir) problems.push(`${at}: no emptyDir at /tmp (the root filesystem is read-only)`);
    }
  }
  return problems;
}

/**
 * Liveness and readiness probes on every long-running container, each an HTTP GET at a route the
 * service serves (`served` by container name) on a port the container declares.
 */
export function probeProblems(manifests: Manifest[], served: (container: string) => Set<string>): string[] {
  const problems: string[] = [];
  for (const { owner, spec } of podTemplates(manifests)) {
    if (owner.kind === "Job") continue;
    for (const container of spec.containers ?? []) {
      const at = where(owner, container.name);
      const ports = (container.ports ?? []) as { name?: string; containerPort: number }[];
      for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        const check = container[probe];
        if (!check) {
          if (probe !== "startupProbe") problems.push(`${at}: no ${probe}`);
          continue;
        }
        const get = check.httpGet;
        if (!get) {
          problems.push(`${at}: ${probe} is not an HTTP GET`);
          continue;
        }
        if (!served(container.name).has(`GET ${get.path}`)) problems.push(`${at}: ${probe} path ${get.path} is not served`);
        if (!ports.some((port) => port.name === get.port || port.containerPort === get.port)) {
          problems.push(`${at}: ${probe} port ${get.port} is not a declared container port`);
        }
      }
      const port = (container.env ?? []).find((variable: any) => variable.name === "PORT")?.value;
      if (port !== undefined && !ports.some((declared) => String(declared.containerPort) === port)) {
        problems.push(`${at}: listens on PORT ${port}, which is not a declared container port`);
      }
    }
  }
  return problems;
}

/** Secrets carry no values in the repository; key material is created in the cluster. */
export function secretProblems(manifests: Manifest[]): string[] {
  return ofKind(manifests, "Secret")
    .filter((secret) => Object.keys(secret.data ?? {}).length > 0 || Object.keys(secret.stringData ?? {}).length > 0)
    .map((secret) => `Secret/${secret.metadata.name} carries data`);
}

/** The keys an expected Secret is documented to hold (annotation skyddsnat.example/expected-keys). */
export function documentedKeys(secret: K8sObject): string[] {
  return (secret.metadata.annotations?.["skyddsnat.example/expected-keys"] ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
}

/**
 * Every ConfigMap and Secret a pod reads (env, envFrom, volumes), by name and key, exists: a
 * ConfigMap in the manifests, a Secret in `expectedSecrets` with the key documented.
 */
export function referenceProblems(manifests: Manifest[], expectedSecrets: K8sObject[]): string[] {
  const configMaps = new Map(ofKind(manifests, "ConfigMap").map((map) => [map.metadata.name, Object.keys(map.data ?? {})]));
  const secrets = new Map(
    [...ofKind(manifests, "Secret"), ...expectedSecrets].map((secret) => [secret.metadata.name, documentedKeys(secret)]),
  );
  const problems: string[] = [];
  const check = (at: string, kind: "ConfigMap" | "Secret", name: string, key?: string) => {
    const keys = (kind === "ConfigMap" ? configMaps : secrets).get(name);
    if (!keys) problems.push(`${at}: ${kind} ${name} is not defined`);
    else if (key !== undefined && !keys.includes(key)) problems.push(`${at}: ${kind} ${name} has no key ${key}`);
  };
  for (const { owner, spec } of podTemplates(manifests)) {
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const at = where(owner, container.name);
      for (const variable of container.env ?? []) {
        const configMapKey = variable.valueFrom?.configMapKeyRef;
        const secretKey = variable.valueFrom?.secretKeyRef;
        if (configMapKey) check(`${at} env ${variable.name}`, "ConfigMap", configMapKey.name, configMapKey.key);
        if (secretKey) check(`${at} env ${variable.name}`, "Secret", secretKey.name, secretKey.key);
      }
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) check(`${at} envFrom`, "ConfigMap", source.configMapRef.name);
        if (source.secretRef) check(`${at} envFrom`, "Secret", source.secretRef.name);
      }
    }
    for (const volume of spec.volumes ?? []) {
      const at = `${where(owner)} volume ${volume.name}`;
      if (volume.secret) {
        check(at, "Secret", volume.secret.secretName);
        for (const item of volume.secret.items ?? []) check(at, "Secret", volume.secret.secretName, item.key);
      }
      if (volume.configMap) {
        check(at, "ConfigMap", volume.configMap.name);
        for (const item of volume.configMap.items ?? []) check(at, "ConfigMap", volume.configMap.name, item.key);
      }
    }
  }
  return problems;
}

/** Each Service selects the pods of exactly one Deployment and targets a port they declare. */
export function serviceProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const pods = podTemplates(manifests);
  for (const service of ofKind(manifests, "Service")) {
    const at = `Service/${service.metadata.name}`;
    const selector = service.spec?.selector ?? {};
    const matching = Object.keys(selector).length === 0 ? [] : pods.filter((pod) => selects({ matchLabels: selector }, pod.labels));
    if (matching.length !== 1) {
      problems.push(`${at}: selects ${matching.length} workloads, not one`);
      continue;
    }
    const ports = (matching[0]?.spec.containers ?? []).flatMap((container: any) => container.ports ?? []);
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      if (!ports.some((declared: any) => declared.name === target || declared.containerPort === target)) {
        problems.push(`${at}: port ${port.port} targets ${target}, which no container declares`);
      }
    }
  }
  for (const { owner } of pods) {
    if (owner.kind !== "Deployment") continue;
    if (!selects(owner.spec?.selector, owner.spec?.template?.metadata?.labels ?? {})) {
      problems.push(`${where(owner)}: its selector does not select its own pod template`);
    }
  }
  return problems;
}

/** Objects agree on the namespace, and an autoscaled Deployment leaves its replica count alone. */
export function consistencyProblems(manifests: Manifest[], namespace: string): string[] {
  const problems: string[] = [];
  for (const { object } of manifests) {
    if (["Namespace", "Kustomization"].includes(object.kind)) continue;
    if (object.metadata.namespace !== namespace) problems.push(`${object.kind}/${object.metadata.name}: not in namespace ${namespace}`);
  }
  for (const autoscaler of ofKind(manifests, "HorizontalPodAutoscaler")) {
    const target = autoscaler.spec?.scaleTargetRef ?? {};
    const deployment = ofKind(manifests, target.kind ?? "").find((object) => object.metadata.name === target.name);
    if (!deployment) problems.push(`HorizontalPodAutoscaler/${autoscaler.metadata.name}: scales ${target.kind}/${target.name}, which is not defined`);
    else if (deployment.spec?.replicas !== undefined) {
      problems.push(`${where(deployment)}: sets replicas, which every apply would reset under the autoscaler`);
    }
  }
  return problems;
}

/** The kustomization lists every manifest file (and only existing ones), the Secrets example none. */
export function kustomizationProblems(kustomization: K8sObject, files: string[]): string[] {
  const listed = (kustomization.resources ?? []) as string[];
  const manifestFiles = files.filter((file) => file !== "kustomization.yaml");
  return [
    ...manifestFiles.filter((file) => !listed.includes(file)).map((file) => `kustomization.yaml does not list ${file}`),
    ...listed.filter((file) => !manifestFiles.includes(file)).map((file) => `kustomization.yaml lists ${file}, which is not in k8s/base/`),
  ];
}

/** The audit store's logins, by Secret key: the owner's (the migration Job only) and the writer's. */
export const AUDIT_OWNER_KEY = "audit-owner-url";
export const AUDIT_WRITER_KEY = "audit-writer-url";

/**
 * The gateway's audit wiring: the writer's database URL from its Secret key (never a literal),
 * and no other database login — neither the audit owner's (by variable or by key: the Job alone
 * migrates, infra/hub/src/cli/start-service.ts refuses it with MIGRATE=never), nor DATABASE_URL,
 * nor the verifier's reader URL — and AUDIT_WITNESS from the ConfigMap as a JetStream stream
 * (nats://host:4222/<stream>): a file witness would sit on the pod's emptyDir and vanish with it.
 */
export function auditWiringProblems(manifests: Manifest[]): string[] {
  const gateway = ofKind(manifests, "Deployment").find((deployment) => deployment.metadata.name === "gateway");
  const container = gateway?.spec?.template?.spec?.containers?.find((c: any) => c.name === "gateway");
  if (!container) return ["Deployment/gateway: no gateway container"];
  const at = where(gateway as K8sObject, "gateway");
  const env = containerEnv(container, ofKind(manifests, "ConfigMap"));
  const problems: string[] = [];
  const writer = env.get("AUDIT_WRITER_DATABASE_URL");
  if (writer?.from !== "secret") problems.push(`${at}: AUDIT_WRITER_DATABASE_URL is not read from a Secret`);
  else if (writer.key !== AUDIT_WRITER_KEY) problems.push(`${at}: AUDIT_WRITER_DATABASE_URL reads ${writer.name}/${writer.key}, not the key ${AUDIT_WRITER_KEY}`);
  if (env.has("AUDIT_OWNER_DATABASE_URL")) problems.push(`${at}: holds the audit owner's login (AUDIT_OWNER_DATABASE_URL): only the migration Job may`);
  for (const [name, source] of env) {
    if (source.from === "secret" && source.key === AUDIT_OWNER_KEY) problems.push(`${at}: ${name} reads the audit owner's login (${AUDIT_OWNER_KEY})`);
  }
  if (env.has("DATABASE_URL")) problems.push(`${at}: sets DATABASE_URL beside the audit writer's URL`);
  if (env.has("AUDIT_READER_DATABASE_URL")) problems.push(`${at}: holds the verifier's reader URL`);
  const witnessSource = env.get("AUDIT_WITNESS");
  const witness = witnessSource?.from === "configMap" ? witnessSource.value : undefined;
  if (typeof witness !== "string") problems.push(`${at}: AUDIT_WITNESS is not read from the ConfigMap`);
  else if (!/^nats:\/\/[a-z0-9.-]+:4222\/[A-Za-z0-9_-]+$/.test(witness)) problems.push(`${at}: AUDIT_WITNESS ${witness} is not a JetStream stream nats://host:4222/<stream>`);
  return problems;
}

/** The namespace a witness URL's Service lives in (nats://<service>.<namespace>.svc…), if it names one. */
export function witnessNamespace(manifests: Manifest[]): string | undefined {
  const map = ofKind(manifests, "ConfigMap").find((m) => m.metadata.name === "skyddsnat-gateway");
  const witness = map?.data?.AUDIT_WITNESS;
  return typeof witness === "string" ? /^nats:\/\/[a-z0-9-]+\.([a-z0-9-]+)\.svc\b/.exec(witness)?.[1] : undefined;
}

/** The agencies' runtime login (`<agency>-url`) and schema owner's (`<agency>-owner-url`). */
const runtimeKey = (agency: string) => `${agency}-url`;
const ownerKey = (agency: string) => `${agency}-owner-url`;

/**
 * Migrations run once per release, by the Job, under the schema owners' logins; the agencies'
 * Deployments serve under runtime logins and never migrate. The Job: each agency's step runs
 * MIGRATE=only with its owner's URL and grants its runtime role; the audit step runs as the audit
 * owner with the writer's login (the append-only check); it never restarts a failed step in place.
 * No Deployment holds a schema owner's URL (an agency's or the audit's), and every one (the
 * gateway too) serves with MIGRATE=never.
 */
export function migrationProblems(manifests: Manifest[], agencies: readonly { name: string; role: string }[]): string[] {
  const problems: string[] = [];
  const configMaps = ofKind(manifests, "ConfigMap");
  const jobs = ofKind(manifests, "Job");
  if (jobs.length !== 1) return [`${jobs.length} migration Jobs, not one`];
  const job = jobs[0] as K8sObject;
  const pod = job.spec?.template?.spec ?? {};
  if (pod.restartPolicy !== "Never") problems.push(`${where(job)}: restartPolicy is not Never`);
  const steps = new Map<string, Map<string, EnvSource>>(
    containersOf(pod).map((container: any) => [container.name, containerEnv(container, configMaps)]),
  );
  const stepOrder = containersOf(pod).map((container: any) => container.name);
  if (stepOrder.at(-1) !== "gateway" || (pod.containers ?? []).length !== 1) problems.push(`${where(job)}: the audit step is not its one (last) container`);
  for (const agency of agencies) {
    const env = steps.get(agency.name);
    const at = where(job, agency.name);
    if (!env) {
      problems.push(`${where(job)}: no migration step for ${agency.name}`);
      continue;
    }
    const database = env.get("DATABASE_URL");
    const value = (name: string) => {
      const source = env.get(name);
      return source && source.from !== "secret" ? source.value : undefined;
    };
    if (value("MIGRATE") !== "only") problems.push(`${at}: MIGRATE is not only`);
    if (value("SKYDDSNAT_SERVICE") !== agency.name) problems.push(`${at}: SKYDDSNAT_SERVICE is not ${agency.name}`);
    if (database?.from !== "secret" || database.key !== ownerKey(agency.name)) problems.push(`${at}: DATABASE_URL is not the schema owner's (${ownerKey(agency.name)})`);
    if (value("RUNTIME_ROLE") !== agency.role) problems.push(`${at}: RUNTIME_ROLE is not ${agency.role}`);
  }
  const audit = steps.get("gateway");
  const auditMigrate = audit?.get("MIGRATE");
  if (auditMigrate?.from === "secret" || auditMigrate?.value !== "only") problems.push(`${where(job, "gateway")}: MIGRATE is not only`);
  const owner = audit?.get("AUDIT_OWNER_DATABASE_URL");
  if (!audit || owner?.from !== "secret" || owner.key !== AUDIT_OWNER_KEY) problems.push(`${where(job, "gateway")}: does not migrate the audit schema as its owner`);
  const writer = audit?.get("AUDIT_WRITER_DATABASE_URL");
  if (writer?.from !== "secret" || writer.key !== AUDIT_WRITER_KEY) problems.push(`${where(job, "gateway")}: does not check the audit writer's own login`);
  for (const deployment of ofKind(manifests, "Deployment")) {
    for (const container of containersOf(deployment.spec?.template?.spec)) {
      const env = containerEnv(container, configMaps);
      const at = where(deployment, container.name);
      for (const source of env.values()) {
        if (source.from === "secret" && (source.key === AUDIT_OWNER_KEY || agencies.some((agency) => source.key === ownerKey(agency.name)))) {
          problems.push(`${at}: holds a schema owner's login (${source.key})`);
        }
      }
      const migrate = env.get("MIGRATE");
      if (migrate?.from === "secret" || migrate?.value !== "never") problems.push(`${at}: MIGRATE is not never (runtime logins may not migrate)`);
      const agency = agencies.find((candidate) => candidate.name === deployment.metadata.name);
      if (!agency) continue;
      const database = env.get("DATABASE_URL");
      if (database?.from !== "secret" || database.key !== runtimeKey(agency.name)) problems.push(`${at}: DATABASE_URL is not its runtime login (${runtimeKey(agency.name)})`);
    }
  }
  return problems;
}
