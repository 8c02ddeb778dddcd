import type { Role } from "@skyddsnat/schema";
import type { ProtectionLevel } from "../enums.js";

/**
 * The level as staff are shown it. An assumed identity (fingerade personuppgifter, lag (1991:483))
 * must look like an ordinary protected person: to every role but the police's personal-security
 * unit, which decided it, it reads as protected registration — level and handling instructions —
 * and nothing in the graph says "assumed identity". The policy still decides on the real level.
 */
export function displayedLevel(level: ProtectionLevel, role: Role): ProtectionLevel {
  return level === "ASSUMED_IDENTITY" && role !== "PERSONAL_SECURITY" ? "PROTECTED_REGISTRATION" : level;
}
