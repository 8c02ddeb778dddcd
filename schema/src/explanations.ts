/**
 * What every code the hub answers means, in words a caseworker understands, in Swedish and
 * English: the error codes (extensions.code), the reasons beside them (extensions.reason) and
 * the reasons a field is withheld. A front end shows `explain(reason ?? code)`.
 *
 * Pure data and one lookup, no I/O and no Node-only import: it is bundled into browser apps
 * (import "@skyddsnat/schema/explanations"). A test in the gateway collects the codes from the
 * code and fails when one is missing here.
 */

export interface Explanation {
  code: string;
  /** "withheld": why a field came back null; "error": why a request or a part of it failed. */
  kind: "error" | "withheld";
  /** The HTTP status the hub answers with, where the code has one of its own. */
  http?: number;
  sv: string;
  en: string;
}

type Entry = Omit<Explanation, "code">;

const error = (http: number | undefined, sv: string, en: string): Entry => (http === undefined ? { kind: "error", sv, en } : { kind: "error", http, sv, en });
const withheld = (sv: string, en: string): Entry => ({ kind: "withheld", sv, en });

const TRY_AGAIN_SV = "Försök igen om en stund.";
const TRY_AGAIN_EN = "Try again shortly.";
const SIGN_IN_SV = "Logga in på nytt. Kvarstår felet, kontakta er systemförvaltare.";
const SIGN_IN_EN = "Sign in again. If it persists, contact your system administrators.";
const CLIENT_SV = "Felet ligger i klientprogrammet, inte i dina uppgifter: kontakta er systemförvaltare.";
const CLIENT_EN = "The fault is in the client program, not in what you entered: contact your system administrators.";

