import { ClientViewDocument, type ClientViewQuery } from "../gql/graphql.js";
import { useQuery } from "../graphql/use-operation.js";
import { Link } from "../Link.js";
import { Failure, Loading } from "../Status.js";
import { Row, Shown } from "../withheld/Field.js";
import { Withholdings } from "../withheld/withheld.js";
import { display, RecordTable } from "./RecordTable.js";

type Person = NonNullable<ClientViewQuery["person"]>;

const LEVELS: Record<string, string> = {
  NONE: "Inget skydd / None",
  CONFIDENTIALITY_MARKED: "Sekretessmarkering / Confidentiality marked",
  PROTECTED_REGISTRATION: "Skyddad folkbokföring / Protected registration",
  ASSUMED_IDENTITY: "Fingerade personuppgifter / Assumed identity",
};

/** How to handle the person: first on the page, before anything else about her. */
function Protection({ person, withheld }: { person: Person; withheld: Withholdings }) {
  const level = withheld.answer(person.protectionLevel, ["person", "protectionLevel"]);
  const instructions = withheld.answer(person.handlingInstructions, ["person", "handlingInstructions"]);
  const protectedLevel = level.state === "value" && level.value !== "NONE";
  return (
    <section aria-labelledby="protection-heading" className={`protection${protectedLevel || level.state !== "value" ? " protected" : ""}`}>
      <h2 id="protection-heading">Skydd och hantering / Protection and handling</h2>
      <dl>
        <Row label="Skyddsnivå / Protection level" answer={level} render={(value) => LEVELS[value] ?? value} />
        <dt>Hanteringsinstruktioner / Handling instructions</dt>
        <dd>
          {instructions.state === "value" ? (
            instructions.value.length === 0 ? (
              "Inga / None"
            ) : (
              <ul>
                {instructions.value.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )
          ) : (
            <Shown answer={instructions} />
          )}
        </dd>
      </dl>
    </section>
  );
}

function Identity({ person, withheld }: { person: Person; withheld: Withholdings }) {
  const at = (key: keyof Person) => withheld.answer(person[key], ["person", key]);
  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading">Person</h2>
      <dl>
        <Row label="Förnamn / Given name" answer={at("givenName")} />
        <Row label="Efternamn / Family name" answer={at("familyName")} />
        <Row label="Född / Born" answer={at("birthDate")} render={display} />
        <Row label="Adress / Street address" answer={at("streetAddress")} />
        <Row label="Postnummer / Postal code" answer={at("postalCode")} />
        <Row label="Ort / City" answer={at("city")} />
        <Row label="Telefon / Phone" answer={at("phone")} />
      </dl>
    </section>
  );
}

