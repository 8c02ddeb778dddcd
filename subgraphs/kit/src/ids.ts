import { randomBytes } from "node:crypto";

/** Every id in the graph is opaque: a short prefix and random characters, never data. */
export const OPAQUE_ID = /^[A-Za-z0-9_-]{3,64}$/;
export const STAFF_ID = /^[a-z]{2}-\d{4}$/;

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

export function newId(prefix: string): string {
  const bytes = randomBytes(10);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return `${prefix}_${out}`;
}