/** extensions.code: what kind of answer it is. */
const CODES: Record<string, Entry> = {
  UNAUTHENTICATED: error(401, `Du är inte inloggad eller inloggningen gäller inte längre. ${SIGN_IN_SV}`, `You are not signed in, or your sign-in is no longer valid. ${SIGN_IN_EN}`),
  ISSUER_UNAVAILABLE: error(503, `Inloggningen kan inte kontrolleras just nu eftersom er myndighets inloggningstjänst inte svarar. ${TRY_AGAIN_SV}`, `Your sign-in cannot be checked right now because your agency's sign-in service does not answer. ${TRY_AGAIN_EN}`),
  FORBIDDEN: error(undefined, "Åtkomstreglerna tillåter inte dig att göra detta. Inget ändrades.", "The access rules do not allow you to do this. Nothing was changed."),
  FORBIDDEN_FIELD: withheld("Uppgiften visas inte för dig enligt reglerna för skyddade personuppgifter.", "This information is withheld from you under the rules for protected personal data."),
  BAD_USER_INPUT: error(undefined, "Uppgifterna kunde inte användas som de är angivna. Rätta och försök igen; inget ändrades.", "The details could not be used as entered. Correct them and try again; nothing was changed."),
  NOT_FOUND: error(404, "Det efterfrågade finns inte.", "What was asked for does not exist."),
  SUBGRAPH_UNAVAILABLE: error(undefined, `En myndighets tjänst svarade inte, så dess uppgifter saknas i svaret. Resten av svaret gäller. ${TRY_AGAIN_SV}`, `One agency's service did not answer, so its information is missing from this answer. The rest of the answer holds. ${TRY_AGAIN_EN}`),
  AUDIT_UNAVAILABLE: withheld(`Loggen kan inte registrera åtkomsten just nu, så skyddade uppgifter visas inte och inga ändringar görs. ${TRY_AGAIN_SV}`, `The audit log cannot record the access right now, so protected information is not shown and no change is made. ${TRY_AGAIN_EN}`),
  RATE_LIMITED: error(429, "För många förfrågningar från dig på kort tid. Vänta en stund och försök igen.", "Too many requests from you in a short time. Wait a moment and try again."),
  OVERLOADED: error(503, `Navet är hårt belastat just nu. ${TRY_AGAIN_SV}`, `The hub is at capacity right now. ${TRY_AGAIN_EN}`),
  BAD_REQUEST: error(400, `Förfrågan var felaktigt utformad. ${CLIENT_SV}`, `The request was malformed. ${CLIENT_EN}`),
  PAYLOAD_TOO_LARGE: error(413, `Förfrågan var för stor. ${CLIENT_SV}`, `The request was too large. ${CLIENT_EN}`),
  UNAVAILABLE: error(503, `Tjänsten tar inte emot fler anslutningar just nu. ${TRY_AGAIN_SV}`, `The service takes no more connections right now. ${TRY_AGAIN_EN}`),
  INTERNAL_SERVER_ERROR: error(500, "Ett oväntat fel uppstod i navet. Inga skyddade uppgifter lämnades ut. Kontakta er systemförvaltare om det upprepas.", "An unexpected fault occurred in the hub. No protected information was disclosed. Contact your system administrators if it recurs."),
  GRAPHQL_PARSE_FAILED: error(400, `Frågan kunde inte läsas. ${CLIENT_SV}`, `The query could not be read. ${CLIENT_EN}`),
  GRAPHQL_VALIDATION_FAILED: error(400, `Frågan stämmer inte med navets schema. ${CLIENT_SV}`, `The query does not match the hub's schema. ${CLIENT_EN}`),
  OPERATION_NOT_FOUND: error(400, `Frågan som skulle köras finns inte i dokumentet. ${CLIENT_SV}`, `The operation to run is not in the document. ${CLIENT_EN}`),
  OPERATION_NAME_REQUIRED: error(400, `Dokumentet innehåller flera frågor och det framgår inte vilken som ska köras. ${CLIENT_SV}`, `The document holds several operations and does not say which to run. ${CLIENT_EN}`),
  SUBSCRIPTION_NOT_SUPPORTED: error(400, `Navet besvarar bara frågor och ändringar, inte prenumerationer. ${CLIENT_SV}`, `The hub answers queries and mutations only, not subscriptions. ${CLIENT_EN}`),
  OPERATION_NOT_EVALUABLE: error(400, `Navet kan inte pröva frågan mot åtkomstreglerna, så den kördes inte. ${CLIENT_SV}`, `The hub cannot check this query against the access rules, so it was not run. ${CLIENT_EN}`),
  RESERVED_NAME: error(400, `Frågan använder ett namn som är reserverat för navet. ${CLIENT_SV}`, `The query uses a name reserved for the hub. ${CLIENT_EN}`),
  PERSISTED_QUERY_NOT_SUPPORTED: error(400, `Navet tar inte emot frågor enbart som kontrollsumma; skicka frågans text. ${CLIENT_SV}`, `The hub does not take queries by hash alone; send the query text. ${CLIENT_EN}`),
  PERSISTED_QUERY_NOT_ALLOWED: error(400, `Frågan finns inte bland de godkända frågorna för det här programmet. ${CLIENT_SV}`, `The query is not among the approved queries for this program. ${CLIENT_EN}`),
  OPERATION_TOO_DEEP: error(400, `Frågan är för djupt nästlad. ${CLIENT_SV}`, `The query is nested too deeply. ${CLIENT_EN}`),
  TOO_MANY_ALIASES: error(400, `Frågan innehåller för många alias. ${CLIENT_SV}`, `The query has too many aliases. ${CLIENT_EN}`),
  TOO_MANY_DIRECTIVES: error(400, `Frågan innehåller för många direktiv. ${CLIENT_SV}`, `The query has too many directives. ${CLIENT_EN}`),
  TOO_MANY_TOKENS: error(400, `Frågan är för lång. ${CLIENT_SV}`, `The query is too long. ${CLIENT_EN}`),
  OPERATION_TOO_COSTLY: error(400, "Frågan skulle hämta för mycket på en gång. Be om färre rader per sida.", "The query would fetch too much at once. Ask for fewer rows per page."),
  TOO_MANY_ROOT_FIELDS: error(400, `Frågan ber om för många saker på en gång. ${CLIENT_SV}`, `The query asks for too many things at once. ${CLIENT_EN}`),
  DOCUMENT_TOO_LARGE: error(400, `Frågedokumentet är för stort. ${CLIENT_SV}`, `The query document is too large. ${CLIENT_EN}`),
};

