import type { AuditFilter } from "../gql/graphql.js";

/** What an auditor typed into the search form, as typed (every field optional). */
export interface SearchForm {
  actorStaffId: string;
  subjectId: string;
  agency: string;
  /** A datetime-local value ("2026-12-01T13:00"), read in the browser's time zone. */
  from: string;
  to: string;
  decision: string;
  purpose: string;
  kind: string;
  reason: string;
  /** "", "yes" or "no". */
  emergency: string;
}

export const EMPTY_SEARCH: SearchForm = { actorStaffId: "", subjectId: "", agency: "", from: "", to: "", decision: "", purpose: "", kind: "", reason: "", emergency: "" };

/** The outcomes the trail records (AuditFilter.decision). */
export const DECISIONS = ["ALLOW", "REDACT", "DENY", "RECORDED", "FAILED"] as const;

/** A datetime-local value as an ISO instant; an empty or unreadable one is no bound. */
export function instantOf(local: string): string | undefined {
  if (local.trim() === "") return undefined;
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The API's filter from the form: trimmed, empty fields left out (the hub validates the rest). */
export function filterOf(form: SearchForm): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of ["actorStaffId", "subjectId", "agency", "decision", "purpose", "kind", "reason"] as const) {
    const value = form[key].trim();
    if (value !== "") filter[key] = value;
  }
  const from = instantOf(form.from);
  const to = instantOf(form.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (form.emergency === "yes") filter.emergency = true;
  if (form.emergency === "no") filter.emergency = false;
  return filter;
}

export type ExportFormat = "ndjson" | "csv";

/** What the export route filters on (gateway/src/audit/export.ts): actor, person and time. */
export interface ExportForm {
  format: ExportFormat;
  actorStaffId: string;
  subjectId: string;
  from: string;
  to: string;
}

/** GET /audit/export with the form's filters as its query string. */
export function exportPath(form: ExportForm): string {
  const query = new URLSearchParams({ format: form.format });
  if (form.actorStaffId.trim()) query.set("actorStaffId", form.actorStaffId.trim());
  if (form.subjectId.trim()) query.set("subjectId", form.subjectId.trim());
  const from = instantOf(form.from);
  const to = instantOf(form.to);
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  return `/audit/export?${query.toString()}`;
}
