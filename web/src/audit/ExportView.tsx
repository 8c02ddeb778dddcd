import { type FormEvent, useEffect, useState } from "react";
import type { GraphQLErrorShape } from "../graphql/client.js";
import { Loading } from "../Status.js";
import { useSession } from "../session-context.js";
import { type ExportForm, type ExportFormat, exportPath } from "./audit-search.js";
import { type ExportSummary, exportRows, summarizeExport } from "./export-summary.js";
import { Refusal } from "./Refusal.js";

const EMPTY: ExportForm = { format: "ndjson", actorStaffId: "", subjectId: "", from: "", to: "" };
const PREVIEW = ["seq", "kind", "actorStaffId", "subjectId", "fieldPaths", "decision", "requestId"] as const;

type Exported =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "failed"; error: GraphQLErrorShape }
  | { state: "done"; url: string; file: string; summary: ExportSummary; preview: Record<string, unknown>[]; requestId: string };

async function refusalOf(response: Response): Promise<GraphQLErrorShape> {
  const body = (await response.json().catch(() => ({}))) as { errors?: GraphQLErrorShape[] };
  return body.errors?.[0] ?? { message: `HTTP ${response.status}`, extensions: { code: response.status === 401 ? "UNAUTHENTICATED" : "INTERNAL_SERVER_ERROR" } };
}

const cell = (value: unknown) => (Array.isArray(value) ? value.join(", ") : value === null || value === undefined || value === "" ? "—" : String(value));

/**
 * The export route's file, fetched with the auditor's token (it is itself recorded), offered as a
 * download and described: how many records, which kinds and columns, the first rows.
 */
export function ExportView() {
  const { user } = useSession();
  const [form, setForm] = useState<ExportForm>(EMPTY);
  const [exported, setExported] = useState<Exported>({ state: "idle" });
  const set = (name: keyof ExportForm, value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  // The file's object URL lives as long as it is offered.
  const url = exported.state === "done" ? exported.url : null;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setExported({ state: "loading" });
    try {
      const response = await fetch(exportPath(form), { headers: { authorization: `Bearer ${user.access_token}` } });
      if (!response.ok) return setExported({ state: "failed", error: await refusalOf(response) });
      const text = await response.text();
      const format: ExportFormat = form.format;
      const blob = new Blob([text], { type: format === "csv" ? "text/csv" : "application/x-ndjson" });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      setExported({
        state: "done",
        url: URL.createObjectURL(blob),
        file: `audit-export-${stamp}.${format}`,
        summary: summarizeExport(text, format),
        preview: exportRows(text, format).slice(-10).reverse(),
        requestId: response.headers.get("x-request-id") ?? "",
      });
    } catch (failure) {
      setExported({ state: "failed", error: { message: failure instanceof Error ? failure.message : String(failure), extensions: { code: "UNAVAILABLE" } } });
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export av loggen / Audit trail export</h2>
      <p>Exporten hämtas med din inloggning och loggas själv. / The export is fetched with your sign-in and is itself recorded.</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="export-format">Format</label>
          <select id="export-format" value={form.format} onChange={(event) => set("format", event.target.value)}>
            <option value="ndjson">NDJSON</option>
            <option value="csv">CSV</option>
          </select>
        </div>
        {(
          [
            ["actorStaffId", "Vem (personal-id) / Actor (staff id)", "text"],
            ["subjectId", "Person-id / Subject id", "text"],
            ["from", "Från / From", "datetime-local"],
            ["to", "Till / To", "datetime-local"],
          ] as const
        ).map(([name, label, type]) => (
          <div className="field" key={name}>
            <label htmlFor={`export-${name}`}>{label}</label>
            <input id={`export-${name}`} type={type} step={type === "text" ? undefined : 1} value={form[name]} onChange={(event) => set(name, event.target.value)} autoComplete="off" />
          </div>
        ))}
        <div className="actions">
          <button type="submit" disabled={exported.state === "loading"}>
            Exportera / Export
          </button>
        </div>
      </form>
      {exported.state === "loading" ? <Loading what="exporten" /> : null}
      {exported.state === "failed" ? <Refusal error={exported.error} /> : null}
      {exported.state === "done" ? (
        <div className="export" data-testid="export-summary">
          <p role="status">
            {exported.summary.records} poster, nr {exported.summary.firstSeq ?? "—"}–{exported.summary.lastSeq ?? "—"} / {exported.summary.records} records, seq{" "}
            {exported.summary.firstSeq ?? "—"}–{exported.summary.lastSeq ?? "—"}. <span className="code">x-request-id: {exported.requestId}</span>
          </p>
          <a href={exported.url} download={exported.file} className="download">
            Ladda ner / Download {exported.file}
          </a>
          <h3>Slag av poster / Record kinds</h3>
          <ul className="kinds">
            {exported.summary.kinds.map(([kind, count]) => (
              <li key={kind}>
                <span className="id">{kind}</span>: {count}
              </li>
            ))}
          </ul>
          <h3>Kolumner / Columns</h3>
          <p className="id">{exported.summary.columns.join(", ")}</p>
          <table className="records">
            <caption>De senaste posterna i exporten / The export's latest records</caption>
            <thead>
              <tr>
                {PREVIEW.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {exported.preview.map((row) => (
                <tr key={String(row.seq)} data-request-id={String(row.requestId ?? "")}>
                  {PREVIEW.map((column) => (
                    <td key={column} className="id">
                      {cell(row[column])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