/** extensions.reason of UNAUTHENTICATED: why the sign-in token was refused. */
const AUTHENTICATION: Record<string, Entry> = {
  NO_TOKEN: error(401, "Förfrågan saknar inloggning. Logga in.", "The request carries no sign-in. Sign in."),
  MALFORMED_TOKEN: error(401, `Inloggningsbeviset är skadat. ${SIGN_IN_SV}`, `The sign-in token is damaged. ${SIGN_IN_EN}`),
  UNKNOWN_ISSUER: error(401, "Inloggningen kommer från en tjänst som navet inte känner till. Logga in via din myndighets inloggning.", "The sign-in comes from a service the hub does not know. Sign in through your agency's sign-in."),
  ALGORITHM_NOT_ALLOWED: error(401, `Inloggningsbeviset är signerat på ett sätt som navet inte godtar. ${SIGN_IN_SV}`, `The sign-in token is signed in a way the hub does not accept. ${SIGN_IN_EN}`),
  BAD_SIGNATURE: error(401, `Inloggningsbevisets signatur stämmer inte. ${SIGN_IN_SV}`, `The sign-in token's signature does not match. ${SIGN_IN_EN}`),
  WRONG_AUDIENCE: error(401, `Inloggningen gäller ett annat system än navet. ${SIGN_IN_SV}`, `The sign-in is for another system than the hub. ${SIGN_IN_EN}`),
  EXPIRED: error(401, "Inloggningen har gått ut. Logga in på nytt.", "Your sign-in has expired. Sign in again."),
  NOT_YET_VALID: error(401, "Inloggningen gäller inte ännu. Kontrollera datorns klocka och logga in på nytt.", "Your sign-in is not valid yet. Check the computer's clock and sign in again."),
  MISSING_CLAIM: error(401, `Inloggningen saknar en uppgift navet behöver (t.ex. roll eller ändamål). ${SIGN_IN_SV}`, `Your sign-in lacks something the hub needs (such as role or purpose). ${SIGN_IN_EN}`),
  BAD_CLAIM: error(401, `En uppgift i inloggningen är ogiltig. ${SIGN_IN_SV}`, `Something in your sign-in is not valid. ${SIGN_IN_EN}`),
  ROLE_NOT_IN_AGENCY: error(401, "Rollen i inloggningen finns inte på din myndighet. Kontakta er behörighetsadministratör.", "The role in your sign-in does not exist at your agency. Contact your access administrator."),
  PURPOSE_NOT_ALLOWED: error(401, "Ändamålet du angett är inte tillåtet för din roll. Välj ett ändamål som gäller för ditt arbete.", "The purpose you stated is not allowed for your role. Choose a purpose that applies to your work."),
  UNIT_REQUIRED: error(401, "Din roll kräver att du anger vilken enhet du arbetar på. Logga in med din enhet.", "Your role requires you to state the unit you work in. Sign in with your unit."),
  UNIT_NOT_IN_AGENCY: error(401, "Enheten i inloggningen hör inte till din myndighet. Kontakta er behörighetsadministratör.", "The unit in your sign-in is not one of your agency's. Contact your access administrator."),
};

