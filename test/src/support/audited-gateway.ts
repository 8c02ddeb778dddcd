import { ensureDevKeys, type RunningAuditedGateway, startAuditedGateway } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { TEST_DATABASE_URL } from "./database-url.mjs";
import { subgraphUrls } from "./http.js";

type GatewayOptions = Parameters<typeof startAuditedGateway>[0];

/**
 * A gateway of the suite's own in front of the running hub's subgraphs, its audit trail on a
 * schema and witness of its own: what a suite uses when it attacks or re-times the trail without
 * touching the main hub's.
 */
export async function ownAuditedGateway(
  name: string,
  trail: { schema: string; witness: GatewayOptions["witness"] },
  extra: Partial<GatewayOptions> = {},
): Promise<RunningAuditedGateway> {
  const { gateway: internalKey, auditChainKey, issuers } = await ensureDevKeys();
  const { audit: _audit, ...agencies } = subgraphUrls();
  return startAuditedGateway({
    auditDatabase: { url: TEST_DATABASE_URL },
    auditSchema: trail.schema,
    witness: trail.witness,
    keys: { internalKey, publicJwks: internalKey.publicJwks, chainKey: auditChainKey },
    issuers,
    subgraphUrls: agencies as GatewayOptions["subgraphUrls"],
    logger: createLogger(name),
    port: 0,
    ...extra,
  });
}
