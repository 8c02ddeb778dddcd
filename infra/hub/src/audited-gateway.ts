import {
  type AuditDatabase,
  type AuditMigrate,
  AuditTrail,
  type DoorRefusalOptions,
  type FrontDoorSettings,
  type GatewayOptions,
  type IssuerConfig,
  type WebAppOptions,
  openAuditStore,
  startAuditSubgraph,
  startGateway,
} from "@skyddsnat/gateway";
import type { Logger } from "@skyddsnat/platform";
import type { FactsCacheTimes, SubgraphName } from "@skyddsnat/schema";
import type { JWK } from "jose";
import { type AuditLocation, defaultWitnessPath, describeWitness, openWitness, type WitnessConfig } from "./audit-config.js";

export interface AuditedGatewayOptions {
  /** The audit schema's database: `url` is the owner's login, which migrates and locks the schema
   * down and is then closed; records are written through `writerUrl`, the writer's own login. */
  auditDatabase: AuditDatabase;
  /** `at-start` (default): migrate and lock the store down with the owner's `url` first; `never`:
   * the writer's login alone, refused while a migration is pending (MIGRATE=never). */
  auditMigrate?: AuditMigrate;
  /** The audit schema (default "audit"). */
  auditSchema?: string;
  /** Where signed tree heads are witnessed (AUDIT_WITNESS, read by the process's configuration); default a file of the store's own. */
  witness?: WitnessConfig;
  /** How refusals at the door are aggregated (default one record per source and reason a minute). */
  doorRefusals?: DoorRefusalOptions;
  /** How long a release waits for its audit record before withholding (default AUDIT_WAIT_MS). */
  releaseWaitMs?: number;
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
  /** How remote issuer key sets are cached (GatewayOptions.issuerKeys); default jose's. */
  issuerKeys?: GatewayOptions["issuerKeys"];
  /** The four agency subgraphs; the auditors' subgraph is started here, beside the gateway. */
  subgraphUrls: Record<Exclude<SubgraphName, "audit">, string>;
  logger: Logger;
  port: number;
  /** The auditors' subgraph's port; default a free one. */
  auditPort?: number;
  host?: string;
  /** How often a tree head is signed and witnessed when the chain grew (ms); default one second. */
  checkpointIntervalMs?: number;
  /** Tests only: the clock emergency disclosures are granted and expire by (default the system's). */
  emergencyClock?: () => Date;
  /** Benchmarks only: run without the gateway's response guard. */
  unsafeDisableGuard?: boolean;
  /** Benchmarks only: release without writing audit records. */
  unsafeSkipAudit?: boolean;
  /** Benchmarks only: caches shared across actors, as before they were closed. */
  unsafeSharedCaches?: boolean;
  /** Operation limits, trusted documents, CORS, timeouts (frontDoorFromEnv); default open. */
  frontDoor?: FrontDoorSettings;
  /** The users' web app and GraphiQL (web/dist) and how they sign in. */
  webApp?: WebAppOptions;
  /** How long the gateway may reuse policy facts; default the contract's. */
  factsCache?: Partial<FactsCacheTimes>;
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
  const schema = options.auditSchema ?? "audit";
  // Named by server, database and schema: the owner's URL or, without one, the writer's (the same place).
  const where: AuditLocation = { url: options.auditDatabase.url ?? options.auditDatabase.writerUrl, dataDir: options.auditDatabase.dataDir, schema };
  const witnessConfig: WitnessConfig = options.witness ?? { kind: "file", path: defaultWitnessPath(where) };
  const witness = await openWitness(witnessConfig, { create: true, reset: options.reset ?? false });
  const store = await openAuditStore(options.auditDatabase, { reset: options.reset ?? false, schema, migrate: options.auditMigrate ?? "at-start" }).catch(async (error: unknown) => {
    await witness?.close();
    throw error;
  });
  const trail = new AuditTrail(
    store,
    { checkpoint: keys.internalKey, publicJwks: keys.publicJwks, chainKey: keys.chainKey },
    {
      witness,
      ...(options.doorRefusals ? { doorRefusals: options.doorRefusals } : {}),
      ...(options.releaseWaitMs ? { releaseWaitMs: options.releaseWaitMs } : {}),
      ...(options.emergencyClock ? { clock: options.emergencyClock } : {}),
    },
  );
  // A gateway that records nothing (benchmarks' baseline) signs nothing either.
  if (!options.unsafeSkipAudit) trail.startCheckpoints(options.checkpointIntervalMs ?? 1000, logger);
  logger.info({ witness: describeWitness(witnessConfig) }, "audit tree heads are witnessed");
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
    ...(options.issuerKeys ? { issuerKeys: options.issuerKeys } : {}),
    internalKey: keys.internalKey,
    logger: logger.child({ component: "gateway" }),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    unsafeDisableGuard: options.unsafeDisableGuard ?? false,
    unsafeSkipAudit: options.unsafeSkipAudit ?? false,
    unsafeSharedCaches: options.unsafeSharedCaches ?? false,
    ...(options.frontDoor ? { frontDoor: options.frontDoor } : {}),
    ...(options.webApp ? { webApp: options.webApp } : {}),
    ...(options.factsCache ? { factsCache: options.factsCache } : {}),
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