/** extensions.reason of SUBGRAPH_UNAVAILABLE: why an agency's service gave no answer. */
const UNAVAILABLE: Record<string, Entry> = {
  CIRCUIT_OPEN: error(undefined, `Myndighetens tjänst har inte svarat på en stund, så navet frågar den inte just nu. ${TRY_AGAIN_SV}`, `The agency's service has not answered for a while, so the hub is not asking it right now. ${TRY_AGAIN_EN}`),
  TIMEOUT: error(undefined, `Myndighetens tjänst svarade inte i tid. ${TRY_AGAIN_SV}`, `The agency's service did not answer in time. ${TRY_AGAIN_EN}`),
  UNREACHABLE: error(undefined, `Myndighetens tjänst gick inte att nå. ${TRY_AGAIN_SV}`, `The agency's service could not be reached. ${TRY_AGAIN_EN}`),
  FAILED: error(undefined, `Myndighetens tjänst svarade med ett fel. ${TRY_AGAIN_SV}`, `The agency's service answered with a fault. ${TRY_AGAIN_EN}`),
};

/** extensions.reason of FORBIDDEN_FIELD (and the audit trail): why a field was withheld. */
const WITHHELD: Record<string, Entry> = {
  PROTECTION_LEVEL_UNKNOWN: withheld("Personens skyddsnivå är inte känd just nu, så uppgiften visas inte förrän den är fastställd.", "The person's protection level is not known right now, so this is withheld until it is."),
  NOT_PERMITTED_FOR_ROLE: withheld("Din roll får aldrig se eller göra detta för en person med den här skyddsnivån.", "Your role may never see or do this for a person at this protection level."),
  REQUIRES_ASSIGNMENT: withheld("Personen har skyddade personuppgifter och du är inte tilldelad hennes ärende. Bara de som är tilldelade ärendet får se eller göra detta.", "The person has protected personal data and you are not assigned to her case. Only those assigned to the case may see or do this."),
  REQUIRES_HANDLING: withheld("Personen har skyddade personuppgifter och du handlägger inte hennes ärende (du är inte tilldelad, har inget samtycke och ärendet hör inte till din enhet).", "The person has protected personal data and you do not handle her case (you are not assigned, hold no consent, and the case is not your unit's)."),
  REQUIRES_OWN_UNIT: withheld("Detta får bara den enhet som har ärendet se. Ärendet hör inte till din enhet.", "Only the unit holding the case may see this. The case is not your unit's."),
  REQUIRES_CONSENT: withheld("Personen har inte samtyckt till att din myndighet får del av den här sortens uppgifter, eller samtycket gäller inte längre.", "The person has not consented to your agency receiving this kind of information, or the consent is no longer valid."),
  REQUIRES_ASSIGNMENT_AND_CONSENT: withheld("Detta kräver både att du är tilldelad ärendet och att personen har samtyckt till att din myndighet får del av det.", "This requires both that you are assigned to the case and that the person has consented to your agency receiving it."),
  REQUIRES_STEWARDSHIP: withheld("Bara den handläggare som är ansvarig för uppgiften (och bara den aktuella, aldrig en tidigare) får se detta.", "Only the officer responsible for this record (and only the current one, never an earlier one) may see this."),
  REQUIRES_EMERGENCY_GROUND: withheld("Detta lämnas bara ut i en nödsituation, efter en beviljad begäran om nödåtkomst, och bara var hon är nu.", "This is disclosed only in an emergency, after a granted emergency request, and only where she is now."),
  REQUIRES_PARTICIPATION: withheld("Var mötet hålls får bara de som deltar i mötet och är tilldelade ärendet se.", "Where the meeting is held may be seen only by its participants who are assigned to the case."),
  UNCLASSIFIED_FIELD: withheld("Uppgiften har ännu ingen klassning i åtkomstreglerna, så den visas inte för någon. Kontakta er systemförvaltare.", "This field has no class in the access rules yet, so it is shown to no one. Contact your system administrators."),
  EXCLUDED_BY_FILTER: withheld("(Loggen) En sökning matchade en skyddad person på en uppgift som söktes på men som inte får lämnas ut; personen visades inte i träfflistan.", "(Audit log) A search matched a protected person on a field she may not be found by; she was left out of the results."),
};

