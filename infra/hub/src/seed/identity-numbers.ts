/**
 * Swedish personal identity numbers (personnummer) for the synthetic population, written
 * YYYYMMDD-NNNC: birth date, a three-digit birth number (födelsenummer; the last digit even for
 * women, odd for men) and a check digit by the Luhn / modulus-10 method over YYMMDDNNN.
 *
 * Which numbers: the Tax Agency (Skatteverket) publishes a list of test personal identity numbers
 * as open data, but we found no published *rule* (such as a reserved serial block) that we could
 * verify, and we do not download registers. So these numbers only follow a convention of our own:
 * the birth number is always in 980–999. That makes a seeded number recognisable as synthetic at
 * a glance and in a test, but it does NOT guarantee that no real person has it — any
 * well-formed number may be assigned to someone. Never send seeded identity numbers to a real
 * register or service.
 */

/** The birth-number block this seed keeps to (both ends inclusive). */
export const SYNTHETIC_SERIAL_FIRST = 980;
export const SYNTHETIC_SERIAL_LAST = 999;

/** Luhn check digit over a string of digits, weights 2,1,2,1… from the left (as Skatteverket). */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The identity number for a birth date (UTC day) and a three-digit birth number. */
export function identityNumber(birthDate: Date, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999) throw new RangeError(`birth number ${serial} is not 001–999`);
  const yyyy = String(birthDate.getUTCFullYear()).padStart(4, "0");
  const mm = String(birthDate.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(birthDate.getUTCDate()).padStart(2, "0");
  const nnn = String(serial).padStart(3, "0");
  return `${yyyy}${mm}${dd}-${nnn}${luhnDigit(`${yyyy.slice(2)}${mm}${dd}${nnn}`)}`;
}

/** Well-formed YYYYMMDD-NNNC with a real calendar date and a correct check digit. */
export function isValidIdentityNumber(value: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})-(\d{3})(\d)$/.exec(value);
  if (!match) return false;
  const [, cc, yy, mm, dd, nnn, check] = match as unknown as [string, string, string, string, string, string, string];
  const date = new Date(Date.UTC(Number(cc + yy), Number(mm) - 1, Number(dd)));
  if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return false;
  if (nnn === "000") return false;
  return luhnDigit(`${yy}${mm}${dd}${nnn}`) === Number(check);
}

/** The birth number (NNN) of a well-formed identity number. */
export function serialOf(value: string): number {
  return Number(value.slice(9, 12));
}

/** True when the number's birth number lies in the seed's synthetic block. */
export function isSyntheticIdentityNumber(value: string): boolean {
  const serial = serialOf(value);
  return isValidIdentityNumber(value) && serial >= SYNTHETIC_SERIAL_FIRST && serial <= SYNTHETIC_SERIAL_LAST;
}

/** The parity rule: the last digit of the birth number is even for women and odd for men. */
export function serialMatchesSex(serial: number, sex: "F" | "M"): boolean {
  return (serial % 2 === 0) === (sex === "F");
}

/**
 * Hands out identity numbers that are unique across the whole population. With ten synthetic
 * birth numbers per sex and day, a day can run out; the caller then moves the birth date.
 */
export class IdentityNumberAllocator {
  private readonly used = new Set<string>();

  /** Marks a hand-written number (a scenario's) as taken; a duplicate is a bug in the seed. */
  reserve(value: string): void {
    if (!isSyntheticIdentityNumber(value)) throw new Error(`${value} is not a synthetic identity number`);
    if (this.used.has(value)) throw new Error(`identity number ${value} is used twice`);
    this.used.add(value);
  }

  /** The next free synthetic number for this birth date and sex, or null if the day is full. */
  allocate(birthDate: Date, sex: "F" | "M", startAt: number): string | null {
    const span = SYNTHETIC_SERIAL_LAST - SYNTHETIC_SERIAL_FIRST + 1;
    for (let i = 0; i < span; i++) {
      const serial = SYNTHETIC_SERIAL_FIRST + ((startAt + i) % span);
      if (!serialMatchesSex(serial, sex)) continue;
      const value = identityNumber(birthDate, serial);
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
    return null;
  }
}
