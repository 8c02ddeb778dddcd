import { openAuditStore, verifyStoredChain } from "@skyddsnat/gateway";
import { ensureDevKeys } from "../keys/dev-keys.js";

/**
 * `npm run -s audit:verify`: walks the audit chain and its signed checkpoints, and reports the
 * first record that was changed, removed, inserted or reordered. Exit 0 intact, 1 tampered,
 * 2 cannot verify. Reads AUDIT_DATABASE_URL or DATABASE_URL (the embedded demo keeps its trail
 * in memory unless PGLITE_DATA_DIR is set).
 */
const url = process.env.AUDIT_DATABASE_URL || process.env.DATABASE_URL;
const dataDir = process.env.PGLITE_DATA_DIR;
if (!url && !dataDir) {
  process.stderr.write("set AUDIT_DATABASE_URL or DATABASE_URL (or PGLITE_DATA_DIR) to the hub's audit store\n");
  process.exit(2);
}
const store = await openAuditStore({ ...(url ? { url } : { dataDir: `${dataDir}/audit` }) }, { schema: process.env.AUDIT_SCHEMA ?? "audit" });
try {
  const keys = await ensureDevKeys();
  const report = await verifyStoredChain(store.prisma, { chainKey: keys.auditChainKey, publicJwks: keys.gateway.publicJwks });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await store.close();
}
