import type { Logger } from "@skyddsnat/platform";
import { remoteFacts } from "@skyddsnat/schema";
import { startAgencySubgraph } from "@skyddsnat/subgraph-kit";
import type { AuditTrail } from "../audit-trail.js";
import { buildAuditSchema } from "./schema.js";

/** An emergency disclosure lasts this long unless the on-call states otherwise (or the hub is configured otherwise). */
export const EMERGENCY_GRANT_MINUTES = 30;

export async function startAuditSubgraph(options: {
  trail: AuditTrail;
  gatewayJwks: { keys: object[] };
  logger: Logger;
  factsUrl: string;
  port?: number;
  grantMinutes?: number;
}) {
  return startAgencySubgraph(
    {
      name: "audit",
      agency: "audit",
      schema: await buildAuditSchema(),
      gatewayJwks: options.gatewayJwks,
      logger: options.logger,
      createLoaders: () => ({ trail: options.trail, grantMinutes: options.grantMinutes ?? EMERGENCY_GRANT_MINUTES }),
      facts: remoteFacts(options.factsUrl),
      ready: async () => {
        await options.trail.store.prisma.$queryRawUnsafe("SELECT 1");
      },
    },
    options.port ?? 0,
  );
}
