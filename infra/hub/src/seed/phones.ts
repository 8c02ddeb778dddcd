/**
 * Phone numbers for the synthetic population. The Swedish Post and Telecom Authority (PTS)
 * reserves 070-174 06 05 … 070-174 06 99 for use in fiction, so no seeded number can ring a
 * real person — which matters here more than anywhere: a "demo" number reaching a real phone
 * would be a real disclosure. Only this range is ever used.
 */

/** The last two digits of the reserved range, inclusive. */
export const FICTION_PHONE_FIRST = 5;
export const FICTION_PHONE_LAST = 99;

/** Every number in the reserved range, in order (95 of them). */
export const FICTION_PHONES: readonly string[] = Array.from(
  { length: FICTION_PHONE_LAST - FICTION_PHONE_FIRST + 1 },
  (_, i) => fictionPhone(FICTION_PHONE_FIRST + i),
);

/** The number 070-174 06 NN for NN in 05…99, in the usual Swedish grouping. */
export function fictionPhone(lastTwoDigits: number): string {
  if (!Number.isInteger(lastTwoDigits) || lastTwoDigits < FICTION_PHONE_FIRST || lastTwoDigits > FICTION_PHONE_LAST) {
    throw new RangeError(`070-174 06 ${lastTwoDigits} is outside the range reserved for fiction`);
  }
  return `070-174 06 ${String(lastTwoDigits).padStart(2, "0")}`;
}

/** True only for numbers in the reserved range, written as fictionPhone writes them. */
export function isFictionPhone(value: string): boolean {
  const match = /^070-174 06 (\d{2})$/.exec(value);
  if (!match) return false;
  const n = Number(match[1]);
  return n >= FICTION_PHONE_FIRST && n <= FICTION_PHONE_LAST;
}
