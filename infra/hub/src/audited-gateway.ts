import { AuditTrail, type IssuerConfig, openAuditStore, startAuditSubgraph, startGateway } from "@skyddsnat/gateway";
import type { Logger } from "@skyddsnat/platform";
import type { SubgraphName } from "@skyddsnat/schema";
import type { JWK } from "jose";

export interface AuditedGatewayOptions {
  /** The audit schema's database (the owner's credentials: it migrates, then writes as the writer role). */
  auditDatabase: Parameters<typeof openAuditStore>[0];
  /** Drop the audit schema first (tests and demo resets). */
  reset?: boolean;
  keys: {
    /** Signs internal tokens and audit checkpoints. */
    internalKey: { privateJwk: JWK; kid: string };
    /** Its public half: what the subgraphs and the checkpoint verifier trust. */
    publicJwks: { keys: JWK[] };
    /** Links the audit records (HMAC). */
    chainKey: Uint8Array;
  };
  issuers: IssuerConfig[];
  /** The four agency subgraphs; the auditors' subgraph is started here, beside the gateway. */
  subgraphUrls: Record<Exclude<SubgraphName, "audit">, string>;
  logger: Logger;
  port: number;
  /** The auditors' subgraph's port; default a free one. */
  auditPort?: number;
  host?: string;
  /** How often the audit chain head is signed (ms); default one minute. */
  checkpointIntervalMs?: number;
  /** Benchmarks only: run without the gateway's response guard. */
  unsafeDisableGuard?: boolean;
  /** Benchmarks only: release without writing audit records. */
  unsafeSkipAudit?: boolean;
  /** Benchmarks only: caches shared across actors, as before they were closed. */
  unsafeSharedCaches?: boolean;
}

export interface RunningAuditedGateway {
  url: string;
  auditUrl: string;
  audit: AuditTrail;
  /** Stops in order: no request can add a record after the closing checkpoint. */
  stop(): Promise<void>;
}

/**
 * The gateway with the audit trail it owns: the store, the periodic signed checkpoints and the
 * auditors' subgraph on loopback. One wiring for the whole hub in a process and for the gateway
 * alone in a container.
 */
export async function startAuditedGateway(options: AuditedGatewayOptions): Promise<RunningAuditedGateway> {
  const { keys, logger } = options;
  const store = await openAuditStore(options.auditDatabase, { reset: options.reset ?? false });
  const trail = new AuditTrail(store, { checkpoint: keys.internalKey, publicJwks: keys.publicJwks, chainKey: keys.chainKey });
  trail.startCheckpoints(options.checkpointIntervalMs ?? 60_000);
  const audit = await startAuditSubgraph({
    trail,
    gatewayJwks: keys.publicJwks,
    logger: logger.child({ subgraph: "audit" }),
    factsUrl: options.subgraphUrls["social-services"],
    port: options.auditPort ?? 0,
  });
  const gateway = await startGateway({
    audit: trail,
    subgraphUrls: { ...options.subgraphUrls, audit: audit.url },
    issuers: options.issuers,
    internalKey: keys.internalKey,
    logger: logger.child({ component: "gateway" }),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    unsafeDisableGuard: options.unsafeDisableGuard ?? false,
    unsafeSkipAudit: options.unsafeSkipAudit ?? false,
    unsafeSharedCaches: options.unsafeSharedCaches ?? false,
  });
  return {
    url: gateway.url,
    auditUrl: audit.url,
    audit: trail,
    async stop() {
      await gateway.stop();
      await audit.stop();
      await trail.stop();
      await store.close();
    },
  };
}
