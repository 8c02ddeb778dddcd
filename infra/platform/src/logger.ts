import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

/**
 * JSON lines for machines and log shippers; pretty output only for a person at a terminal
 * (a TTY outside CI). Log ids and field paths, never names, addresses or identity numbers: the
 * redaction below is a second line of defence, not the first.
 */
export function createLogger(name: string, bindings: object = {}): Logger {
  const options: pino.LoggerOptions = {
    name,
    level: process.env.LOG_LEVEL || "info",
    base: { ...bindings },
    redact: {
      paths: ["*.authorization", "req.headers.authorization", "*.token", "*.identityNumber", "*.streetAddress", "*.phone"],
      censor: "[redacted]",
    },
  };
  const atTerminal = process.stdout.isTTY === true && !process.env.CI;
  // A stream rather than a transport: no worker thread to resolve or to lose lines on exit.
  return atTerminal ? pino(options, pretty({ colorize: true, ignore: "pid,hostname" })) : pino(options);
}
