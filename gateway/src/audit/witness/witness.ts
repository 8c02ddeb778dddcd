/**
 * Somewhere the audit database's administrator cannot rewrite, holding every signed tree head the
 * gateway made. The verifier checks the records against the witness's heads: records removed
 * after a head was witnessed, a head moved back, a chain rewritten or a checkpoint deleted from
 * the database all disagree with what the witness holds.
 *
 * Small on purpose: append one head, read them back. Production equivalents (object storage
 * with object lock, an RFC 3161 timestamping service, a transparency log) fit behind it.
 */
export interface Witness {
  /** What and where, for logs and reports (never a secret). */
  readonly description: string;
  /** Appends a head; resolves once the witness holds it durably. */
  publish(head: WitnessedHead): Promise<void>;
  /** The head published last, or null before the first. */
  newest(): Promise<WitnessedHead | null>;
  /** Every head, in the order published. */
  all(): Promise<WitnessedHead[]>;
  close(): Promise<void>;
}

export interface WitnessedHead {
  /** The signed tree head: a compact JWS (tree-head.ts). */
  jws: string;
  /** RFC 6962 consistency proof (hex) from the head the same publisher sent before, so the
   * witness's heads can be checked to only ever grow without reading a record. */
  consistency: { fromSize: string; proof: string[] } | null;
}

/** A witness whose contents cannot be read back as heads: it was changed by someone. */
export class WitnessDamaged extends Error {}

/** A witness that should exist and does not (a deleted stream, a missing file). */
export class WitnessMissing extends Error {}

export function encodeHead(head: WitnessedHead): string {
  return JSON.stringify({ jws: head.jws, consistency: head.consistency });
}

export function decodeHead(text: string, where: string): WitnessedHead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WitnessDamaged(`${where}: not a tree head`);
  }
  const head = value as Partial<WitnessedHead>;
  const consistency = head.consistency;
  const proofOk =
    consistency === null ||
    (typeof consistency === "object" &&
      consistency !== undefined &&
      typeof consistency.fromSize === "string" &&
      Array.isArray(consistency.proof) &&
      consistency.proof.every((p) => typeof p === "string" && /^[0-9a-f]{64}$/.test(p)));
  if (typeof head.jws !== "string" || !proofOk) throw new WitnessDamaged(`${where}: not a tree head`);
  return { jws: head.jws, consistency: consistency ?? null };
}
