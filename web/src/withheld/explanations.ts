import { EXPLANATIONS, explain } from "@skyddsnat/schema/explanations";

/** Plain Swedish and English for a code the hub answered with, from the shared catalogue. */
export interface Words {
  sv: string;
  en: string;
}

/** Why a value is withheld; a reason the catalogue does not know still reads as withheld, never as a fault. */
export const explainReason = (reason: string | undefined): Words => (reason && Object.hasOwn(EXPLANATIONS, reason) ? explain(reason) : explain("FORBIDDEN_FIELD"));

export const explainError = (code: string | undefined): Words => explain(code ?? "INTERNAL_SERVER_ERROR");
