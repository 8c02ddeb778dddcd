import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { Refusal } from "../audit/Refusal.js";
import { type EmergencyGround, GrantEmergencyDisclosureDocument, PendingEmergencyRequestsDocument, type PendingEmergencyRequestsQuery, RefuseEmergencyDisclosureDocument } from "../gql/graphql.js";
import { useMutation, useQuery } from "../graphql/use-operation.js";
import { Failure, Loading } from "../Status.js";
import { Shown } from "../withheld/Field.js";
import { Withholdings } from "../withheld/withheld.js";

type Pending = PendingEmergencyRequestsQuery["pendingEmergencyRequests"][number];

/** The grounds a disclosure may rest on, in the words of the law (the schema's EmergencyGround). */
const GROUNDS: { value: EmergencyGround; label: string }[] = [
  { value: "NECESSITY", label: "Nödsituation / Necessity" },
  { value: "OSL_10_18_B", label: "OSL 10 kap. 18 b §" },
  { value: "OSL_10_21_23", label: "OSL 10 kap. 21–23 §§ (brott / suspected crime)" },
];

/** One pending request and its decision: grant for a ground and a time, or refuse with a note. */
function Decision({ request, reason, decided }: { request: Pending; reason: ReactNode; decided: () => void }) {
  const grant = useMutation(GrantEmergencyDisclosureDocument);
  const refuse = useMutation(RefuseEmergencyDisclosureDocument);
  const [ground, setGround] = useState<EmergencyGround>("NECESSITY");
  const [minutes, setMinutes] = useState("30");
  const [note, setNote] = useState("");
  const busy = grant.loaded.state === "loading" || refuse.loaded.state === "loading";
  const id = request.id;

  const onGrant = async (event: FormEvent) => {
    event.preventDefault();
    const result = await grant.run({ requestId: id, ground, minutes: Number(minutes), ...(note.trim() ? { note } : {}) });
    if (result?.data) decided();
  };
  const onRefuse = async () => {
    const result = await refuse.run({ requestId: id, note });
    if (result?.data) decided();
  };
  const answered = [grant.loaded, refuse.loaded].find((loaded) => loaded.state === "done" && loaded.result.errors.length > 0);
  const error = answered?.state === "done" ? answered.result.errors[0] : undefined;
  const failed = [grant.loaded, refuse.loaded].find((loaded) => loaded.state === "failed");

  return (
    <article className="decision" data-request={id} aria-labelledby={`request-${id}`}>
      <h2 id={`request-${id}`}>
        {id} · {request.subjectId}
      </h2>
      <p>
        Begärd av / Requested by {request.staffId} ({request.role}), {new Date(request.requestedAt).toLocaleString("sv-SE")}
      </p>
      <p>Skäl / Reason: {reason}</p>
      <form onSubmit={onGrant}>
        <label htmlFor={`ground-${id}`}>Grund / Ground</label>
        <select id={`ground-${id}`} value={ground} onChange={(event) => setGround(event.target.value as EmergencyGround)}>
          {GROUNDS.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <label htmlFor={`minutes-${id}`}>Minuter / Minutes</label>
        <input id={`minutes-${id}`} type="number" min={1} max={60} value={minutes} onChange={(event) => setMinutes(event.target.value)} required />
        <label htmlFor={`note-${id}`}>Anteckning / Note</label>
        <textarea id={`note-${id}`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} />
        <button type="submit" disabled={busy}>
          Bevilja / Grant
        </button>
        <button type="button" disabled={busy} onClick={() => void onRefuse()}>
          Avslå / Refuse
        </button>
      </form>
      {error ? <Refusal error={error} /> : null}
      {failed?.state === "failed" ? <Failure code={failed.code} message={failed.message} /> : null}
    </article>
  );
}

/**
 * Social services' on-call (socialjouren): the pending break-the-glass requests, oldest first,
 * each granted for a ground and a time or refused with a note. Asked again every few seconds.
 */
export function OnCallPage() {
  const pending = useQuery(PendingEmergencyRequestsDocument, {});
  const [decided, setDecided] = useState<string[]>([]);
  const { reload } = pending;
  useEffect(() => {
    const timer = window.setInterval(reload, 5000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const done = (id: string) => () => {
    setDecided((previous) => [...previous, id]);
    reload();
  };
  return (
    <section aria-labelledby="on-call-heading">
      <h1 id="on-call-heading">Socialjouren: väntande nödbegäranden / On-call: pending emergency requests</h1>
      <p>
        Socialtjänsten är den myndighet som håller uppgiften: du beviljar en begäran för en grund och en tid, eller avslår den. Allt loggas och
        granskas av en loggranskare. / Social services hold the information: grant a request for a ground and a time, or refuse it. Everything is
        logged and reviewed by an auditor.
      </p>
      {decided.length > 0 ? <p role="status">Beslut registrerat / Decision recorded: {decided.join(", ")}</p> : null}
      {pending.state === "loading" ? <Loading what="begäranden" /> : null}
      {pending.state === "failed" ? <Failure code={pending.code} message={pending.message} /> : null}
      {pending.state === "done" && !pending.result.data ? (
        <Failure code={pending.result.errors[0]?.extensions?.code} message={pending.result.errors[0]?.message ?? ""} />
      ) : null}
      {pending.state === "done" && pending.result.data
        ? (() => {
            const requests = pending.result.data.pendingEmergencyRequests;
            const withheld = new Withholdings(pending.result.errors);
            if (requests.length === 0) return <p>Inga väntande begäranden / No pending requests.</p>;
            return requests.map((request, index) => (
              <Decision
                key={request.id}
                request={request}
                reason={<Shown answer={withheld.answer(request.reason, ["pendingEmergencyRequests", index, "reason"])} />}
                decided={done(request.id)}
              />
            ));
          })()
        : null}
    </section>
  );
}
