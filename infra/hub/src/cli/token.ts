import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { AGENCIES, isAgency, isPurpose, isRole, isUnitOf, PURPOSES_BY_ROLE, ROLES_BY_AGENCY, requiresUnit } from "@skyddsnat/schema";
import { unitOf } from "../seed/staff.js";
import { type MintOptions, mintToken } from "../tokens.js";

/**
 * `npm run -s token -- --agency <agency> --role <role> --sub <staff-id> [--purpose <purpose>]
 * [--ttl <seconds>] [--client <id>] [--unit <unit>]`: a development caller token on stdout, nothing else.
 * Bad arguments: a usage error on stderr, exit code 2.
 */
export const USAGE = `usage: npm run -s token -- --agency <agency> --role <role> --sub <staff-id> [--purpose <purpose>] [--ttl <seconds>] [--client <id>] [--unit <unit>]
  agencies and their roles: ${AGENCIES.map((agency) => `${agency} (${ROLES_BY_AGENCY[agency].join(", ")})`).join("; ")}
  --purpose   default: the role's first purpose
  --ttl       1-86400 seconds, default 3600
  --unit      the unit she works in, e.g. housing/malmo (claim \`unit\`); default: her unit in the demo
              staff directory. Case roles and team leads need one.`;

const ID = /^[A-Za-z0-9._:@-]{1,64}$/;
const MAX_TTL_SECONDS = 86_400;

export type ParsedTokenArgs =
  | { kind: "mint"; options: Pick<MintOptions, "agency" | "role" | "sub" | "purpose" | "ttlSeconds" | "clientId" | "unit"> }
  | { kind: "help" }
  | { kind: "error"; message: string };

/** Parses and validates the CLI arguments against the actor model. */
export function parseTokenArgs(argv: readonly string[]): ParsedTokenArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        agency: { type: "string" },
        role: { type: "string" },
        sub: { type: "string" },
        purpose: { type: "string" },
        ttl: { type: "string" },
        client: { type: "string" },
        unit: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help) return { kind: "help" };
  const { agency, role, sub, purpose, ttl, client, unit: unitArg } = values as Record<string, string | undefined>;

  if (!isAgency(agency)) return { kind: "error", message: `--agency must be one of: ${AGENCIES.join(", ")}` };
  if (!isRole(role) || !ROLES_BY_AGENCY[agency].includes(role)) {
    return { kind: "error", message: `--role for ${agency} must be one of: ${ROLES_BY_AGENCY[agency].join(", ")}` };
  }
  if (sub === undefined || !ID.test(sub)) {
    return { kind: "error", message: "--sub must be a staff or client id (1-64 of A-Z a-z 0-9 . _ : @ -)" };
  }
  if (purpose !== undefined && (!isPurpose(purpose) || !PURPOSES_BY_ROLE[role].includes(purpose))) {
    return { kind: "error", message: `--purpose for ${role} must be one of: ${PURPOSES_BY_ROLE[role].join(", ")}` };
  }
  const ttlSeconds = ttl === undefined ? 3600 : /^\d+$/.test(ttl) ? Number(ttl) : Number.NaN;
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    return { kind: "error", message: `--ttl must be a whole number of seconds, 1-${MAX_TTL_SECONDS}` };
  }
  if (client !== undefined && !ID.test(client)) {
    return { kind: "error", message: "--client must be a client id (1-64 of A-Z a-z 0-9 . _ : @ -)" };
  }
  // The directory's unit for a demo id, if it is one of this agency's.
  const listed = unitOf(sub);
  const unit = unitArg ?? (listed !== undefined && isUnitOf(agency, listed) ? listed : undefined);
  if (unit !== undefined && !isUnitOf(agency, unit)) {
    return { kind: "error", message: `--unit must be a unit of ${agency}: ${agency}/<name>, at most 64 of a-z 0-9 - /` };
  }
  if (unit === undefined && requiresUnit(role)) {
    return { kind: "error", message: `--unit is required for ${role} when ${sub} is not in the demo staff directory` };
  }
  return {
    kind: "mint",
    options: {
      agency,
      role,
      sub,
      ttlSeconds,
      // Always explicit, so mintToken never guesses: null for a role that carries none.
      unit: unit ?? null,
      ...(purpose !== undefined ? { purpose } : {}),
      ...(client !== undefined ? { clientId: client } : {}),
    },
  };
}

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Runs the CLI; resolves to the exit code. */
export async function runTokenCli(
  argv: readonly string[],
  io: Io = process,
  settings: { keysDir?: string } = {},
): Promise<number> {
  const parsed = parseTokenArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    io.stderr.write(`error: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const token = await mintToken({ ...parsed.options, ...(settings.keysDir ? { keysDir: settings.keysDir } : {}) });
    io.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`error: could not mint a token: ${(error as Error).message}\n`);
    return 1;
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = await runTokenCli(process.argv.slice(2));
}
