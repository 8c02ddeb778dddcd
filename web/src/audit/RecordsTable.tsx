import type { AuditRecordRowFragment } from "../gql/graphql.js";
import { Loading } from "../Status.js";
import { Refusal } from "./Refusal.js";
import type { Pages } from "./use-pages.js";

const when = (at: string | null) => (at ? new Date(at).toLocaleString("sv-SE") : "—");
const dash = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? "—" : value);

/** Audit records as a table: ids, roles, field paths and decisions — never a value about the person. */
function Table({ caption, rows }: { caption: string; rows: AuditRecordRowFragment[] }) {
  return (
    // Long ids and paths wrap (audit.css), so the table fits without a scrolling region.
    <table className="records">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nr / Seq</th>
          <th scope="col">Tid / Time</th>
          <th scope="col">Slag / Kind</th>
          <th scope="col">Vem / Actor</th>
          <th scope="col">Ändamål / Purpose</th>
          <th scope="col">Person (id)</th>
          <th scope="col">Fält / Fields</th>
          <th scope="col">Beslut / Decision</th>
          <th scope="col">Skäl / Reason</th>
          <th scope="col">Begäran / Request id</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-record={row.id} data-request-id={row.requestId ?? ""} data-kind={row.kind ?? ""}>
            <td className="id">{dash(row.seq)}</td>
            <td>{when(row.at)}</td>
            <td>
              {dash(row.kind)}
              {row.emergency ? <span className="badge">Nöd / Emergency</span> : null}
            </td>
            <td>
              <span className="id">{dash(row.actorStaffId)}</span>
              <br />
              <span className="agency">
                {dash(row.actorRole)} · {dash(row.actorAgency)}
              </span>
            </td>
            <td>{dash(row.purpose)}</td>
            <td className="id">{dash(row.subjectId)}</td>
            <td className="id paths">{row.fieldPaths && row.fieldPaths.length > 0 ? row.fieldPaths.join(", ") : "—"}</td>
            <td className={`decision-${(row.decision ?? "").toLowerCase()}`}>{dash(row.decision)}</td>
            <td className="id">{[row.reason, row.rule].filter(Boolean).join(" · ") || "—"}</td>
            <td className="id">{dash(row.requestId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A paged search's state: nothing asked yet, loading, refused (in words), the rows with "more". */
export function RecordsResult({ caption, pages, more }: { caption: string; pages: Pages<AuditRecordRowFragment>; more: () => void }) {
  if (pages.state === "idle") return null;
  if (pages.state === "loading") return <Loading what="loggposter" />;
  if (pages.state === "failed") return <Refusal error={pages.error} />;
  if (pages.rows.length === 0) return <p role="status">Inga poster / No records.</p>;
  return (
    <>
      <p role="status">
        {pages.rows.length} poster visas / {pages.rows.length} records shown{pages.next ? " (fler finns / more exist)" : ""}.
      </p>
      <Table caption={caption} rows={pages.rows} />
      {pages.next ? (
        <button type="button" onClick={more} disabled={pages.more === "loading"}>
          {pages.more === "loading" ? "Hämtar … / Loading …" : "Visa fler / Show more"}
        </button>
      ) : null}
    </>
  );
}
