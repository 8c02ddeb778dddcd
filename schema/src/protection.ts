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
    "Never book meetings at places that reveal the person's area of residence.",
  ],
};

/** The kinds of place a meeting (an Appointment) can be held at. */
export const MEETING_PLACE_KINDS = ["OFFICE_OF_AGENCY", "HOME_VISIT", "PUBLIC_PLACE", "NEAR_RESIDENCE", "SCHOOL"] as const;
export type MeetingPlaceKind = (typeof MEETING_PLACE_KINDS)[number];

/**
 * The meeting places a level's handling instructions forbid ("Never book meetings at places that
 * reveal the person's area of residence"): a home visit or a place near home tells whoever sees
 * the booking, or follows staff there, where she lives. The level is the household's: a child's
 * meeting at home reveals the protected parent's home just as much.
 */
export const FORBIDDEN_MEETING_PLACES: Readonly<Record<ProtectionLevel, readonly MeetingPlaceKind[]>> = {
  NONE: [],
  CONFIDENTIALITY_MARKED: [],
  PROTECTED_REGISTRATION: ["HOME_VISIT", "NEAR_RESIDENCE"],
  ASSUMED_IDENTITY: ["HOME_VISIT", "NEAR_RESIDENCE"],
};

/**
 * Whether a meeting may be booked at this kind of place for a person of this (household) level.
 * Unknown level (null): refused, fail closed, for every kind that any level forbids.
 */
export function meetingPlaceAllowed(level: ProtectionLevel | null, kind: MeetingPlaceKind): boolean {
  if (level === null) return !PROTECTION_LEVELS.some((l) => FORBIDDEN_MEETING_PLACES[l].includes(kind));
  return !FORBIDDEN_MEETING_PLACES[level].includes(kind);
}
