import { type FormEvent, useState } from "react";
import { type AuditSubjectHistoryQuery, AuditSubjectHistoryDocument } from "../gql/graphql.js";
import { RecordsResult } from "./RecordsTable.js";
import { usePages } from "./use-pages.js";

const PAGE_SIZE = 25;
const historyPage = (data: AuditSubjectHistoryQuery) => data.subjectAccessHistory;

/** Everything recorded about one person, by her opaque id: who saw or changed what, when and why. */
export function HistoryView() {
  const [subjectId, setSubjectId] = useState("");
  const { pages, search, more } = usePages(AuditSubjectHistoryDocument, historyPage);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search({ subjectId: subjectId.trim(), first: PAGE_SIZE });
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">En persons åtkomsthistorik / One person's access history</h2>
      <form className="inline" onSubmit={submit}>
        <label htmlFor="history-subject">Person-id / Person id</label>
        <input id="history-subject" value={subjectId} onChange={(event) => setSubjectId(event.target.value)} required autoComplete="off" />
        <button type="submit" disabled={pages.state === "loading"}>
          Visa historik / Show history
        </button>
      </form>
      <RecordsResult caption="Åtkomsthistorik, nyast först / Access history, newest first" pages={pages} more={more} />
    </section>
  );
}
