import { containerEnv, type K8sObject, type Manifest, ofKind, podTemplates, selects } from "./manifests.js";
import { ingressAllows, type Peer } from "./network.js";

/** Where Prometheus runs (the PodMonitor's NetworkPolicy names it by its namespace label). */
export const MONITORING: Peer = { namespace: { "kubernetes.io/metadata.name": "monitoring" } };

const where = (owner: K8sObject, container?: string) => `${owner.kind}/${owner.metadata.name}${container ? ` container ${container}` : ""}`;

/**
 * Prometheus scraping as the PodMonitor asks for it (k8s/components/monitoring): it selects every
 * serving Deployment's pods in their namespace; every container of those pods declares the port
 * each endpoint scrapes, at the port its process serves /metrics on (METRICS_PORT, else
 * `defaultPort`); and the NetworkPolicies let the monitoring namespace reach that port and no
 * other port of the pod.
 */
export function monitoringProblems(manifests: Manifest[], namespace: string, defaultPort: number): string[] {
  const monitors = ofKind(manifests, "PodMonitor");
  if (monitors.length === 0) return ["no PodMonitor"];
  const problems: string[] = [];
  const configMaps = ofKind(manifests, "ConfigMap");
  for (const monitor of monitors) {
    const at = where(monitor);
    if (!(monitor.spec?.namespaceSelector?.matchNames ?? []).includes(namespace)) problems.push(`${at}: does not look in the namespace ${namespace}`);
    const endpoints = (monitor.spec?.podMetricsEndpoints ?? []) as { port?: string; path?: string }[];
    if (endpoints.length === 0) problems.push(`${at}: scrapes no endpoint`);
    const scraped = podTemplates(manifests).filter(({ labels }) => selects(monitor.spec?.selector, labels));
    for (const deployment of ofKind(manifests, "Deployment")) {
      if (!scraped.some(({ owner }) => owner === deployment)) problems.push(`${at}: does not select ${where(deployment)}'s pods`);
    }
    for (const { owner, labels, spec } of scraped) {
      const containers = (spec.containers ?? []) as any[];
      const declared = containers.flatMap((container) => container.ports ?? []) as { name?: string; containerPort: number }[];
      const pod: Peer = { pod: { labels, ports: declared } };
      for (const endpoint of endpoints) {
        if (endpoint.path !== "/metrics") problems.push(`${at}: scrapes ${endpoint.path ?? "no path"}, not /metrics`);
        for (const container of containers) {
          const port = (container.ports ?? []).find((candidate: any) => candidate.name === endpoint.port);
          if (!port) {
            problems.push(`${where(owner, container.name)}: declares no port named ${endpoint.port}, which ${at} scrapes`);
            continue;
          }
          const setting = containerEnv(container, configMaps).get("METRICS_PORT");
          const serves = setting === undefined ? String(defaultPort) : setting.from === "secret" ? undefined : setting.value;
          if (serves !== String(port.containerPort)) problems.push(`${where(owner, container.name)}: declares ${endpoint.port} as ${port.containerPort} but serves /metrics on ${serves ?? "a secret's port"}`);
          if (!ingressAllows(manifests, MONITORING, pod, port.containerPort)) problems.push(`${where(owner)}: the monitoring namespace may not reach ${endpoint.port} (${port.containerPort})`);
        }
      }
      const scrapedPorts = new Set(declared.filter((port) => endpoints.some((endpoint) => endpoint.port === port.name)).map((port) => port.containerPort));
      for (const port of declared) {
        if (!scrapedPorts.has(port.containerPort) && ingressAllows(manifests, MONITORING, pod, port.containerPort)) {
          problems.push(`${where(owner)}: the monitoring namespace may reach ${port.name ?? "a port"} (${port.containerPort}), which is not scraped`);
        }
      }
    }
  }
  return problems;
}
