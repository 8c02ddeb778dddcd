import { DEFAULT_FAULTS, type FaultSettings, faultsFromEnv } from "./faults/settings.js";
import { DEFAULT_TRAFFIC, type TrafficSettings, TrafficSettingError, trafficFromEnv } from "./traffic/settings.js";
import { DEFAULT_LIMITS, LimitSettingError, limitsFromEnv, type OperationLimits } from "./limits/index.js";
import { ManifestError, readManifest, type TrustedManifest } from "./trusted-documents/manifest.js";
import { TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode } from "./trusted-documents/trusted-documents.js";

/** What the gateway's front door is configured with (environment variables: gateway README). */
export interface FrontDoorSettings {
  limits: OperationLimits;
  trustedDocuments: { mode: "off" } | { mode: "allow-listed"; manifest: TrustedManifest };
  /** Browser origins allowed by CORS (scheme://host[:port]); none by default. */
  corsOrigins: string[];
  /** Node's requestTimeout: the whole request, headers and body, within this. */
  requestTimeoutMs?: number;
  /** On stop: how long requests in flight may take before their connections are cut. */
  shutdownGraceMs?: number;
  /** Per-caller rate limits and the cap on requests in flight. */
  traffic: TrafficSettings;
  /** Timeouts and breakers for the subgraphs and the facts route. */
  faults: FaultSettings;
}

export const OPEN_FRONT_DOOR: FrontDoorSettings = {
  limits: DEFAULT_LIMITS,
  trustedDocuments: { mode: "off" },
  corsOrigins: [],
  traffic: DEFAULT_TRAFFIC,
  faults: DEFAULT_FAULTS,
};

/** A setting that cannot be used: names the variable and the problem, never a secret. */
export class FrontDoorSettingError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/;

function corsOrigins(text: string | undefined): string[] {
  const origins = (text ?? "").split(",").map((origin) => origin.trim()).filter((origin) => origin !== "");
  const bad = origins.find((origin) => !ORIGIN.test(origin));
  if (bad !== undefined) throw new FrontDoorSettingError("CORS_ORIGINS", "must be a comma-separated list of origins (scheme://host[:port], no path, no wildcard)");
  return origins;
}

function milliseconds(env: Record<string, string | undefined>, variable: string): number | undefined {
  const text = env[variable]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < 100 || value > 600_000) throw new FrontDoorSettingError(variable, "must be a whole number of milliseconds from 100 to 600000");
  return value;
}

/**
 * The front door's settings from the environment: LIMIT_* (limits/settings.ts),
 * TRUSTED_DOCUMENTS (off | allow-listed) with TRUSTED_DOCUMENTS_FILE, CORS_ORIGINS,
 * REQUEST_TIMEOUT_MS, SHUTDOWN_GRACE_MS, the traffic settings (RATE_LIMIT_PER_MINUTE,
 * RATE_LIMIT_REDIS_URL, MAX_IN_FLIGHT) and the fault settings (SUBGRAPH_TIMEOUT_MS,
 * FACTS_TIMEOUT_MS, BREAKER_FAILURES, BREAKER_HALF_OPEN_MS). Unset, the door is the development default: open.
 */
export async function frontDoorFromEnv(env: Record<string, string | undefined>): Promise<FrontDoorSettings> {
  let limits: OperationLimits;
  try {
    limits = limitsFromEnv(env);
  } catch (error) {
    if (error instanceof LimitSettingError) throw new FrontDoorSettingError(error.variable, "must be a whole number from 1 to 1000000");
    throw error;
  }
  const mode = (env.TRUSTED_DOCUMENTS?.trim() || "off") as TrustedDocumentsMode;
  if (!TRUSTED_DOCUMENTS_MODES.includes(mode)) throw new FrontDoorSettingError("TRUSTED_DOCUMENTS", `must be one of ${TRUSTED_DOCUMENTS_MODES.join(", ")}`);
  let trustedDocuments: FrontDoorSettings["trustedDocuments"] = { mode: "off" };
  if (mode === "allow-listed") {
    const path = env.TRUSTED_DOCUMENTS_FILE?.trim();
    if (!path) throw new FrontDoorSettingError("TRUSTED_DOCUMENTS_FILE", "is required when TRUSTED_DOCUMENTS is allow-listed");
    try {
      trustedDocuments = { mode, manifest: await readManifest(path) };
    } catch (error) {
      if (error instanceof ManifestError) throw new FrontDoorSettingError("TRUSTED_DOCUMENTS_FILE", error.message);
      throw error;
    }
  }
  let traffic: TrafficSettings;
  let faults: FaultSettings;
  try {
    traffic = trafficFromEnv(env);
    faults = faultsFromEnv(env);
  } catch (error) {
    if (error instanceof TrafficSettingError) throw new FrontDoorSettingError(error.variable, error.problem);
    throw error;
  }
  const requestTimeoutMs = milliseconds(env, "REQUEST_TIMEOUT_MS");
  const shutdownGraceMs = milliseconds(env, "SHUTDOWN_GRACE_MS");
  return {
    limits,
    trustedDocuments,
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    traffic,
    faults,
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(shutdownGraceMs !== undefined ? { shutdownGraceMs } : {}),
  };
}
