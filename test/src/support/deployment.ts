import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type DeploymentKeys, generateDeploymentKeys, writeDeploymentKeys } from "@skyddsnat/deploy";
import { ensureDevKeys, randomPorts, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import pg from "pg";
import { type ServiceProcess, startServiceProcess } from "./service-process.js";

/*
 * The hub as infra/deploy runs it, for the suites and benchmarks that start every service as a
 * process of its own (separate-processes, faults, bench:load): key files, a scratch database, the
 * agencies in the order they need each other, and the gateway's environment.
 */

export const AGENCY_SERVICES = ["social-services", "housing", "police-liaison", "child-services"] as const;
export type AgencyService = (typeof AGENCY_SERVICES)[number];
export type DeploymentFile = keyof DeploymentKeys | "issuers.json";

/** `base` (a postgres:// URL) with another database name. */
export function databaseUrlOf(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement against the database `url` names; its rows. */
export async function sqlOn<T = unknown>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * What a deployment mounts from its Secrets, written to `dir`: keys made by infra/deploy's
 * generator (a fresh gateway key, not the dev key) and the dev agency issuers, so the suites'
 * usual tokens work. Returns the path of each file.
 */
export async function writeDeploymentFiles(dir: string, kid: string): Promise<(name: DeploymentFile) => string> {
  await writeDeploymentKeys(dir, await generateDeploymentKeys(kid));
  const { issuers } = await ensureDevKeys();
  const trusted = issuers.map(({ issuer, agency, algorithms, jwks }) => ({ issuer, agency, algorithms, jwks }));
  await writeFile(join(dir, "issuers.json"), JSON.stringify(trusted), { mode: 0o600 });
  return (name) => join(dir, name);
}

/**
 * The agencies' schemas and the demo population in the database at `url`, written by an
 * in-process hub; its audit schema goes again, since a deployment's gateway holds a chain key of
 * its own. `reset` drops what a previous run left there first.
 */
export async function seedDeploymentDatabase(url: string, options: { reset?: boolean; scale?: number } = {}): Promise<void> {
  const logger = createLogger("seed");
  logger.level = "silent";
  const seeding = await startHub({ ports: randomPorts(), databases: { urlFor: () => url }, logger, seed: true, seedScale: options.scale ?? 1, reset: options.reset ?? false });
  await seeding.stop();
  await sqlOn(url, "DROP SCHEMA audit CASCADE");
}

/** Starts a service process and waits until it is ready; `started` sees it first (for cleanup, even if it never gets ready). */
export type StartService = (name: string, env: Record<string, string>, port?: number, entry?: { entry?: string; nodeArgs?: string[] }) => Promise<ServiceProcess>;

export function readyServiceStarter(started: (service: ServiceProcess) => void, how: { entry?: string; nodeArgs?: string[] } = {}): StartService {
  return async (name, env, port, entry) => {
    const service = await startServiceProcess(name, env, { ...how, ...entry, ...(port ? { port } : {}) });
    started(service);
    await service.ready();
    return service;
  };
}

/** Social services first (the others ask it for policy facts), then the other three side by side. */
export async function startAgencies(start: StartService, env: Record<string, string>): Promise<Record<AgencyService, ServiceProcess>> {
  const social = await start("social-services", env);
  const others = await Promise.all(
    (["housing", "police-liaison", "child-services"] as const).map(async (name) => [name, await start(name, { ...env, FACTS_URL: social.url })] as const),
  );
  return { "social-services": social, ...Object.fromEntries(others) } as Record<AgencyService, ServiceProcess>;
}

/** The gateway's environment in front of `agencies`: its keys, the issuers, the chain key and every agency's URL. */
export function gatewayEnvironment(file: (name: DeploymentFile) => string, agencies: Record<AgencyService, ServiceProcess>): Record<string, string> {
  return {
    GATEWAY_PRIVATE_JWK_FILE: file("gateway.private.jwk.json"),
    ISSUERS_FILE: file("issuers.json"),
    AUDIT_CHAIN_KEY_FILE: file("audit-chain.key"),
    SOCIAL_SERVICES_URL: agencies["social-services"].url,
    HOUSING_URL: agencies.housing.url,
    POLICE_LIAISON_URL: agencies["police-liaison"].url,
    CHILD_SERVICES_URL: agencies["child-services"].url,
  };
}