/** extensions.reason of FORBIDDEN: why the write policy refused a change. */
const WRITE_REFUSED: Record<string, Entry> = {
  SUBJECT_UNKNOWN: error(undefined, "Personen är inte känd i navet, så ändringen kan inte göras.", "The person is not known to the hub, so the change cannot be made."),
  SUBJECT_PROTECTED: error(undefined, "Personen har skyddade personuppgifter, och din roll får inte göra den här ändringen för henne.", "The person has protected personal data, and your role may not make this change for her."),
  REQUIRES_CASE_OWNER: error(undefined, "Bara ärendets ägare (ansvarig enhet eller handläggare) får göra detta.", "Only the case's owner (the unit or officer responsible) may do this."),
  SELF_ASSIGNMENT: error(undefined, "Du kan inte tilldela dig själv ett ärende; en arbetsledare eller ärendets ägare gör det.", "You cannot assign yourself to a case; a team lead or the case's owner does."),
  LEVEL_NOT_RAISED: error(undefined, "Din roll får bara höja en persons skyddsnivå, aldrig sänka den.", "Your role may only raise a person's protection level, never lower it."),
  REQUIRES_CHILD_CASE_OFFICER: error(undefined, "Bara den handläggare som har barnets ärende får göra detta.", "Only the officer holding the child's case may do this."),
  ENDS_ANOTHER_OFFICERS_PLACEMENT: error(undefined, "Ändringen skulle avsluta en placering som en annan handläggare ansvarar för.", "The change would end a placement another officer is responsible for."),
  OWN_EMERGENCY_REQUEST: error(undefined, "Du kan inte besluta om din egen begäran om nödåtkomst; någon annan måste göra det.", "You cannot decide on your own emergency request; someone else must."),
  OWN_EMERGENCY_DISCLOSURE: error(undefined, "Du kan inte granska en nödåtkomst som du själv beviljade; någon annan måste göra det.", "You cannot review an emergency disclosure you granted yourself; someone else must."),
  ALREADY_QUARANTINED: error(undefined, "Den tidigare identiteten är redan spärrad. Inget ändrades.", "That former identity is already quarantined. Nothing was changed."),
  REQUIRES_AGENCY_SYSTEM: error(undefined, "Sökning på personnummer får bara göras av myndigheternas system, inte av enskilda handläggare.", "Looking a person up by identity number is for agency systems only, not for individual staff."),
};

