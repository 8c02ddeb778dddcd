import { type K8sObject, type Manifest, ofKind, podTemplates, selects } from "./manifests.js";

/** Who a connection comes from or goes to: a pod of this namespace, another namespace, or an address. */
export type Peer =
  | { pod: { labels: Record<string, string>; ports: { name?: string; containerPort: number }[] } }
  | { namespace: Record<string, string> }
  | { address: string };

const podsOf = (manifests: Manifest[]) =>
  podTemplates(manifests).map(({ owner, labels, spec }) => ({
    name: owner.metadata.name as string,
    labels,
    ports: (spec.containers ?? []).flatMap((container: any) => container.ports ?? []),
  }));

/** A workload's pods as a peer, by the workload's name. */
export function workload(manifests: Manifest[], name: string): Peer {
  const pod = podsOf(manifests).find((candidate) => candidate.name === name);
  if (!pod) throw new Error(`no workload ${name}`);
  return { pod };
}

function peerMatches(rule: any, peer: Peer, namespaceLabels: Record<string, string>): boolean {
  if (rule.ipBlock) return "address" in peer && peer.address === rule.ipBlock.cidr;
  if ("address" in peer) return false;
  // A namespaceSelector names namespaces by label; without one, the peer is in this namespace.
  const labels = "pod" in peer ? namespaceLabels : peer.namespace;
  if (rule.namespaceSelector && !selects(rule.namespaceSelector, labels)) return false;
  if (!rule.namespaceSelector && !("pod" in peer)) return false;
  if (rule.podSelector) return "pod" in peer && selects(rule.podSelector, peer.pod.labels);
  return true;
}

/** Named ports resolve against the destination pod's container ports. */
function portMatches(rules: any[] | undefined, port: number, to: Peer): boolean {
  if (!rules || rules.length === 0) return true;
  return rules.some((rule) => {
    if ((rule.protocol ?? "TCP") !== "TCP") return false;
    if (typeof rule.port === "number") return rule.port === port;
    if (rule.port === undefined) return true;
    return "pod" in to && to.pod.ports.some((declared) => declared.name === rule.port && declared.containerPort === port);
  });
}

const labelsOf = (peer: Peer) => ("pod" in peer ? peer.pod.labels : undefined);

/** Allowed in one direction: some policy isolating `subject` that way lets `other` through on `port`. */
function allowed(policies: K8sObject[], direction: "Ingress" | "Egress", subject: Peer, other: Peer, port: number, to: Peer, ns: Record<string, string>) {
  const subjectLabels = labelsOf(subject);
  if (!subjectLabels) return true; // outside the namespace: not governed by these policies
  const isolating = policies.filter(
    (policy) => (policy.spec?.policyTypes ?? ["Ingress"]).includes(direction) && selects(policy.spec?.podSelector, subjectLabels),
  );
  if (isolating.length === 0) return true;
  const key = direction === "Ingress" ? "ingress" : "egress";
  const peers = direction === "Ingress" ? "from" : "to";
  return isolating.some((policy) =>
    ((policy.spec?.[key] ?? []) as any[]).some(
      (rule) => (!rule[peers] || (rule[peers] as any[]).some((peer) => peerMatches(peer, other, ns))) && portMatches(rule.ports, port, to),
    ),
  );
}

function namespaceLabels(manifests: Manifest[]): Record<string, string> {
  const namespace = ofKind(manifests, "Namespace")[0];
  return { ...(namespace?.metadata.labels ?? {}), "kubernetes.io/metadata.name": namespace?.metadata.name ?? "" };
}

/** Whether `from`'s own policies let it send to `to` on `port`. */
export function egressAllows(manifests: Manifest[], from: Peer, to: Peer, port: number): boolean {
  return allowed(ofKind(manifests, "NetworkPolicy"), "Egress", from, to, port, to, namespaceLabels(manifests));
}

/** Whether `to`'s own policies let it accept `from` on `port`. */
export function ingressAllows(manifests: Manifest[], from: Peer, to: Peer, port: number): boolean {
  return allowed(ofKind(manifests, "NetworkPolicy"), "Ingress", to, from, port, to, namespaceLabels(manifests));
}

/** Whether the NetworkPolicies let `from` open a TCP connection to `to` on `port`: both sides must allow it. */
export function mayConnect(manifests: Manifest[], from: Peer, to: Peer, port: number): boolean {
  return egressAllows(manifests, from, to, port) && ingressAllows(manifests, from, to, port);
}

/** A policy that selects every pod and allows nothing, both ways: what no other policy allows is refused. */
export function defaultDenyProblems(manifests: Manifest[]): string[] {
  const denyAll = ofKind(manifests, "NetworkPolicy").find(
    (policy) =>
      Object.keys(policy.spec?.podSelector ?? {}).length === 0 &&
      ["Ingress", "Egress"].every((type) => (policy.spec?.policyTypes ?? []).includes(type)) &&
      !policy.spec?.ingress &&
      !policy.spec?.egress,
  );
  return denyAll ? [] : ["no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)"];
}
