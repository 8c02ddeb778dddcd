/** A seeded PRNG (mulberry32): the same seed gives the same population, byte for byte. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

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

  /** Opaque ids: a prefix and ten base32 characters, derived from the PRNG and nothing else. */
  id(prefix: string): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    let out = "";
    for (let i = 0; i < 10; i++) out += alphabet[Math.floor(this.next() * 32)];
    return `${prefix}_${out}`;
  }
}

/** Every date in the seed is relative to this fixed day, never to the clock. */
export const SEED_REFERENCE_DATE = new Date("2026-11-01T00:00:00Z");

export function daysFromReference(days: number): Date {
  return new Date(SEED_REFERENCE_DATE.getTime() + days * 86_400_000);
}
