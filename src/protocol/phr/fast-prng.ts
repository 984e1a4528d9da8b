/**
 * A small, fast, seeded generator for synthetic record content. Drawing every name and number of a
 * 100 MiB record from the ChaCha20 stream one call at a time would dominate the generation time;
 * instead, 16 bytes from the protocol's seeded {@link Rng} seed an SFC32 generator (Chris
 * Doty-Humphrey's Small Fast Counting generator), so the content is still fixed by the run's seed.
 * Not for keys or anything secret: SFC32 is statistically good, not cryptographic.
 */
import type { Rng } from '../crypto/rng.ts';

/** Non-cryptographic draws for synthetic content. */
export interface FastPrng {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  /** A uniform element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

const TWO_32 = 2 ** 32;

/** An SFC32 generator seeded with 16 bytes of `rng`, warmed up as its author recommends. */
export function fastPrng(rng: Rng): FastPrng {
  const seed = rng.bytes(16);
  const view = new DataView(seed.buffer, seed.byteOffset, 16);
  let a = view.getUint32(0);
  let b = view.getUint32(4);
  let c = view.getUint32(8);
  let counter = view.getUint32(12);
  const uint32 = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const below = (bound: number): number => Math.floor((uint32() / TWO_32) * bound);
  return Object.freeze({
    uint32,
    below,
    between: (min: number, max: number) => min + below(max - min + 1),
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new RangeError('pick: the list is empty');
      return list[below(list.length)]!;
    },
    chance: (p: number) => uint32() / TWO_32 < p,
  });
}