/** One client across the four agencies, as far as the caller may see her. */
export function ClientPage({ id }: { id: string }) {
  const loaded = useQuery(ClientViewDocument, { id });
  if (loaded.state === "loading") return <Loading what="klienten" />;
  if (loaded.state === "failed") return <Failure code={loaded.code} message={loaded.message} />;
  const { data, errors } = loaded.result;
  const withheld = new Withholdings(errors);
  const person = data?.person;
  const refusal = errors.find((error) => !error.path || error.path.length <= 1);
  if (!person) {
    const reason = withheld.reasonAt(["person"]);
    return (
      <>
        <h1>Klient / Client {id}</h1>
        {reason ? <Shown answer={{ state: "withheld", reason }} /> : refusal ? <Failure code={refusal.extensions?.code} message={refusal.message} /> : <p>Ingen sådan person / No such person.</p>}
      </>
    );
  }
  const name = [person.givenName, person.familyName].filter(Boolean).join(" ");
  return (
    <>
      <h1>
        Klient / Client <span className="id">{person.id}</span>
        {name ? ` — ${name}` : ""}
      </h1>
      <Protection person={person} withheld={withheld} />
      <p>
        <Link to={`/app/emergency?subject=${encodeURIComponent(person.id)}`}>Begär nödåtkomst / Request emergency access</Link>
      </p>
      <Identity person={person} withheld={withheld} />
      <RecordTable
        title="Ärenden / Cases"
        agency="Socialtjänsten"
        rows={person.cases}
        path={["person", "cases"]}
        withheld={withheld}
        columns={[
          { label: "Typ / Type", key: "type" },
          { label: "Status", key: "status" },
          { label: "Öppnat / Opened", key: "openedAt" },
          { label: "Avslutat / Closed", key: "closedAt" },
          { label: "Enhet / Unit", key: "unit" },
        ]}
      />
      <RecordTable
        title="Bostadsansökningar / Housing applications"
        agency="Bostad"
        rows={person.housingApplications}
        path={["person", "housingApplications"]}
        withheld={withheld}
        columns={[
          { label: "Status", key: "status" },
          { label: "Angelägenhet / Urgency", key: "urgency" },
          { label: "Önskat område / Requested area", key: "requestedArea" },
          { label: "Hushåll / Household size", key: "householdSize" },
          { label: "Inlämnad / Submitted", key: "submittedAt" },
        ]}
      />
      <RecordTable
        title="Hyresavtal / Tenancies"
        agency="Bostad"
        rows={person.tenancies}
        path={["person", "tenancies"]}
        withheld={withheld}
        columns={[
          { label: "Status", key: "status" },
          { label: "Från / From", key: "startsOn" },
          { label: "Till / To", key: "endsOn" },
          { label: "Hyresvärd / Landlord", key: "landlord" },
          { label: "Adress / Address", key: "streetAddress" },
          { label: "Ort / City", key: "city" },
        ]}
      />
      <RecordTable
        title="Händelser / Incidents"
        agency="Polisen"
        rows={person.incidents}
        path={["person", "incidents"]}
        withheld={withheld}
        columns={[
          { label: "Kategori / Category", key: "category" },
          { label: "När / When", key: "occurredAt" },
          { label: "Plats / Place", key: "place" },
          { label: "Beskrivning / Description", key: "description" },
        ]}
      />
      <RecordTable
        title="Kontaktförbud / Restraining orders"
        agency="Polisen"
        rows={person.restrainingOrders}
        path={["person", "restrainingOrders"]}
        withheld={withheld}
        columns={[
          { label: "Slag / Kind", key: "kind" },
          { label: "Från / From", key: "validFrom" },
          { label: "Till / To", key: "validTo" },
          { label: "Gäller / Active", key: "active" },
        ]}
      />
      <RecordTable
        title="Barnärenden / Children's cases"
        agency="Barn och familj"
        rows={person.childCases}
        path={["person", "childCases"]}
        withheld={withheld}
        columns={[
          { label: "Status", key: "status" },
          { label: "Oro / Concern", key: "concern" },
          { label: "Öppnat / Opened", key: "openedAt" },
        ]}
      />
      <RecordTable
        title="Skolor / Schools"
        agency="Barn och familj"
        rows={person.schoolPlacements}
        path={["person", "schoolPlacements"]}
        withheld={withheld}
        columns={[
          { label: "Slag / Kind", key: "kind" },
          { label: "Skola / School", key: "schoolName" },
          { label: "Kommun / Municipality", key: "municipality" },
          { label: "Från / From", key: "startsOn" },
        ]}
      />
      <Household person={person} withheld={withheld} />
    </>
  );
}

/** The household's children: their cases and schools, each under the same rules. */
function Household({ person, withheld }: { person: Person; withheld: Withholdings }) {
  const members = withheld.answer(person.household, ["person", "household"]);
  return (
    <section aria-labelledby="household-heading">
      <h2 id="household-heading">Hushållet / Household</h2>
      {members.state !== "value" ? (
        <p>
          <Shown answer={members} />
        </p>
      ) : members.value.length === 0 ? (
        <p>Inga andra / No one else</p>
      ) : (
        members.value.map((member, index) => {
          const at = ["person", "household", index] as const;
          return (
            <article key={member.id} aria-label={`Hushållsmedlem / Household member ${member.id}`}>
              <h3>
                <Link to={`/app/clients/${encodeURIComponent(member.id)}`}>{member.id}</Link>{" "}
                <Shown answer={withheld.answer(member.givenName, [...at, "givenName"])} />
              </h3>
              <RecordTable title="Barnärenden / Children's cases" agency="Barn och familj" rows={member.childCases} path={[...at, "childCases"]} withheld={withheld} columns={[{ label: "Status", key: "status" }, { label: "Oro / Concern", key: "concern" }]} />
              <RecordTable title="Skolor / Schools" agency="Barn och familj" rows={member.schoolPlacements} path={[...at, "schoolPlacements"]} withheld={withheld} columns={[{ label: "Slag / Kind", key: "kind" }, { label: "Skola / School", key: "schoolName" }, { label: "Kommun / Municipality", key: "municipality" }]} />
            </article>
          );
        })
      )}
    </section>
  );
}
