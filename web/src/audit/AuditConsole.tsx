/** Placeholder: the auditors' console is built separately and replaces this file (web/src/audit/**). */
export function AuditConsole() {
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">Granskning / Audit</h1>
      <p>Granskarnas konsol kommer här. / The auditors' console comes here.</p>
    </section>
  );
}
