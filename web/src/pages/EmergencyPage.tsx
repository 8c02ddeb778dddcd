import { type FormEvent, useEffect, useState } from "react";
import { EmergencyRequestsDocument, type EmergencyRequestsQuery, RequestEmergencyAccessDocument } from "../gql/graphql.js";
import { useMutation, useQuery } from "../graphql/use-operation.js";
import { Link } from "../Link.js";
import { Failure, Loading } from "../Status.js";
import { explainError } from "../withheld/explanations.js";

type Grant = EmergencyRequestsQuery["myEmergencyRequests"][number];

const STATUS: Record<string, string> = {
  PENDING: "Väntar på socialjouren / Pending the on-call's decision",
  GRANTED: "Beviljad / Granted",
  SELF_GRANTED: "Beviljad / Granted",
  REFUSED: "Avslagen / Refused",
  EXPIRED: "Utgången / Expired",
};

/** PENDING, GRANTED (until expiresAt), EXPIRED (granted, past expiresAt) or REFUSED, at `now`. */
export function standing(grant: Pick<Grant, "status" | "expiresAt">, now: number): string {
  const granted = grant.status === "GRANTED" || grant.status === "SELF_GRANTED";
  if (granted && grant.expiresAt && Date.parse(grant.expiresAt) <= now) return "EXPIRED";
  return grant.status;
}

export function countdown(expiresAt: string, now: number): string {
  const seconds = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Requests({ grants }: { grants: Grant[] }) {
  const now = useNow(1000);
  if (grants.length === 0) return <p>Inga begäranden / No requests.</p>;
  return (
    <table>
      <caption>Mina begäranden / My requests</caption>
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Person</th>
          <th scope="col">Begärd / Requested</th>
          <th scope="col">Läge / Status</th>
          <th scope="col">Tid kvar / Time left</th>
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => {
          const state = standing(grant, now);
          return (
            <tr key={grant.id} data-request={grant.id} data-status={state}>
              <td>{grant.id}</td>
              <td>{state === "GRANTED" || state === "SELF_GRANTED" ? <Link to={`/app/clients/${encodeURIComponent(grant.subjectId)}`}>{grant.subjectId}</Link> : grant.subjectId}</td>
              <td>{new Date(grant.requestedAt).toLocaleString("sv-SE")}</td>
              <td className={`status-${state.toLowerCase()}`}>{STATUS[state] ?? state}</td>
              <td>{state === "GRANTED" || state === "SELF_GRANTED" ? <span aria-live="off">{grant.expiresAt ? countdown(grant.expiresAt, now) : "—"}</span> : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Break the glass: ask social services' on-call to disclose where a person is, with a reason.
 * It opens nothing until granted; a grant lasts minutes. Needs the purpose EMERGENCY at sign-in.
 */
export function EmergencyPage({ subjectId }: { subjectId?: string }) {
  const requests = useQuery(EmergencyRequestsDocument, {});
  const request = useMutation(RequestEmergencyAccessDocument);
  const [subject, setSubject] = useState(subjectId ?? "");
  const [reason, setReason] = useState("");
  const { reload } = requests;
  // While something is pending or granted, its standing is asked again every few seconds.
  useEffect(() => {
    const timer = window.setInterval(reload, 5000);
    return () => window.clearInterval(timer);
  }, [reload]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await request.run({ subjectId: subject.trim(), reason });
    if (result?.data) {
      setReason("");
      reload();
    }
  };
  const refusal = request.loaded.state === "done" ? request.loaded.result.errors[0] : undefined;
  const refusalWords = refusal ? explainError(String(refusal.extensions?.reason ?? refusal.extensions?.code ?? "")) : null;

  return (
    <section aria-labelledby="emergency-heading">
      <h1 id="emergency-heading">Nödåtkomst / Break the glass</h1>
      <p>
        Begär att socialjouren lämnar ut var en person finns, vid fara för liv eller hälsa. Begäran öppnar ingenting förrän den beviljats, och
        allt loggas och granskas. / Ask social services' on-call to disclose where a person is, when life or health is in danger. Nothing opens
        until it is granted; everything is logged and reviewed.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="subject">Personens id / Person id</label>
        <input id="subject" name="subjectId" value={subject} onChange={(event) => setSubject(event.target.value)} required />
        <label htmlFor="reason">Skäl / Reason</label>
        <textarea id="reason" name="reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} required minLength={10} />
        <button type="submit" disabled={request.loaded.state === "loading"}>
          Begär nödåtkomst / Request emergency access
        </button>
      </form>
      {request.loaded.state === "failed" ? <Failure code={request.loaded.code} message={request.loaded.message} /> : null}
      {refusal && refusalWords ? (
        <div role="alert" className="failure">
          <p>
            <span lang="sv">{refusalWords.sv}</span> / <span lang="en">{refusalWords.en}</span>
          </p>
          <p className="code">{refusal.message}</p>
        </div>
      ) : null}
      {request.loaded.state === "done" && request.loaded.result.data ? (
        <p role="status">Begäran skickad / Request sent: {request.loaded.result.data.requestEmergencyAccess.id}</p>
      ) : null}
      {requests.state === "loading" ? <Loading what="begäranden" /> : null}
      {requests.state === "failed" ? <Failure code={requests.code} message={requests.message} /> : null}
      {requests.state === "done" ? (
        requests.result.data ? (
          <Requests grants={requests.result.data.myEmergencyRequests} />
        ) : (
          <Failure code={requests.result.errors[0]?.extensions?.code} message={requests.result.errors[0]?.message ?? ""} />
        )
      ) : null}
    </section>
  );
}
