import { startChildServices } from "@skyddsnat/child-services";
import type { AuditTrail, DoorRefusalOptions, FrontDoorSettings, GatewayOptions, IssuerConfig, WebAppOptions } from "@skyddsnat/gateway";
import { startHousing } from "@skyddsnat/housing";
import { type IdentityProvidersOptions, type RunningIdentityProviders, startIdentityProviders, WEB_CLIENT_ID } from "@skyddsnat/idp";
import { type EmbeddedPostgres, type Logger, openEmbeddedPostgres } from "@skyddsnat/platform";
import { startPoliceLiaison } from "@skyddsnat/police-liaison";
import type { Agency, FactsCacheTimes, SubgraphName } from "@skyddsnat/schema";
import { startSocialServices } from "@skyddsnat/social-services";
import { type HubDatabases, type HubPorts, usesEmbedded } from "./config.js";
import type { WitnessConfig } from "./audit-config.js";
import { startAuditedGateway } from "./audited-gateway.js";
import { ensureDevKeys } from "./keys/dev-keys.js";
import { buildPopulation, type SeedCounts, writePopulation } from "./seed/index.js";
import { STAFF } from "./seed/staff.js";
import { WEB_DIST_DIR } from "./web-app.js";

export interface HubOptions {
  ports: HubPorts;
  databases: HubDatabases;
  logger: Logger;
  /** Drop each subgraph's schema first (tests and demo resets). */
  reset?: boolean;
  /** Seed the demo population when the social-services database is empty. */
  seed?: boolean;
  /** The seeded population's size, as a multiple of the demo's (SEED_SCALE; default 1). */
  seedScale?: number;
  /** Test-only: subgraphs whose own enforcement is switched off. */
  unsafeSkipSubgraphPolicy?: SubgraphName[];
  /** Benchmarks only: run without the gateway's response guard. */
  unsafeDisableGuard?: boolean;
  /** Benchmarks only: release without writing audit records. */
  unsafeSkipAudit?: boolean;
  /** Benchmarks only: caches shared across actors, as before they were closed (bench/cache-oracle). */
  unsafeSharedCaches?: boolean;
  keysDir?: string;
  /** How often a tree head is signed and witnessed when the chain grew (ms); default one second. */
  checkpointIntervalMs?: number;
  /** Where tree heads are witnessed (AUDIT_WITNESS in npm start); default a file of the store's own. */
  witness?: WitnessConfig;
  /** The audit schema (default "audit"). */
  auditSchema?: string;
  doorRefusals?: DoorRefusalOptions;
  /** The gateway's operation limits, trusted documents, CORS and timeouts; default open. */
  frontDoor?: FrontDoorSettings;
  /**
   * Serve the users' web app at /app/ and GraphiQL at / from its built files (default
   * WEB_DIST_DIR); it signs in through the development providers when they run. Default none.
   */
  webApp?: { distDir?: string };
  /**
   * Start the development OpenID providers (infra/idp), one issuer per agency, and trust them
   * through discovery beside the token CLI's issuers. Off by default; `npm start` turns it on.
   * An object passes options on (tests: signing keys, token lifetime); the port is ports.identityProviders.
   */
  identityProviders?: boolean | Omit<IdentityProvidersOptions, "staff" | "port">;
  /** How the gateway caches remote issuer key sets (GatewayOptions.issuerKeys); default jose's. */
  issuerKeys?: GatewayOptions["issuerKeys"];
  /** How long the gateway and the subgraphs may reuse policy facts; default the contract's. */
  factsCache?: Partial<FactsCacheTimes>;
}

/** What the web app needs to sign in: its client id and each agency's issuer. */
export interface WebSignIn {
  clientId: string;
  issuers: { agency: Agency; issuer: string }[];
}

export interface RunningHub {
  url: string;
  subgraphUrls: Record<SubgraphName, string>;
  seeded: SeedCounts | null;
  audit: AuditTrail;
  /** The development identity providers, when started (HubOptions.identityProviders). */
  identityProviders?: RunningIdentityProviders;
  /** For the web app's configuration, when the identity providers run. */
  webSignIn?: WebSignIn;
  stop(): Promise<void>;
}

/** The gateway trusts each development provider through discovery, read with its claim layout. */
function discoveryIssuers(providers: RunningIdentityProviders): IssuerConfig[] {
  return providers.issuers.map(({ agency, issuer, claims }) => ({ issuer, agency, algorithms: ["ES256"], jwks: { discovery: true }, claims }));
}

/** The web app's files and sign-in: each development provider's issuer, or none (GraphiQL still works with a pasted token). */
function webAppOf(options: { distDir?: string }, providers: RunningIdentityProviders | undefined): WebAppOptions {
  return {
    distDir: options.distDir ?? WEB_DIST_DIR,
    signIn: {
      clientId: providers?.clientId ?? WEB_CLIENT_ID,
      issuers: providers?.issuers.map(({ agency, issuer }) => ({ agency, issuer })) ?? [],
    },
  };
}


