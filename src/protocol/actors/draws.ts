/**
 * Uniform choices drawn from an actor's `Rng`, so bucket placement, audit challenges and tamper
 * positions replay from the system's seed like everything else.
 * @module
 */
import type { Rng } from '../crypto/rng.ts';

const RANGE = 2 ** 32;

/** A uniform integer in [0, n), by rejection sampling on 32-bit draws (no modulo bias). */
export function randomIndex(rng: Rng, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > RANGE) {
    throw new RangeError(`randomIndex: expected 1 <= n <= 2^32, got ${n}`);
  }
  const limit = RANGE - (RANGE % n);
  for (;;) {
    const b = rng.bytes(4);
    const v = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
    if (v < limit) return v % n;
  }
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
export function randomPermutation(rng: Rng, n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `k` distinct indices of [0, n) in increasing order (all of them when k >= n). */
export function randomSample(rng: Rng, n: number, k: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  return randomPermutation(rng, n)
    .slice(0, k)
    .sort((a, b) => a - b);
}
