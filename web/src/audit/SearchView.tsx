import { type FormEvent, useState } from "react";
import { type AuditRecordsQuery, AuditRecordsDocument } from "../gql/graphql.js";
import { DECISIONS, EMPTY_SEARCH, filterOf, type SearchForm } from "./audit-search.js";
import { RecordsResult } from "./RecordsTable.js";
import { usePages } from "./use-pages.js";

const PAGE_SIZE = 25;
const AGENCIES = ["social-services", "housing", "police-liaison", "child-services", "audit", "population-register"];
const recordsPage = (data: AuditRecordsQuery) => data.auditRecords;

function Text({ form, name, label, hint, set }: { form: SearchForm; name: keyof SearchForm; label: string; hint?: string; set: (name: keyof SearchForm, value: string) => void }) {
  const id = `search-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} value={form[name]} onChange={(event) => set(name, event.target.value)} {...(hint ? { placeholder: hint } : {})} autoComplete="off" />
    </div>
  );
}

/** Search the trail on what the API filters by; newest first, a page at a time. */
export function SearchView() {
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const { pages, search, more } = usePages(AuditRecordsDocument, recordsPage);
  const set = (name: keyof SearchForm, value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search({ filter: filterOf(form), first: PAGE_SIZE });
  };
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Sök i loggen / Search the audit trail</h2>
      <form className="filters" onSubmit={submit} aria-describedby="search-help">
        <p id="search-help" className="help">
          Varje angivet villkor smalnar av sökningen; tomma fält gäller allt. / Every criterion given narrows the search; empty fields match all.
        </p>
        <Text form={form} name="actorStaffId" label="Vem (personal-id) / Actor (staff id)" hint="cp-2001" set={set} />
        <Text form={form} name="subjectId" label="Person-id / Subject id" set={set} />
        <div className="field">
          <label htmlFor="search-agency">Myndighet / Agency</label>
          <select id="search-agency" value={form.agency} onChange={(event) => set("agency", event.target.value)}>
            <option value="">Alla / Any</option>
            {AGENCIES.map((agency) => (
              <option key={agency} value={agency}>
                {agency}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-from">Från / From</label>
          <input id="search-from" type="datetime-local" step={1} value={form.from} onChange={(event) => set("from", event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-to">Till / To</label>
          <input id="search-to" type="datetime-local" step={1} value={form.to} onChange={(event) => set("to", event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-decision">Utfall / Outcome</label>
          <select id="search-decision" value={form.decision} onChange={(event) => set("decision", event.target.value)}>
            <option value="">Alla / Any</option>
            {DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {decision}
              </option>
            ))}
          </select>
        </div>
        <Text form={form} name="purpose" label="Ändamål / Purpose" hint="CASE_WORK" set={set} />
        <Text form={form} name="kind" label="Slag av post / Record kind" hint="EMERGENCY_GRANTED" set={set} />
        <Text form={form} name="reason" label="Skälkod / Reason code" hint="REQUIRES_ASSIGNMENT" set={set} />
        <div className="field">
          <label htmlFor="search-emergency">Nödåtkomst / Emergency</label>
          <select id="search-emergency" value={form.emergency} onChange={(event) => set("emergency", event.target.value)}>
            <option value="">Alla / Any</option>
            <option value="yes">Ja / Yes</option>
            <option value="no">Nej / No</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" disabled={pages.state === "loading"}>
            Sök poster / Find records
          </button>
          <button type="button" className="secondary" onClick={() => setForm(EMPTY_SEARCH)}>
            Rensa / Clear
          </button>
        </div>
      </form>
      <RecordsResult caption="Loggposter, nyast först / Audit records, newest first" pages={pages} more={more} />
    </section>
  );
}
