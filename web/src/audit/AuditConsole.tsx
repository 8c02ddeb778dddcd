import { type ReactNode, useState } from "react";
import "./audit.css";
import { ChainView } from "./ChainView.js";
import { ExportView } from "./ExportView.js";
import { HistoryView } from "./HistoryView.js";
import { ReviewQueue } from "./ReviewQueue.js";
import { SearchView } from "./SearchView.js";

const VIEWS = {
  search: { label: "Sök / Search", render: () => <SearchView /> },
  history: { label: "Personhistorik / Person history", render: () => <HistoryView /> },
  queue: { label: "Granskningskö / Review queue", render: () => <ReviewQueue /> },
  chain: { label: "Kedjan / Chain", render: () => <ChainView /> },
  export: { label: "Export", render: () => <ExportView /> },
} satisfies Record<string, { label: string; render: () => ReactNode }>;

type View = keyof typeof VIEWS;

const isView = (name: string | null): name is View => name !== null && Object.hasOwn(VIEWS, name);

/** The view in the address (?view=…), so a reload or a shared link opens the same one. */
function initialView(): View {
  const named = new URLSearchParams(window.location.search).get("view");
  return isView(named) ? named : "search";
}

/**
 * The auditors' console (loggkontroll): search the trail, one person's access history, the
 * emergency review queue, the chain's verification and the export. It shows ids, roles, field
 * paths and decisions only: the trail holds no value about a person, and neither does this page.
 */
export function AuditConsole() {
  const [view, setView] = useState<View>(initialView);
  const choose = (next: View) => {
    setView(next);
    window.history.replaceState(null, "", `/app/audit?view=${next}`);
  };
  return (
    <section aria-labelledby="audit-heading" className="audit">
      <h1 id="audit-heading">Granskning / Audit</h1>
      <nav aria-label="Granskningens delar / Parts of the audit console">
        <ul className="views">
          {(Object.keys(VIEWS) as View[]).map((name) => (
            <li key={name}>
              <button type="button" className="view" aria-current={view === name ? "page" : undefined} onClick={() => choose(name)}>
                {VIEWS[name].label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {VIEWS[view].render()}
    </section>
  );
}
