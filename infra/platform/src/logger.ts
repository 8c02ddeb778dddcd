import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

/**
 * JSON lines for machines and log shippers; pretty output only for a person at a terminal
 * (a TTY outside CI). Log ids and field paths, never names, addresses or identity numbers: the
 * redaction below is a second line of defence, not the first.
 */
/**
 * How an error reaches the log: its type, codes and where it was thrown — never its message.
 * Messages of database errors quote the query's arguments (a Prisma validation error prints the
 * input it was given), and those can be an address or a name.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const withCodes = error as Error & { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  return {
    type: error.name,
    ...(withCodes.code !== undefined ? { code: withCodes.code } : {}),
    ...(withCodes.meta?.driverAdapterError?.cause?.originalCode !== undefined
      ? { sqlState: withCodes.meta.driverAdapterError.cause.originalCode }
      : {}),
    at: (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, 8),
  };
}

/**
 * `level`: the process's LOG_LEVEL as its configuration read it (tools and tests fall back to the
 * environment's); `write` takes the lines instead of stdout (a test reading what a hub logs).
 */
export function createLogger(name: string, bindings: object = {}, settings: { level?: string; write?(line: string): void } = {}): Logger {
  const options: pino.LoggerOptions = {
    name,
    level: settings.level || process.env.LOG_LEVEL || "info",
    base: { ...bindings },
    serializers: { err: safeError },
    redact: {
      paths: ["*.authorization", "req.headers.authorization", "*.token", "*.identityNumber", "*.streetAddress", "*.phone"],
      censor: "[redacted]",
    },
  };
  if (settings.write) return pino(options, { write: settings.write });
  const atTerminal = process.stdout.isTTY === true && !process.env.CI;
  // A stream rather than a transport: no worker thread to resolve or to lose lines on exit.
  return atTerminal ? pino(options, pretty({ colorize: true, ignore: "pid,hostname" })) : pino(options);
}
