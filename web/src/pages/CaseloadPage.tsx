import { useState } from "react";
import { MeDocument } from "../gql/graphql.js";
import { useQuery } from "../graphql/use-operation.js";
import { Link } from "../Link.js";
import { Failure, Loading } from "../Status.js";
import { Shown } from "../withheld/Field.js";
import { Withholdings } from "../withheld/withheld.js";
import { OpenClient } from "./OpenClient.js";

const PAGE_SIZE = 20;

/** Who the hub says she is, and the persons of her open cases (Query.me), a page at a time. */
export function CaseloadPage() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const loaded = useQuery(MeDocument, { first: PAGE_SIZE, after });
  return (
    <section aria-labelledby="caseload-heading">
      <h1 id="caseload-heading">Mina klienter / My caseload</h1>
      {loaded.state === "loading" ? <Loading what="dina klienter" /> : null}
      {loaded.state === "failed" ? <Failure code={loaded.code} message={loaded.message} /> : null}
      {loaded.state === "done" && !loaded.result.data ? <Failure code={loaded.result.errors[0]?.extensions?.code} message={loaded.result.errors[0]?.message ?? ""} /> : null}
      {loaded.state === "done" && loaded.result.data
        ? (() => {
            const { me } = loaded.result.data;
            const withheld = new Withholdings(loaded.result.errors);
            const nodes = me.caseload.nodes;
            return (
              <>
                <p className="me" data-testid="me">
                  {me.staffId} · {me.role} · {me.agency}
                  {me.unit ? ` · ${me.unit}` : ""} · Ändamål / Purpose: {me.purpose}
                </p>
                {nodes.length === 0 ? (
                  <p>Du har inga klienter med öppna ärenden. / You have no clients with open cases.</p>
                ) : (
                  <table>
                    <caption>Personer i dina öppna ärenden / Persons of your open cases</caption>
                    <thead>
                      <tr>
                        <th scope="col">Klient / Client</th>
                        <th scope="col">Namn / Name</th>
                        <th scope="col">Skyddsnivå / Protection level</th>
                      </tr>
                    </thead>
                    <tbody>
                      {nodes.map((person, index) => {
                        const at = ["me", "caseload", "nodes", index];
                        return (
                          <tr key={person.id}>
                            <td>
                              <Link to={`/app/clients/${encodeURIComponent(person.id)}`}>{person.id}</Link>
                            </td>
                            <td>
                              <Shown answer={withheld.answer(person.givenName, [...at, "givenName"])} />{" "}
                              <Shown answer={withheld.answer(person.familyName, [...at, "familyName"])} />
                            </td>
                            <td>
                              <Shown answer={withheld.answer(person.protectionLevel, [...at, "protectionLevel"])} />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
                <div className="pager">
                  {cursors.length > 1 ? (
                    <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
                      Föregående / Previous
                    </button>
                  ) : null}
                  {me.caseload.pageInfo.hasNextPage && me.caseload.pageInfo.endCursor ? (
                    <button type="button" onClick={() => setCursors([...cursors, me.caseload.pageInfo.endCursor ?? null])}>
                      Nästa / Next
                    </button>
                  ) : null}
                </div>
              </>
            );
          })()
        : null}
      <h2>Annan klient / Another client</h2>
      <OpenClient />
    </section>
  );
}
