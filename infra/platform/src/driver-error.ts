import { DriverAdapterError } from "@prisma/driver-adapter-utils";

interface PostgresErrorFields {
  code?: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

/**
 * A server error (pg's or PGlite's, same fields) in the shape Prisma's engines report with the
 * SQLSTATE and message intact; anything else (a dropped socket, a bug) is rethrown as it is.
 */
export function toDriverAdapterError(error: unknown): never {
  if (!isPostgresError(error)) throw error;
  throw new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "",
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}
