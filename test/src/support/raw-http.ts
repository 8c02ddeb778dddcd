import { request as httpRequest } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * One HTTP request over node:http, for what fetch hides or refuses: the headers of a refusal
 * (Connection, WWW-Authenticate), a body sent in pieces or never finished, OPTIONS.
 * `body` chunks are written in order with `pauseMs` between them; `endBody: false` never ends it.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | string[]; pauseMs?: number; endBody?: boolean; agent?: import("node:http").Agent } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "POST", headers: options.headers ?? {}, ...(options.agent ? { agent: options.agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    const chunks = options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body];
    const write = async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (req.destroyed) return;
        if (i > 0 && options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
        req.write(chunk);
      }
      if (options.endBody !== false) req.end();
    };
    void write();
  });
}