/** extensions.reason of BAD_USER_INPUT: what in the request cannot be used. */
const INPUT: Record<string, Entry> = {
  ROLE_NOT_OF_AGENCY: error(undefined, "Den medarbetarens myndighet har inte den rollen. Välj en roll som finns på hennes myndighet.", "That staff member's agency does not have that role. Choose a role her agency has."),
  GIVER_NOT_SUBJECT_OR_CUSTODIAN: error(undefined, "Samtycket måste lämnas av personen själv eller av en av hennes vårdnadshavare.", "The consent must be given by the person herself or by one of her custodians."),
  GIVER_IS_THREAT_PERSON: error(undefined, "En vårdnadshavare som är hotperson mot hushållet kan inte samtycka för barnet.", "A custodian who is a threat person to the household cannot consent for the child."),
  SUBJECT_DECIDES_HERSELF: error(undefined, "Personen är så gammal att hon själv lämnar sitt samtycke; en vårdnadshavare kan inte göra det åt henne.", "The person is old enough to give her consent herself; a custodian cannot give it for her."),
  UNIT_NOT_OF_RECIPIENT: error(undefined, "Den mottagande enheten hör inte till den mottagande myndigheten.", "The receiving unit is not one of the receiving agency's."),
  PARTICIPANT_NOT_ON_CASE: error(undefined, "Alla som deltar i mötet måste vara tilldelade ärendet.", "Everyone taking part in the meeting must be assigned to the case."),
  MEETING_PLACE_FORBIDDEN: error(undefined, "Personens hanteringsanvisningar förbjuder möten på den här sortens plats (den kan avslöja var hon bor). Välj en annan plats.", "The person's handling instructions forbid meetings at this kind of place (it may reveal where she lives). Choose another place."),
  HOUSEHOLD_PROTECTED_THROUGH_HER: error(undefined, "Någon hon bor med är skyddad mot en hotperson bara genom henne. Registrera det skyddet för dem först; inget ändrades.", "Someone she lives with is protected from a threat person only through her. Register that protection for them first; nothing was changed."),
  UNKNOWN_PERSON: error(undefined, "Det finns ingen person med det id:t.", "There is no person with that id."),
  PURPOSE_NOT_EMERGENCY: error(undefined, "Nödåtkomst begärs bara i en nödsituation: logga in med ändamålet nödsituation (EMERGENCY).", "Emergency access is asked for in an emergency only: sign in with the purpose EMERGENCY."),
  REASON_WITHOUT_CONTENT: error(undefined, "Skälet för nödåtkomsten säger inget. Beskriv varför det är bråttom.", "The reason for emergency access says nothing. Describe why it is urgent."),
  MINUTES_OUT_OF_RANGE: error(undefined, "Nödåtkomstens längd ligger utanför det tillåtna antalet minuter.", "The length of the emergency access is outside the allowed number of minutes."),
  UNKNOWN_GRANT: error(undefined, "Det finns ingen nödåtkomst med det id:t.", "There is no emergency access with that id."),
  NOT_GRANTED: error(undefined, "Bara en beviljad nödåtkomst granskas; den här öppnade ingenting.", "Only a granted emergency access is reviewed; this one opened nothing."),
  ALREADY_REVIEWED: error(undefined, "Nödåtkomsten är redan granskad.", "That emergency access is already reviewed."),
  UNKNOWN_REQUEST: error(undefined, "Det finns ingen begäran om nödåtkomst med det id:t.", "There is no emergency request with that id."),
  ALREADY_DECIDED: error(undefined, "Begäran om nödåtkomst är redan beslutad.", "That emergency request is already decided."),
  NOTE_TOO_LONG: error(undefined, "Anteckningen är för lång.", "The note is too long."),
  NOTE_REQUIRED: error(undefined, "Skriv varför det inte fanns skäl att lämna ut uppgiften.", "Say why no ground to disclose was found."),
};

/**
 * A code that means one thing as a withheld field's reason, the same thing as a refused change's
 * reason (PURPOSE_NOT_ALLOWED, NOT_PERMITTED_FOR_ROLE, REQUIRES_ASSIGNMENT…): one entry, worded
 * for both. Later groups may not redefine a code (a test checks the groups are disjoint).
 */
export const EXPLANATION_GROUPS: Readonly<Record<string, Readonly<Record<string, Entry>>>> = {
  codes: CODES,
  authentication: AUTHENTICATION,
  unavailable: UNAVAILABLE,
  withheld: WITHHELD,
  "write-refused": WRITE_REFUSED,
  input: INPUT,
};

export const EXPLANATIONS: Readonly<Record<string, Explanation>> = Object.freeze(
  Object.fromEntries(Object.values(EXPLANATION_GROUPS).flatMap((group) => Object.entries(group).map(([code, entry]) => [code, Object.freeze({ code, ...entry })]))),
);

const UNKNOWN: Omit<Explanation, "code"> = {
  kind: "error",
  sv: "Något gick inte som det skulle. Kontakta er systemförvaltare om det upprepas.",
  en: "Something did not work as it should. Contact your system administrators if it recurs.",
};

/** The explanation of a code; an unknown code gets a generic one (never throws). */
export function explain(code: string): Explanation {
  return (Object.hasOwn(EXPLANATIONS, code) ? EXPLANATIONS[code] : undefined) ?? { code, ...UNKNOWN };
}
