import { WhoDocument } from "../gql/graphql.js";
import { useQuery } from "../graphql/use-operation.js";
import { Link } from "../Link.js";
import { CASELOAD_ROLES } from "../roles.js";
import { Failure, Loading } from "../Status.js";
import { CaseloadPage } from "./CaseloadPage.js";
import { OnCallPage } from "./OnCallPage.js";
import { OpenClient } from "./OpenClient.js";


/** What the app offers a role that holds no caseload, said plainly on its first page. */
function RoleHome({ role }: { role: string }) {
  switch (role) {
    case "TEAM_LEAD":
      return (
        <section aria-labelledby="home-heading" data-home="TEAM_LEAD">
          <h1 id="home-heading">Arbetsledning / Team lead</h1>
          <p>
            Som arbetsledare har du ingen egen klientlista: du ser vilka enhetens ärenden gäller och hur de ska hanteras. Öppna en klient med
            id för skyddsnivå och hanteringsanvisningar. Att öppna, bemanna och avsluta ärenden görs i verksamhetssystemet. / As a team lead
            you hold no caseload of your own: you see whom your unit's cases concern and how to handle them. Open a client by id for the
            protection level and handling instructions. Opening, staffing and closing cases is done in the case system.
          </p>
          <OpenClient />
        </section>
      );
    case "PERSONAL_SECURITY":
      return (
        <section aria-labelledby="home-heading" data-home="PERSONAL_SECURITY">
          <h1 id="home-heading">Personsäkerhet / Personal security</h1>
          <p>
            Personsäkerhetsverksamheten är den enda som läser en tidigare identitets karantän. Öppna en person med id; allt du läser
            loggas. / The personal-security unit alone reads a former identity's quarantine. Open a person by id; everything you read is
            logged.
          </p>
          <OpenClient />
        </section>
      );
    case "AUDITOR":
      return (
        <section aria-labelledby="home-heading" data-home="AUDITOR">
          <h1 id="home-heading">Loggranskning / Audit</h1>
          <p>
            Du granskar loggen, inte klienter: sök i loggen, en persons åtkomsthistorik, nödåtkomster att granska, kedjans verifiering och
            export. / You review the trail, not clients: search it, one person's access history, emergency access to review, the chain's
            verification and the export.
          </p>
          <p>
            <Link to="/app/audit">Till granskningen / Open the auditors' console</Link>
          </p>
        </section>
      );
    default:
      return (
        <section aria-labelledby="home-heading" data-home="OTHER">
          <h1 id="home-heading">Skyddsnät</h1>
          <p>
            Webbappen har inga sidor för rollen {role}: den används av myndighetens system genom API:et. / The web app has no pages for the
            role {role}: it works through the API from its agency's system.
          </p>
        </section>
      );
  }
}

/** The first page after sign-in: the one her role works from. */
export function HomePage() {
  const who = useQuery(WhoDocument, {});
  if (who.state === "loading") return <Loading what="din startsida" />;
  if (who.state === "failed") return <Failure code={who.code} message={who.message} />;
  const role = who.result.data?.me.role;
  if (!role) return <Failure code={who.result.errors[0]?.extensions?.code} message={who.result.errors[0]?.message ?? ""} />;
  if (CASELOAD_ROLES.has(role)) return <CaseloadPage />;
  if (role === "SOCIAL_ON_CALL") return <OnCallPage />;
  return <RoleHome role={role} />;
}
