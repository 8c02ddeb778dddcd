import { join } from "node:path";
import { stringify } from "yaml";
import { K8S_DIR, type K8sObject } from "./manifests.js";

/**
 * The four agencies' Deployments and Services, and the release's migration Job, from one
 * template each: what differs between agencies is this table, nothing else. Written to
 * k8s/base/agencies.yaml and k8s/base/migrate-job.yaml by `npm run manifests -w @skyddsnat/deploy`;
 * a test fails when the files drift from it.
 */
export const AGENCIES = [
  { name: "social-services", port: 4001, role: "skyddsnat_social_services", ownsFacts: true },
  { name: "housing", port: 4002, role: "skyddsnat_housing", ownsFacts: false },
  { name: "police-liaison", port: 4003, role: "skyddsnat_police_liaison", ownsFacts: false },
  { name: "child-services", port: 4004, role: "skyddsnat_child_services", ownsFacts: false },
] as const;
export type Agency = (typeof AGENCIES)[number];

export const AGENCIES_FILE = join(K8S_DIR, "agencies.yaml");
export const MIGRATE_JOB_FILE = join(K8S_DIR, "migrate-job.yaml");

const NAMESPACE = "skyddsnat";
const IMAGE = "skyddsnat:0.1.0";
const USER = 10001;
const TRUST_MOUNT = "/var/run/secrets/skyddsnat/trust";
/** Where every service serves GET /metrics (METRICS_PORT's default). */
export const METRICS_PORT = 9464;

const labels = (name: string, component: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/component": component, "app.kubernetes.io/part-of": NAMESPACE });
const selector = (name: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": NAMESPACE });
const secretEnv = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: "skyddsnat-database", key } } });

/** What every container of the hub runs as: the restricted profile and a read-only image. */
const containerSecurity = {
  runAsNonRoot: true,
  runAsUser: USER,
  runAsGroup: USER,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  privileged: false,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};
const podSecurity = { runAsNonRoot: true, runAsUser: USER, runAsGroup: USER, fsGroup: USER, seccompProfile: { type: "RuntimeDefault" } };
const tmpVolume = { name: "tmp", emptyDir: { sizeLimit: "64Mi" } };
const tmpMount = { name: "tmp", mountPath: "/tmp" };
const probe = (path: string, periodSeconds: number, extra: object) => ({ httpGet: { path, port: "http" }, periodSeconds, ...extra });

function agencyDeployment(agency: Agency): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: agency.name, namespace: NAMESPACE, labels: labels(agency.name, "subgraph") },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 3,
      selector: { matchLabels: selector(agency.name) },
      template: {
        metadata: { labels: labels(agency.name, "subgraph") },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: 30,
          securityContext: podSecurity,
          containers: [
            {
              name: agency.name,
              image: IMAGE,
              imagePullPolicy: "IfNotPresent",
              // GET /metrics on a port of its own (METRICS_PORT's default), scraped by ../components/monitoring.
              ports: [
                { name: "http", containerPort: agency.port, protocol: "TCP" },
                { name: "metrics", containerPort: METRICS_PORT, protocol: "TCP" },
              ],
              // Shared settings (log level, facts' reuse) and the agencies' own (MIGRATE=never, FACTS_URL).
              envFrom: [{ configMapRef: { name: "skyddsnat-shared" } }, { configMapRef: { name: "skyddsnat-agencies" } }],
              env: [
                { name: "SKYDDSNAT_SERVICE", value: agency.name },
                { name: "PORT", value: String(agency.port) },
                // The runtime login: a member of the agency's runtime role, which may only read and write rows.
                secretEnv("DATABASE_URL", `${agency.name}-url`),
                { name: "GATEWAY_JWKS_FILE", value: `${TRUST_MOUNT}/gateway.jwks.json` },
              ],
              securityContext: containerSecurity,
              resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
              startupProbe: probe("/health/live", 5, { failureThreshold: 12 }),
              livenessProbe: probe("/health/live", 10, { timeoutSeconds: 2, failureThreshold: 3 }),
              // Ready when its database answers (SELECT 1).
              readinessProbe: probe("/health/ready", 10, { timeoutSeconds: 3, failureThreshold: 3 }),
              volumeMounts: [tmpMount, { name: "trust", mountPath: TRUST_MOUNT, readOnly: true }],
            },
          ],
          volumes: [
            tmpVolume,
            { name: "trust", secret: { secretName: "skyddsnat-trust", defaultMode: 0o440, items: [{ key: "gateway.jwks.json", path: "gateway.jwks.json" }] } },
          ],
        },
      },
    },
  };
}

function agencyService(agency: Agency): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: agency.name, namespace: NAMESPACE, labels: labels(agency.name, "subgraph") },
    spec: { type: "ClusterIP", selector: selector(agency.name), ports: [{ name: "http", port: agency.port, targetPort: "http", protocol: "TCP" }] },
  };
}

/** One migration step of the Job: a service's container with MIGRATE=only under the schema owner's login. */
const migrationStep = (name: string, env: object[]) => ({
  name,
  image: IMAGE,
  imagePullPolicy: "IfNotPresent",
  envFrom: [{ configMapRef: { name: "skyddsnat-shared" } }],
  env: [{ name: "SKYDDSNAT_SERVICE", value: name }, { name: "MIGRATE", value: "only" }, ...env],
  securityContext: containerSecurity,
  resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
  volumeMounts: [tmpMount],
});

/**
 * The release's migrations, once: each agency's schema under its owner's login, which then grants
 * the agency's runtime role DML (init containers, one after another: Prisma's engine takes a
 * database-wide advisory lock), and last the audit schema under its owner, which locks it down
 * and checks the writer's login may only append. A new release is a new Job (the overlay names
 * it after the release): a Job's pod template cannot change.
 */
function migrateJob(): K8sObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "migrate", namespace: NAMESPACE, labels: labels("migrate", "migration") },
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 900,
      template: {
        metadata: { labels: labels("migrate", "migration") },
        spec: {
          restartPolicy: "Never",
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurity,
          initContainers: AGENCIES.map((agency) =>
            migrationStep(agency.name, [secretEnv("DATABASE_URL", `${agency.name}-owner-url`), { name: "RUNTIME_ROLE", value: agency.role }]),
          ),
          containers: [migrationStep("gateway", [secretEnv("AUDIT_OWNER_DATABASE_URL", "audit-owner-url"), secretEnv("AUDIT_WRITER_DATABASE_URL", "audit-writer-url")])],
          volumes: [tmpVolume],
        },
      },
    },
  };
}

const HEADER = (what: string) =>
  `# GENERATED by \`npm run manifests -w @skyddsnat/deploy\` from infra/deploy/src/agencies.ts (${what}).\n# Do not edit: change the template there; a test fails when this file drifts from it.\n`;

const documents = (objects: K8sObject[]) => objects.map((object) => stringify(object, { lineWidth: 0, aliasDuplicateObjects: false })).join("---\n");

/** The text of k8s/base/agencies.yaml: each agency's Deployment and Service. */
export const agenciesYaml = (): string =>
  HEADER("one Deployment and Service per agency; runtime logins, MIGRATE=never") + documents(AGENCIES.flatMap((agency) => [agencyDeployment(agency), agencyService(agency)]));

/** The text of k8s/base/migrate-job.yaml. */
export const migrateJobYaml = (): string => HEADER("the release's migration Job, under the schema owners' logins") + documents([migrateJob()]);

export const GENERATED: Record<string, () => string> = { [AGENCIES_FILE]: agenciesYaml, [MIGRATE_JOB_FILE]: migrateJobYaml };
