/**
 * The seed's only source of randomness and of time. Everything the seed produces is a pure
 * function of the seed number: no Math.random, no clock. The same seed therefore gives the same
 * population byte for byte, so tests, the demo and a developer's database all agree on which id
 * belongs to which person.
 */

/**
 * The fixed "today" of the demo data. Dates are offsets from it, never from the clock, so the
 * data does not drift as real time passes. (Consents and restraining orders that must be valid
 * "now" are given validity long enough to still cover the real date for a couple of years.)
 */
export const SEED_REFERENCE_DATE: Date = new Date("2026-11-01T00:00:00Z");

// Kept as a number: the exported Date is mutable, and a caller mutating it must not change the data.
const REFERENCE_MS = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;

/** A calendar day (UTC midnight) `days` from the reference date; for `@db.Date` columns. */
export function dayFromReference(days: number): Date {
  return new Date(REFERENCE_MS + Math.round(days) * DAY_MS);
}

/** A moment `days` from the reference date at the given local office hour (UTC, for simplicity). */
export function momentFromReference(days: number, hour = 0, minute = 0): Date {
  return new Date(REFERENCE_MS + Math.round(days) * DAY_MS + hour * 3_600_000 + minute * 60_000);
}

/** Whole days between two dates (b − a). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** RFC 4648 base32 alphabet, lower case: ids stay URL- and log-safe and carry no meaning. */
export const OPAQUE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
export const OPAQUE_LENGTH = 10;

/**
 * Fragments an id must never spell by accident. An id that happened to read "none…" or "prot…"
 * would look as if it said something about the person's protection; such draws are discarded.
 */
const MEANINGFUL = /none|prot|assum|mark|conf|ident|regist|secret|skydd|fing|child|adult/;

/** True when `suffix` is a well-formed opaque id body that spells nothing meaningful. */
export function isOpaqueSuffix(suffix: string): boolean {
  return new RegExp(`^[${OPAQUE_ALPHABET}]{${OPAQUE_LENGTH}}$`).test(suffix) && !MEANINGFUL.test(suffix);
}

/**
 * A small seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counter), 128 bits of state,
 * seeded from a single number through splitmix32 so that nearby seeds (1, 2, 3) still give
 * unrelated streams. Plenty for demo data; not for anything cryptographic.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    // Discard the first outputs: sfc32's early outputs are weakly mixed.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One of the options, with probability proportional to its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = options[options.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `count` distinct items (or all of them, if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /**
   * An opaque id: `prefix_` and ten base32 characters drawn from the PRNG and nothing else, so
   * the id says nothing about the person, their level, their place in the list or the time.
   */
  opaqueId(prefix: string): string {
    for (;;) {
      let suffix = "";
      for (let i = 0; i < OPAQUE_LENGTH; i++) suffix += OPAQUE_ALPHABET[Math.floor(this.next() * 32)];
      if (isOpaqueSuffix(suffix)) return `${prefix}_${suffix}`;
    }
  }
}
