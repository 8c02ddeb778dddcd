import { createLogger, type Logger } from "@skyddsnat/platform";

/** A logger whose JSON lines (at info and above) are kept here, for a suite's own hub. */
export function capturedLogger(name: string): { logger: Logger; lines(): Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(name, {}, { level: "info", write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines: () => [...lines] };
}
