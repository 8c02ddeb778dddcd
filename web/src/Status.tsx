import { explainError } from "./withheld/explanations.js";

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Hämtar {what} … / Loading …
    </p>
  );
}

/** An error in plain words, with its stable code for support. */
export function Failure({ code, message }: { code?: string | undefined; message?: string }) {
  const words = explainError(code);
  return (
    <div role="alert" className="failure">
      <p>
        <span lang="sv">{words.sv}</span> / <span lang="en">{words.en}</span>
      </p>
      {code ? <p className="code">Kod / Code: {code}</p> : null}
      {message && !code ? <p className="code">{message}</p> : null}
    </div>
  );
}