/** Starts the four subgraphs, seeds if asked, then the gateway in front of them. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const keys = await ensureDevKeys(options.keysDir);
  const { ports, databases, logger } = options;
  // The stores without a server share one embedded PostgreSQL, each in its schema, as they share
  // a server: one PGlite (~300 MB resident) instead of five. The audit store's writer role holds
  // for its own statements only (platform's pglite-database.ts).
  const embedded: EmbeddedPostgres | undefined = usesEmbedded(databases)
    ? await openEmbeddedPostgres(databases.dataDir ? `${databases.dataDir}/embedded` : undefined)
    : undefined;
  const common = (name: SubgraphName) => ({
    database: databases.urlFor(name) ? { url: databases.urlFor(name) } : { embedded },
    gatewayJwks: keys.gateway.publicJwks,
    logger: logger.child({ subgraph: name }),
    port: ports.subgraphs[name],
    reset: options.reset ?? false,
    enforce: !options.unsafeSkipSubgraphPolicy?.includes(name),
    ...(options.factsCache ? { factsCache: options.factsCache } : {}),
  });

  const socialServices = await startSocialServices(common("social-services"));
  const factsUrl = socialServices.url;
  // One at a time: Prisma's migration engine takes a database-wide advisory lock.
  const housing = await startHousing({ ...common("housing"), factsUrl });
  const policeLiaison = await startPoliceLiaison({ ...common("police-liaison"), factsUrl });
  const childServices = await startChildServices({ ...common("child-services"), factsUrl });
  const subgraphs = [socialServices, housing, policeLiaison, childServices];

  let seeded: SeedCounts | null = null;
  if (options.seed && (await socialServices.prisma.person.count()) === 0) {
    seeded = await writePopulation(
      {
        socialServices: socialServices.prisma,
        housing: housing.prisma,
        policeLiaison: policeLiaison.prisma,
        childServices: childServices.prisma,
      },
      buildPopulation(undefined, { scale: options.seedScale ?? 1 }),
    );
    logger.info({ seeded }, "demo population seeded");
  }

  // The providers listen first, so their issuers are known to the gateway; the web app's redirect
  // URI names the gateway's origin, registered once the gateway listens.
  const identityProviders = options.identityProviders
    ? await startIdentityProviders({
        ...(typeof options.identityProviders === "object" ? options.identityProviders : {}),
        staff: STAFF,
        port: ports.identityProviders ?? 0,
      })
    : undefined;

  const agencyUrls = {
    "social-services": socialServices.url,
    housing: housing.url,
    "police-liaison": policeLiaison.url,
    "child-services": childServices.url,
  };
  const gateway = await startAuditedGateway({
    auditDatabase: {
      ...(databases.urlFor("audit") ? { url: databases.urlFor("audit") } : { embedded }),
      // Beside the embedded store: where its witness file goes by default.
      ...(databases.dataDir ? { dataDir: `${databases.dataDir}/audit` } : {}),
      ...(databases.auditWriterUrl ? { writerUrl: databases.auditWriterUrl } : {}),
    },
    ...(options.witness ? { witness: options.witness } : {}),
    ...(options.auditSchema ? { auditSchema: options.auditSchema } : {}),
    ...(options.doorRefusals ? { doorRefusals: options.doorRefusals } : {}),
    reset: options.reset ?? false,
    keys: { internalKey: keys.gateway, publicJwks: keys.gateway.publicJwks, chainKey: keys.auditChainKey },
    issuers: [...keys.issuers, ...(identityProviders ? discoveryIssuers(identityProviders) : [])],
    ...(options.issuerKeys ? { issuerKeys: options.issuerKeys } : {}),
    subgraphUrls: agencyUrls,
    logger,
    port: ports.gateway,
    auditPort: ports.subgraphs.audit,
    ...(options.checkpointIntervalMs ? { checkpointIntervalMs: options.checkpointIntervalMs } : {}),
    unsafeDisableGuard: options.unsafeDisableGuard ?? false,
    unsafeSkipAudit: options.unsafeSkipAudit ?? false,
    unsafeSharedCaches: options.unsafeSharedCaches ?? false,
    ...(options.frontDoor ? { frontDoor: options.frontDoor } : {}),
    ...(options.webApp ? { webApp: webAppOf(options.webApp, identityProviders) } : {}),
    ...(options.factsCache ? { factsCache: options.factsCache } : {}),
  });

  const gatewayOrigin = new URL(gateway.url);
  identityProviders?.allowWebOrigin(gatewayOrigin.origin);
  // A browser may name the loopback gateway either way.
  if (gatewayOrigin.hostname === "127.0.0.1") identityProviders?.allowWebOrigin(`http://localhost:${gatewayOrigin.port}`);

  return {
    url: gateway.url,
    subgraphUrls: { ...agencyUrls, audit: gateway.auditUrl },
    seeded,
    audit: gateway.audit,
    ...(identityProviders
      ? {
          identityProviders,
          webSignIn: { clientId: identityProviders.clientId, issuers: identityProviders.issuers.map(({ agency, issuer }) => ({ agency, issuer })) },
        }
      : {}),
    async stop() {
      await gateway.stop();
      await identityProviders?.stop();
      await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
      // Last: the gateway's audit store and every agency have let go of it.
      await embedded?.close();
    },
  };
}
