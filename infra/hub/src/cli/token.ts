import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { AGENCIES, isAgency, isPurpose, isRole, PURPOSES_BY_ROLE, ROLES_BY_AGENCY } from "@skyddsnat/schema";
import { type MintOptions, mintToken } from "../tokens.js";

/**
 * `npm run -s token -- --agency <agency> --role <role> --sub <staff-id> [--purpose <purpose>]
 * [--ttl <seconds>] [--client <id>]`: a development caller token on stdout, nothing else.
 * Bad arguments: a usage error on stderr, exit code 2.
 */
export const USAGE = `usage: npm run -s token -- --agency <agency> --role <role> --sub <staff-id> [--purpose <purpose>] [--ttl <seconds>] [--client <id>]
  agencies and their roles: ${AGENCIES.map((agency) => `${agency} (${ROLES_BY_AGENCY[agency].join(", ")})`).join("; ")}
  --purpose   default: the role's first purpose
  --ttl       1-86400 seconds, default 3600`;

const ID = /^[A-Za-z0-9._:@-]{1,64}$/;
const MAX_TTL_SECONDS = 86_400;

export type ParsedTokenArgs =
  | { kind: "mint"; options: Pick<MintOptions, "agency" | "role" | "sub" | "purpose" | "ttlSeconds" | "clientId"> }
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
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help) return { kind: "help" };
  const { agency, role, sub, purpose, ttl, client } = values as Record<string, string | undefined>;

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
  return {
    kind: "mint",
    options: {
      agency,
      role,
      sub,
      ttlSeconds,
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
