/** Protection levels set by the Tax Agency (Skatteverket), in increasing strictness. */
export const PROTECTION_LEVELS = [
  "NONE",
  "CONFIDENTIALITY_MARKED", // sekretessmarkering
  "PROTECTED_REGISTRATION", // skyddad folkbokföring
  "ASSUMED_IDENTITY", // fingerade personuppgifter
] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

export const isProtectionLevel = (v: unknown): v is ProtectionLevel =>
  PROTECTION_LEVELS.includes(v as ProtectionLevel);

/** The stricter of two levels; a child's location follows the strictest level in the household. */
export function stricterLevel(a: ProtectionLevel, b: ProtectionLevel): ProtectionLevel {
  return PROTECTION_LEVELS.indexOf(a) >= PROTECTION_LEVELS.indexOf(b) ? a : b;
}

/** What staff must do when handling a person at this level (shown beside the level). */
export const HANDLING_INSTRUCTIONS: Readonly<Record<ProtectionLevel, readonly string[]>> = {
  NONE: [],
  CONFIDENTIALITY_MARKED: [
    "Check with the case owner before disclosing anything that reveals where the person is.",
    "Do not state address, phone, school or workplace in letters or decisions sent to others.",
  ],
  PROTECTED_REGISTRATION: [
    "Send mail only via the Tax Agency's forwarding service (särskild postförmedling).",
    "Only staff assigned to the case may know where the person lives.",
    "Never book meetings at places that reveal the person's area of residence.",
  ],
  ASSUMED_IDENTITY: [
    "Use only the person's current identity; never record or ask about a former one.",
    "Send mail only via the Tax Agency's forwarding service (särskild postförmedling).",
    "Only staff assigned to the case may know where the person lives.",
  ],
};
