import { openAuditReader, verifyStoredChain, type Witness } from "@skyddsnat/gateway/audit-reading";
import { defaultWitnessPath, describeWitness, openWitness, type WitnessConfig } from "../audit-config.js";
import { ConfigurationError, readEnvironment, type Settings } from "../environment/read-environment.js";
import { ensureDevKeys } from "../keys/dev-keys.js";

/**
 * `npm run -s audit:verify`: checks the audit chain's links, the stored head, the stored tree
 * heads, the emergency grants' digests and — where the database's administrator cannot reach —
 * the witness's tree heads, and names every damage found: records changed, removed, inserted or
 * reordered, the newest records truncated, a head that disagrees with the records, tree heads
 * missing from the store, a fork. Exit 0 intact, 1 damaged, 2 cannot verify.
 *
 * Read-only, under a login of its own that may only SELECT: AUDIT_READER_DATABASE_URL, else
 * AUDIT_DATABASE_URL or DATABASE_URL with the reader role as user (development servers). It
 * never migrates or grants. The witness: AUDIT_WITNESS, else the gateway's default file.
 * AUDIT_SCHEMA names the schema (default audit); PGLITE_DATA_DIR for the embedded store.
 */
let env: Settings;
try {
  env = readEnvironment("audit-verify", process.env);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`audit:verify: configuration: ${error.message}\n`);
  process.exit(2);
}
const url = env.AUDIT_DATABASE_URL || env.DATABASE_URL;
// The hub keeps every embedded store in one PGlite (PGLITE_DATA_DIR/embedded); the audit's
// witness file stays named after PGLITE_DATA_DIR/audit, where it always was.
const dataDir = env.PGLITE_DATA_DIR ? `${env.PGLITE_DATA_DIR}/audit` : undefined;
const storeDir = env.PGLITE_DATA_DIR ? `${env.PGLITE_DATA_DIR}/embedded` : undefined;
const schema = env.AUDIT_SCHEMA;
if (!url && !dataDir && !env.AUDIT_READER_DATABASE_URL) {
  process.stderr.write("set AUDIT_READER_DATABASE_URL, AUDIT_DATABASE_URL or DATABASE_URL (or PGLITE_DATA_DIR) to the hub's audit store\n");
  process.exit(2);
}

let witness: Witness | null = null;
let witnessProblem: string | null = null;
const witnessConfig: WitnessConfig = env.AUDIT_WITNESS ?? { kind: "file", path: defaultWitnessPath({ url: env.AUDIT_OWNER_DATABASE_URL || url, dataDir, schema }) };
try {
  witness = await openWitness(witnessConfig, { create: false });
} catch (error) {
  witnessProblem = error instanceof Error ? error.message : String(error);
}

let exitCode = 2;
try {
  const store = await openAuditReader({ ...(url ? { url } : {}), ...(env.AUDIT_READER_DATABASE_URL ? { url: env.AUDIT_READER_DATABASE_URL, readerUrl: env.AUDIT_READER_DATABASE_URL } : {}), ...(storeDir ? { dataDir: storeDir } : {}) }, schema);
  try {
    const keys = await ensureDevKeys();
    const unreadable: Witness | null = witnessProblem
      ? {
          description: describeWitness(witnessConfig),
          publish: () => Promise.reject(new Error("read-only")),
          newest: () => Promise.reject(new Error(witnessProblem ?? "")),
          all: () => Promise.reject(new Error(witnessProblem ?? "")),
          close: async () => {},
        }
      : witness;
    const report = await verifyStoredChain(store.prisma, { chainKey: keys.auditChainKey, publicJwks: keys.gateway.publicJwks }, unreadable);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!unreadable) process.stderr.write("audit:verify: no witness configured (AUDIT_WITNESS=none): truncation of the newest records cannot be seen\n");
    for (const intent of report.intentsWithoutOutcome) {
      process.stderr.write(`audit:verify: change intended without a recorded outcome: ${intent.operation} (${intent.id}, record ${intent.seq}, ${intent.at})\n`);
    }
    for (const finding of report.problems) process.stderr.write(`audit chain damaged: ${finding.problem} at ${finding.seq}: ${finding.detail}\n`);
    exitCode = report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
} catch (error) {
  process.stderr.write(`audit:verify: cannot verify: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await witness?.close();
}
process.exit(exitCode);
