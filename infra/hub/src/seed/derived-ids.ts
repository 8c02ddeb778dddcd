import { createHash } from "node:crypto";
import { isOpaqueSuffix, OPAQUE_ALPHABET, OPAQUE_LENGTH } from "./random.js";

/**
 * An opaque id derived from the ids of the rows it joins (a household from its first member, a
 * threat relation from its order): deterministic without drawing from the PRNG, so adding these
 * rows leaves every random draw of the population — and so the rest of it — as it was. A hash,
 * so the id reveals nothing of the ids it was derived from.
 */
export function derivedId(prefix: string, ...parts: string[]): string {
  for (let salt = 0; ; salt++) {
    const digest = createHash("sha256").update(`${prefix}\u0000${parts.join("\u0000")}\u0000${salt}`).digest();
    let suffix = "";
    for (let i = 0; i < OPAQUE_LENGTH; i++) suffix += OPAQUE_ALPHABET[digest[i]! % 32];
    if (isOpaqueSuffix(suffix)) return `${prefix}_${suffix}`;
  }
}
