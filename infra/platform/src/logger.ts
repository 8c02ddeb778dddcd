import pino, { type Logger } from "pino";

export type { Logger };

/**
 * pino JSON everywhere; pretty only for a person at a terminal. Log ids and field paths only:
 * never names, addresses or identity numbers (redaction below is a second line, not the first).
 */
export function createLogger(name: string, bindings: Record<string, unknown> = {}): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI && process.env.LOG_FORMAT !== "json";
  const options: pino.LoggerOptions = {
    name,
    level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? "warn" : "info"),
    base: { ...bindings },
    redact: {
      paths: ["*.authorization", "req.headers.authorization", "*.token", "*.identityNumber", "*.streetAddress", "*.phone"],
      censor: "[redacted]",
    },
  };
  return pretty
    ? pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } })
    : pino(options);
}
