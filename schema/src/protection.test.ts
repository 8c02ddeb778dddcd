import { describe, expect, test } from "@jest/globals";
import { HANDLING_INSTRUCTIONS, MEETING_PLACE_KINDS, meetingPlaceAllowed, PROTECTION_LEVELS } from "./protection.js";

describe("meeting places the handling instructions forbid", () => {
  test("protected registration and assumed identity refuse a home visit and a place near home", () => {
    for (const level of ["PROTECTED_REGISTRATION", "ASSUMED_IDENTITY"] as const) {
      expect(meetingPlaceAllowed(level, "HOME_VISIT")).toBe(false);
      expect(meetingPlaceAllowed(level, "NEAR_RESIDENCE")).toBe(false);
      expect(meetingPlaceAllowed(level, "OFFICE_OF_AGENCY")).toBe(true);
      expect(meetingPlaceAllowed(level, "PUBLIC_PLACE")).toBe(true);
      expect(meetingPlaceAllowed(level, "SCHOOL")).toBe(true);
    }
  });

  test("no protection and a confidentiality marking forbid no kind of place", () => {
    for (const kind of MEETING_PLACE_KINDS) {
      expect(meetingPlaceAllowed("NONE", kind)).toBe(true);
      expect(meetingPlaceAllowed("CONFIDENTIALITY_MARKED", kind)).toBe(true);
    }
  });

  test("an unknown level refuses every kind some level forbids (fail closed)", () => {
    expect(meetingPlaceAllowed(null, "HOME_VISIT")).toBe(false);
    expect(meetingPlaceAllowed(null, "NEAR_RESIDENCE")).toBe(false);
    expect(meetingPlaceAllowed(null, "OFFICE_OF_AGENCY")).toBe(true);
  });

  test("a level that forbids a place says so in its handling instructions", () => {
    for (const level of PROTECTION_LEVELS) {
      const forbidsSome = MEETING_PLACE_KINDS.some((kind) => !meetingPlaceAllowed(level, kind));
      const instructed = HANDLING_INSTRUCTIONS[level].some((line) => /meeting/i.test(line));
      expect({ level, instructed }).toEqual({ level, instructed: forbidsSome });
    }
  });
});
