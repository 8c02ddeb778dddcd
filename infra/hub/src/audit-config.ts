import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FileWitness, JetStreamWitness, type Witness } from "@skyddsnat/gateway/audit-reading";

/** Where the audit chain's signed tree heads are witnessed, outside the audit database. */
export type WitnessConfig =
  | { kind: "file"; path: string }
  | { kind: "jetstream"; servers: string; stream: string }
  /** Tools and unit tests only: nothing anchors the chain outside its database. */
  | { kind: "none" };

/** <repo>/.data/audit-witness (git-ignored), from this file's location. */
const DEFAULT_WITNESS_DIR = fileURLToPath(new URL("../../../.data/audit-witness/", import.meta.url));

/** Where the audit store is: what names its default witness. */
export interface AuditLocation {
  url?: string | undefined;
  dataDir?: string | undefined;
  schema: string;
}

/**
 * AUDIT_WITNESS (read through the table of variables): `file:/path/heads.jsonl`, or
 * `nats://host:port/<stream>` for a JetStream stream, or `none`. Unset, a file of the store's
 * own (defaultWitnessPath): beside the embedded store's files, in the repository's .data/ for a
 * PostgreSQL store (named by server, database and schema), in the temporary directory for an
 * in-memory store.
 */
export function parseWitness(spec: string): WitnessConfig {
  if (spec === "none") return { kind: "none" };
  if (spec.startsWith("file:")) return { kind: "file", path: spec.slice("file:".length) };
  if (spec.startsWith("nats://")) {
    const url = new URL(spec);
    const stream = url.pathname.replace(/^\//, "");
    if (!stream) throw new Error("AUDIT_WITNESS: name the stream, nats://host:port/<stream>");
    return { kind: "jetstream", servers: url.host, stream };
  }
  throw new Error("AUDIT_WITNESS: file:<path>, nats://host:port/<stream> or none");
}

export function defaultWitnessPath(where: AuditLocation): string {
  if (where.url) {
    const url = new URL(where.url);
    const name = `${url.hostname}-${url.port || 5432}-${url.pathname.replace(/^\//, "") || "postgres"}-${where.schema}`.replace(/[^A-Za-z0-9._-]/g, "_");
    return join(DEFAULT_WITNESS_DIR, `${name}.jsonl`);
  }
  // Beside the embedded store's directory, not in it: the database's files are not the witness's.
  if (where.dataDir) return `${where.dataDir.replace(/\/+$/, "")}-${where.schema}-witness.jsonl`;
  return join(tmpdir(), `skyddsnat-audit-witness-${process.pid}-${Date.now()}.jsonl`);
}

/** The gateway creates what is missing (and starts a file over on a reset); the verifier only reads. */
export async function openWitness(config: WitnessConfig, options: { create: boolean; reset?: boolean }): Promise<Witness | null> {
  switch (config.kind) {
    case "none":
      return null;
    case "file":
      if (options.reset) await FileWitness.startOver(config.path);
      return new FileWitness(config.path);
    case "jetstream":
      return JetStreamWitness.open({ servers: config.servers, stream: config.stream, create: options.create });
  }
}

export function describeWitness(config: WitnessConfig): string {
  return config.kind === "file" ? `file ${config.path}` : config.kind === "jetstream" ? `JetStream ${config.servers}/${config.stream}` : "none";
}
