/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so every random choice
 * in a simulation flows from one number and replays exactly. Not for cryptography.
 */

/** A seeded random source. It is stateful: each call advances it. */
export interface Random {
  /** The seed it was created with, to report alongside any result it produced. */
  readonly seed: number;
  /** A uniformly distributed integer in [0, n), for 1 ≤ n ≤ 2^32. */
  nextInt(n: number): number;
  /** A uniformly distributed float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number;
}

const TWO_32 = 2 ** 32;

/** A random source determined by `seed` (any safe integer; only its low 32 bits matter). */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new TypeError(`seed must be a safe integer, got ${seed}`);
  // splitmix32 spreads the seed over the four words of sfc32's state.
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs, as sfc32's authors recommend, to mix the initial state.
  for (let i = 0; i < 12; i++) next32();
  return {
    seed,
    nextInt(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32)
        throw new RangeError(`nextInt: n must be in 1..2^32, got ${n}`);
      // Rejection sampling keeps every outcome equally likely.
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const u = next32();
        if (u < limit) return u % n;
      }
    },
    nextFloat(): number {
      return next32() / TWO_32;
    },
  };
}
