import { OpenClient } from "./OpenClient.js";

/** The caller's caseload; until Query.me is in the supergraph, a client is opened by id. */
export function CaseloadPage() {
  return (
    <section aria-labelledby="caseload-heading">
      <h1 id="caseload-heading">Mina klienter / My caseload</h1>
      <OpenClient />
    </section>
  );
}
