import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  url: string;
  add(upstream: string): void;
  /** Takes an upstream out of the rotation (a load balancer before it sends SIGTERM). */
  remove(upstream: string): void;
  close(): Promise<void>;
}

/**
 * A load balancer in miniature for the fault suite: each request goes to the next upstream, on a
 * connection of its own; a refused connection (nothing was sent) is tried on the next one, as a
 * load balancer does. Listens on 127.0.0.1 only.
 */
export async function roundRobinProxy(initial: string[]): Promise<RoundRobinProxy> {
  const upstreams = [...initial];
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (left: number) => {
        const upstream = upstreams[next++ % Math.max(1, upstreams.length)];
        if (!upstream) {
          res.writeHead(502).end();
          return;
        }
        const target = new URL(req.url ?? "/", upstream);
        const forward = request(target, { method: req.method, headers: { ...req.headers, host: target.host, connection: "close" }, agent: false }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forward.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && left > 0) return attempt(left - 1);
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        forward.end(body);
      };
      attempt(upstreams.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: (upstream) => void upstreams.push(upstream),
    remove: (upstream) => {
      const at = upstreams.indexOf(upstream);
      if (at >= 0) upstreams.splice(at, 1);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
