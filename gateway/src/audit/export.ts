import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "@skyddsnat/platform";
import type { Actor } from "@skyddsnat/schema";
import { AuditFilter, auditWhere } from "./api/audit-filter.js";
import type { AuditTrail } from "./audit-trail.js";
import { eventEntry } from "./entries.js";

const COLUMNS = ["seq", "at", "kind", "requestId", "actorStaffId", "actorAgency", "actorRole", "actorIssuer", "clientId", "purpose", "subjectId", "fieldPaths", "decision", "reason", "rule", "emergency", "operationHash", "hash"] as const;
const MAX_EXPORT = 100_000;

function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(";") : value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The export's filter from its query string; a bad parameter is the caller's error (400). */
function exportRequest(url: URL): { format: "ndjson" | "csv"; filter: AuditFilter } {
  const format = url.searchParams.get("format") ?? "ndjson";
  if (format !== "ndjson" && format !== "csv") throw new HttpError(400, "BAD_USER_INPUT", "format must be ndjson or csv");
  const filter = new AuditFilter();
  const subjectId = url.searchParams.get("subjectId");
  const actorStaffId = url.searchParams.get("actorStaffId");
  if (subjectId) filter.subjectId = subjectId;
  if (actorStaffId) filter.actorStaffId = actorStaffId;
  for (const key of ["from", "to"] as const) {
    const value = url.searchParams.get(key);
    if (value) {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) throw new HttpError(400, "BAD_USER_INPUT", `${key} must be an ISO date`);
      filter[key] = date;
    }
  }
  return { format, filter };
}

/**
 * GET /audit/export?format=ndjson|csv&subjectId=…&from=…&to=…: the filtered trail for an
 * auditor, itself recorded before a byte is sent. A refusal is recorded like any other: at the
 * door (no or a bad token, by authenticate), or as REQUEST_DENIED naming the actor (not an
 * auditor, a bad parameter); each carries its request id in x-request-id.
 */
export async function exportAudit(
  req: IncomingMessage,
  res: ServerResponse,
  trail: AuditTrail,
  authenticate: (req: IncomingMessage) => Promise<{ actor: Actor; requestId: string }>,
): Promise<void> {
  const { actor, requestId } = await authenticate(req);
  const context = { actor, requestId, logger: undefined as never, emergencyGrants: [] };
  let request: ReturnType<typeof exportRequest>;
  try {
    if (actor.role !== "AUDITOR") throw new HttpError(403, "FORBIDDEN", "Only auditors may export the audit trail.", { reason: "NOT_PERMITTED_FOR_ROLE" });
    request = exportRequest(new URL(req.url ?? "/", "http://localhost"));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const reason = typeof error.extensions.reason === "string" ? error.extensions.reason : error.code;
    // Refused whether or not its record could be written: a refusal releases nothing.
    await trail.writer.append([eventEntry("REQUEST_DENIED", context, { fieldPaths: ["export"], decision: "DENY", reason })]).catch(() => {});
    throw new HttpError(error.status, error.code, error.message, { ...error.extensions, requestId }, { "x-request-id": requestId });
  }
  const { format, filter } = request;
  res.setHeader("x-request-id", requestId);
  await trail.writer.append([eventEntry("AUDIT_QUERY", context, { fieldPaths: [`export.${format}`], decision: "ALLOW", ...(filter.subjectId ? { subjectId: filter.subjectId } : {}) })]);
  const rows = await trail.store.prisma.auditRecord.findMany({ where: auditWhere(filter), orderBy: { seq: "asc" }, take: MAX_EXPORT });
  if (format === "ndjson") {
    res.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8" });
    for (const row of rows) res.write(`${JSON.stringify({ ...row, seq: row.seq.toString() })}\n`);
  } else {
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
    res.write(`${COLUMNS.join(",")}\n`);
    for (const row of rows) res.write(`${COLUMNS.map((column) => csvCell(row[column])).join(",")}\n`);
  }
  res.end();
}
