/**
 * The hub's own observability settings, read in this one place (OTEL_* are the OpenTelemetry
 * SDK's standard variables and are read by it: @skyddsnat/platform's telemetry.ts).
 *
 * - METRICS_PORT: the port of GET /metrics (Prometheus), apart from the GraphQL port; default
 *   9464; 0 picks a free one; `off` serves none.
 * - METRICS_HOST: the interface it listens on; default the process's own (127.0.0.1 for
 *   `npm start`, HOST or 0.0.0.0 in a container).
 */
export interface MetricsSettings {
  port: number;
  host: string;
}

export const DEFAULT_METRICS_PORT = 9464;

export class MetricsSettingError extends Error {
  constructor(readonly variable: string) {
    super(`${variable}: must be a port number (0-65535) or "off"`);
  }
}

export function metricsFromEnv(env: NodeJS.ProcessEnv, defaultHost: string): MetricsSettings | undefined {
  const value = env.METRICS_PORT?.trim();
  if (value === "off") return undefined;
  const port = value ? Number(value) : DEFAULT_METRICS_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MetricsSettingError("METRICS_PORT");
  return { port, host: env.METRICS_HOST?.trim() || defaultHost };
}
