/**
 * Plain words for the codes the hub answers with. Until the shared catalogue
 * (schema/src/explanations.ts) is merged, this holds the reasons the policy gives today; an
 * unknown code still reads as withheld, with the code shown, never as an empty value.
 */
export interface Explanation {
  sv: string;
  en: string;
}

const REASONS: Record<string, Explanation> = {
  NOT_PERMITTED_FOR_ROLE: { sv: "Din roll får inte se uppgiften.", en: "Your role may not see this." },
  REQUIRES_ASSIGNMENT: { sv: "Du är inte tilldelad ärendet.", en: "You are not assigned to the case." },
  REQUIRES_CONSENT: { sv: "Personen har inte samtyckt till att din enhet ser uppgiften.", en: "The person has not consented to your unit seeing this." },
  PROTECTED_REGISTRATION: { sv: "Skyddade personuppgifter: var personen finns lämnas inte ut.", en: "Protected personal data: where the person is is not disclosed." },
  PURPOSE_NOT_ALLOWED: { sv: "Det ändamål du angav räcker inte för uppgiften.", en: "The purpose you stated does not cover this." },
  PROTECTION_LEVEL_UNKNOWN: { sv: "Skyddsnivån är okänd, så uppgiften hålls inne.", en: "The protection level is unknown, so this is withheld." },
};

const ERRORS: Record<string, Explanation> = {
  UNAUTHENTICATED: { sv: "Du är inte inloggad, eller inloggningen har gått ut.", en: "You are not signed in, or the sign-in has expired." },
  FORBIDDEN: { sv: "Åtkomstreglerna tillåter inte detta.", en: "The access rules do not permit this." },
  BAD_USER_INPUT: { sv: "Uppgifterna kunde inte tas emot.", en: "The input could not be accepted." },
  NOT_FOUND: { sv: "Hittades inte.", en: "Not found." },
  SUBGRAPH_UNAVAILABLE: { sv: "En myndighets tjänst svarar inte just nu.", en: "An agency's service is not answering right now." },
  AUDIT_UNAVAILABLE: { sv: "Loggningen är inte tillgänglig, så inget skyddat lämnas ut.", en: "The audit log is unavailable, so nothing protected is released." },
  PERSISTED_QUERY_NOT_ALLOWED: { sv: "Frågan är inte registrerad hos navet.", en: "The operation is not registered with the hub." },
};

const fallback = (code: string): Explanation => ({ sv: `Uppgiften hålls inne (${code}).`, en: `Withheld (${code}).` });

export const explainReason = (reason: string | undefined): Explanation => REASONS[reason ?? ""] ?? fallback(reason ?? "UNKNOWN");
export const explainError = (code: string | undefined): Explanation => ERRORS[code ?? ""] ?? REASONS[code ?? ""] ?? fallback(code ?? "UNKNOWN");
