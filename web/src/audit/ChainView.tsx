import { AuditChainStatusDocument } from "../gql/graphql.js";
import { useQuery } from "../graphql/use-operation.js";
import { Failure, Loading } from "../Status.js";
import { Refusal } from "./Refusal.js";

/** The verifier's verdict, asked now: the whole hash chain and its signed checkpoints. */
export function ChainView() {
  const status = useQuery(AuditChainStatusDocument, {});
  const chain = status.state === "done" ? status.result.data?.auditChainStatus : undefined;
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">Kedjans verifiering / Chain verification</h2>
      <p>
        Varje loggpost bär föregående posts kontrollsumma; signerade kontrollpunkter låser kedjan. Verifieringen görs när du frågar. / Every record
        carries the previous one's hash; signed checkpoints seal the chain. It is verified when you ask.
      </p>
      {status.state === "loading" ? <Loading what="verifiering" /> : null}
      {status.state === "failed" ? <Failure code={status.code} message={status.message} /> : null}
      {status.state === "done" && !chain && status.result.errors[0] ? <Refusal error={status.result.errors[0]} /> : null}
      {chain ? (
        <div className={`chain ${chain.ok ? "chain-ok" : "chain-broken"}`} data-chain={chain.ok ? "verified" : "broken"}>
          <p className="verdict">{chain.ok ? "✓ Verifierad / Verified" : "✗ Bruten / Broken"}</p>
          <dl>
            <dt>Poster / Records</dt>
            <dd data-testid="chain-records">{chain.records ?? "—"}</dd>
            <dt>Kontrollpunkter / Checkpoints</dt>
            <dd data-testid="chain-checkpoints">{chain.checkpoints ?? "—"}</dd>
            {chain.ok ? null : (
              <>
                <dt>Första fel vid nr / First problem at seq</dt>
                <dd className="id">{chain.problemSeq ?? "—"}</dd>
                <dt>Fel / Problem</dt>
                <dd className="id">{chain.problem ?? "—"}</dd>
              </>
            )}
          </dl>
        </div>
      ) : null}
      <button type="button" onClick={status.reload}>
        Verifiera igen / Verify again
      </button>
    </section>
  );
}
