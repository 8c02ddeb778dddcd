/**
 * Swedish personal identity numbers (personnummer) with a valid check digit. The serial numbers
 * are taken from 980–999, a block we reserve for synthetic people so a seeded number is
 * recognisably fake; no real register is consulted.
 */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function identityNumber(birthDate: Date, serial: number, female: boolean): string {
  const yyyy = birthDate.getUTCFullYear();
  const mm = String(birthDate.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(birthDate.getUTCDate()).padStart(2, "0");
  // The third serial digit is even for women and odd for men, as in real numbers.
  let nnn = 980 + (serial % 20);
  if ((nnn % 2 === 0) !== female) nnn = nnn === 999 ? 998 : nnn + 1;
  const body = `${String(yyyy).slice(2)}${mm}${dd}${nnn}`;
  return `${yyyy}${mm}${dd}-${nnn}${luhnDigit(body)}`;
}

export function isValidIdentityNumber(value: string): boolean {
  const match = /^(\d{2})(\d{6})-(\d{3})(\d)$/.exec(value);
  if (!match) return false;
  return luhnDigit(`${match[2]}${match[3]}`) === Number(match[4]);
}
