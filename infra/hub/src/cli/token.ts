import { parseArgs } from "node:util";
import { isAgency, isPurpose, isRole, PURPOSES_BY_ROLE, ROLES_BY_AGENCY } from "@skyddsnat/schema";
import { mintToken } from "../tokens.js";

/** `npm run -s token -- --agency <agency> --role <role> --sub <staff-id> [--purpose <purpose>]` */
const USAGE = "usage: npm run -s token -- --agency <agency> --role <role> --sub <staff-id> [--purpose <purpose>] [--ttl <seconds>] [--client <id>]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      agency: { type: "string" },
      role: { type: "string" },
      sub: { type: "string" },
      purpose: { type: "string" },
      ttl: { type: "string" },
      client: { type: "string" },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const { agency, role, sub, purpose, ttl, client } = values;
if (!isAgency(agency)) fail(`--agency must be one of: ${Object.keys(ROLES_BY_AGENCY).join(", ")}`);
if (!isRole(role) || !ROLES_BY_AGENCY[agency].includes(role)) {
  fail(`--role for ${agency} must be one of: ${ROLES_BY_AGENCY[agency].join(", ")}`);
}
if (!sub || !/^[A-Za-z0-9._-]{1,64}$/.test(sub)) fail("--sub must be a staff or client id");
if (purpose !== undefined && (!isPurpose(purpose) || !PURPOSES_BY_ROLE[role].includes(purpose))) {
  fail(`--purpose for ${role} must be one of: ${PURPOSES_BY_ROLE[role].join(", ")}`);
}
const ttlSeconds = ttl === undefined ? 3600 : Number(ttl);
if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 86_400) fail("--ttl must be 1–86400 seconds");

process.stdout.write(
  `${await mintToken({ agency, role, sub, ttlSeconds, ...(purpose ? { purpose } : {}), ...(client ? { clientId: client } : {}) })}\n`,
);
