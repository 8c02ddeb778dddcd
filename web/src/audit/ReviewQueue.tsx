import { type FormEvent, useState } from "react";
import { AuditReviewEmergencyDocument, type AuditReviewQueueQuery, AuditReviewQueueDocument } from "../gql/graphql.js";
import { useMutation, useQuery } from "../graphql/use-operation.js";
import { Failure, Loading } from "../Status.js";
import { Refusal } from "./Refusal.js";

type Grant = AuditReviewQueueQuery["emergencyReviewQueue"]["grants"][number];

const when = (at: string | null | undefined) => (at ? new Date(at).toLocaleString("sv-SE") : "—");

/**
 * One granted disclosure awaiting review, with the review form. The hub refuses a review by who
 * asked for it or who granted it; its reason is shown here in plain words.
 */
function GrantReview({ grant, reviewed }: { grant: Grant; reviewed: () => void }) {
  const review = useMutation(AuditReviewEmergencyDocument);
  const [outcome, setOutcome] = useState("JUSTIFIED");
  const [note, setNote] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await review.run({ grantId: grant.id, outcome, note: note.trim() });
    if (result?.data) reviewed();
  };
  const refusal = review.loaded.state === "done" ? review.loaded.result.errors[0] : undefined;
  const heading = `grant-${grant.id}`;
  return (
    <article className="grant" aria-labelledby={heading} data-grant={grant.id}>
      <h3 id={heading}>
        Nödåtkomst / Emergency disclosure <span className="id">{grant.id}</span>
      </h3>
      <dl>
        <dt>Person (id)</dt>
        <dd className="id">{grant.subjectId}</dd>
        <dt>Begärd av / Requested by</dt>
        <dd>
          <span className="id" data-testid="requested-by">
            {grant.staffId}
          </span>{" "}
          ({grant.role}), {when(grant.requestedAt)}
        </dd>
        <dt>Beviljad av / Granted by</dt>
        <dd>
          <span className="id" data-testid="granted-by">
            {grant.decidedBy ?? "—"}
          </span>
          , {when(grant.decidedAt)} · {grant.ground ?? "—"} · {grant.status}
        </dd>
        <dt>Gäller till / Valid until</dt>
        <dd>{when(grant.expiresAt)}</dd>
        <dt>Angivet skäl / Stated emergency</dt>
        <dd>{grant.reason}</dd>
        <dt>Beslutsanteckning / Decision note</dt>
        <dd>{grant.decisionNote ?? "—"}</dd>
      </dl>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Bedömning / Outcome</legend>
          {(["JUSTIFIED", "UNJUSTIFIED"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name={`outcome-${grant.id}`} value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
              {value === "JUSTIFIED" ? "Befogad / Justified" : "Obefogad / Unjustified"}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`note-${grant.id}`}>Granskningsanteckning / Review note</label>
        <textarea id={`note-${grant.id}`} rows={2} minLength={5} maxLength={1000} required value={note} onChange={(event) => setNote(event.target.value)} />
        <button type="submit" disabled={review.loaded.state === "loading"}>
          Registrera granskning / Record review
        </button>
      </form>
      {review.loaded.state === "failed" ? <Failure code={review.loaded.code} message={review.loaded.message} /> : null}
      {refusal ? <Refusal error={refusal} /> : null}
    </article>
  );
}

/** Granted emergency disclosures not yet reviewed, oldest decision first; a review takes one off. */
export function ReviewQueue() {
  const queue = useQuery(AuditReviewQueueDocument, {});
  const [last, setLast] = useState<string | null>(null);
  const data = queue.state === "done" ? queue.result.data?.emergencyReviewQueue : undefined;
  const reviewed = (id: string) => () => {
    setLast(id);
    queue.reload();
  };
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Granskningskö för nödåtkomst / Emergency review queue</h2>
      <p>
        Varje beviljad nödåtkomst granskas i efterhand av någon annan än den som begärde och den som beviljade den. / Every granted emergency disclosure
        is reviewed afterwards by someone other than who asked for it and who granted it.
      </p>
      {last ? (
        <p role="status" className="done">
          Granskning registrerad / Review recorded: <span className="id">{last}</span>
        </p>
      ) : null}
      {queue.state === "loading" ? <Loading what="granskningskön" /> : null}
      {queue.state === "failed" ? <Failure code={queue.code} message={queue.message} /> : null}
      {queue.state === "done" && !data && queue.result.errors[0] ? <Refusal error={queue.result.errors[0]} /> : null}
      {data ? (
        <>
          <p data-testid="unreviewed">
            Ogranskade / Unreviewed: <strong>{data.unreviewed ?? data.grants.length}</strong>
          </p>
          {data.grants.length === 0 ? <p>Inget att granska / Nothing to review.</p> : null}
          {data.grants.map((grant) => (
            <GrantReview key={grant.id} grant={grant} reviewed={reviewed(grant.id)} />
          ))}
        </>
      ) : null}
      <button type="button" className="secondary" onClick={queue.reload}>
        Uppdatera / Refresh
      </button>
    </section>
  );
}
