import { createHash } from "node:crypto";

/**
 * The Merkle tree of RFC 6962 §2.1 over the audit records, in record order. A signed tree head
 * names its size and root; two heads are tied by a consistency proof (the later tree extends the
 * earlier one) and a record is tied to a head by an inclusion proof, both checkable without the
 * records themselves or any secret.
 */
export type Hash = Buffer;

export function leafHash(entry: Uint8Array): Hash {
  return createHash("sha256").update(Buffer.of(0x00)).update(entry).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash("sha256").update(Buffer.of(0x01)).update(left).update(right).digest();
}

/** The hash of an empty tree (RFC 6962: SHA-256 of the empty string). */
export const EMPTY_ROOT: Hash = createHash("sha256").digest();

/** The largest power of two smaller than n (n > 1): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A range of leaves [lo, hi) → its subtree hash. What proofs are built from. */
export type RangeHash = (lo: number, hi: number) => Hash;

/** MTH over leaf hashes held in memory. */
export function rangeHashOver(leaves: readonly Hash[]): RangeHash {
  const mth: RangeHash = (lo, hi) => {
    const n = hi - lo;
    if (n === 0) return EMPTY_ROOT;
    if (n === 1) return leaves[lo] as Hash;
    const k = splitPoint(n);
    return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  };
  return mth;
}

/** RFC 6962 §2.1.1 PATH(m, D[n]) over the range [lo, lo + n). */
export function inclusionProof(index: number, size: number, mth: RangeHash, lo = 0): Hash[] {
  if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  if (size === 1) return [];
  const k = splitPoint(size);
  return index < k
    ? [...inclusionProof(index, k, mth, lo), mth(lo + k, lo + size)]
    : [...inclusionProof(index - k, size - k, mth, lo + k), mth(lo, lo + k)];
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function consistencyProof(oldSize: number, newSize: number, mth: RangeHash): Hash[] {
  if (oldSize < 0 || oldSize > newSize) throw new RangeError(`no consistency from ${oldSize} to ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const subproof = (m: number, lo: number, n: number, complete: boolean): Hash[] => {
    if (m === n) return complete ? [] : [mth(lo, lo + n)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, lo, k, complete), mth(lo + k, lo + n)]
      : [...subproof(m - k, lo + k, n - k, false), mth(lo, lo + k)];
  };
  return subproof(oldSize, 0, newSize, true);
}

/** RFC 9162 §2.1.3.2: whether `proof` ties leaf `index` to `root` of a tree of `size`. */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: whether the tree of `newSize` with `newRoot` extends the one of `oldSize`. */
export function verifyConsistency(oldSize: number, oldRoot: Hash, newSize: number, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  const path = [...proof];
  // A power-of-two old tree is a subtree of the new one: its root starts the path.
  if ((oldSize & (oldSize - 1)) === 0) path.unshift(oldRoot);
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const [first, ...rest] = path;
  if (!first) return false;
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

/** One perfect subtree of the frontier: leaves [lo, hi), hi - lo a power of two. */
interface Peak {
  lo: number;
  hi: number;
  hash: Hash;
}

/**
 * The right edge of a growing tree: the perfect subtrees its size decomposes into, largest
 * first. Enough to append leaves and compute the root in O(log n) memory, and — with the leaves
 * added since — to prove consistency with the size it had.
 */
export class Frontier {
  private peaks: Peak[] = [];

  get size(): number {
    return this.peaks.at(-1)?.hi ?? 0;
  }

  append(leaf: Hash): void {
    const at = this.size;
    this.peaks.push({ lo: at, hi: at + 1, hash: leaf });
    for (;;) {
      const right = this.peaks.at(-1);
      const left = this.peaks.at(-2);
      if (!left || !right || left.hi - left.lo !== right.hi - right.lo) break;
      this.peaks.splice(-2, 2, { lo: left.lo, hi: right.hi, hash: nodeHash(left.hash, right.hash) });
    }
  }

  root(): Hash {
    const last = this.peaks.at(-1);
    if (!last) return EMPTY_ROOT;
    let hash = last.hash;
    for (let i = this.peaks.length - 2; i >= 0; i--) hash = nodeHash((this.peaks[i] as Peak).hash, hash);
    return hash;
  }

  clone(): Frontier {
    const copy = new Frontier();
    copy.peaks = [...this.peaks];
    return copy;
  }

  /**
   * Subtree hashes for a tree that was this frontier's size and has since grown by `added`:
   * any range a proof between the two sizes needs is a peak or lies among the added leaves.
   */
  rangeHashWith(added: readonly Hash[]): RangeHash {
    const base = this.size;
    const peaks = new Map(this.peaks.map((peak) => [`${peak.lo}-${peak.hi}`, peak.hash]));
    const fresh = rangeHashOver(added);
    const mth: RangeHash = (lo, hi) => {
      const peak = peaks.get(`${lo}-${hi}`);
      if (peak) return peak;
      if (lo >= base) return fresh(lo - base, hi - base);
      if (hi - lo <= 1) throw new Error(`leaf ${lo} is no longer held`);
      const k = splitPoint(hi - lo);
      return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
    };
    return mth;
  }
}
