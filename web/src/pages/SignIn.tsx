import { type FormEvent, useState } from "react";
import { signIn } from "../auth/session.js";
import { type AppConfig, PURPOSE_LABELS, PURPOSES, type Purpose } from "../config.js";

const AGENCY_LABELS: Record<string, string> = {
  "social-services": "Socialtjänsten / Social services",
  housing: "Bostadsbolaget / Housing",
  "police-liaison": "Polisen / Police liaison",
  "child-services": "Barn och familj / Child services",
  audit: "Granskning / Audit",
};

/** Choose the agency whose identity provider signs you in, and the purpose you state. */
export function SignIn({ config }: { config: AppConfig }) {
  const issuers = config.signIn.issuers;
  const [agency, setAgency] = useState(issuers[0]?.agency ?? "");
  const [purpose, setPurpose] = useState<Purpose>("CASE_WORK");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(config, agency, purpose);
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Skyddsnät</h1>
      <p>Logga in hos din myndighet och ange ändamålet. / Sign in with your agency and state your purpose.</p>
      <form onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined}>
        <label htmlFor="agency">Myndighet / Agency</label>
        <select id="agency" name="agency" value={agency} onChange={(event) => setAgency(event.target.value)} required>
          {issuers.map((choice) => (
            <option key={choice.agency} value={choice.agency}>
              {AGENCY_LABELS[choice.agency] ?? choice.agency}
            </option>
          ))}
        </select>
        <label htmlFor="purpose">Ändamål / Purpose</label>
        <select id="purpose" name="purpose" value={purpose} onChange={(event) => setPurpose(event.target.value as Purpose)} required>
          {PURPOSES.map((value) => (
            <option key={value} value={value}>
              {PURPOSE_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || issuers.length === 0}>
          Logga in / Sign in
        </button>
      </form>
      {issuers.length === 0 ? <p role="alert">Navet har ingen identitetsleverantör konfigurerad. / The hub has no identity provider configured.</p> : null}
      {error ? (
        <p id="sign-in-error" role="alert" className="failure">
          {error}
        </p>
      ) : null}
    </main>
  );
}
