import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import { fastPrng } from '../../../src/protocol/phr/fast-prng.ts';

const draws = (seed: string, n: number) => {
  const prng = fastPrng(seededRng(seed));
  return Array.from({ length: n }, () => prng.uint32());
};

describe('fast seeded generator for synthetic content', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws('a', 16)).toEqual(draws('a', 16));
    expect(draws('a', 16)).not.toEqual(draws('b', 16));
    expect(draws('a', 1000).every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('property: below, between and pick stay in range', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        (seed, bound, low) => {
          const prng = fastPrng(seededRng(seed));
          for (let i = 0; i < 50; i++) {
            const b = prng.below(bound);
            expect(Number.isInteger(b) && b >= 0 && b < bound).toBe(true);
            const w = prng.between(low, low + bound);
            expect(Number.isInteger(w) && w >= low && w <= low + bound).toBe(true);
          }
          expect(['x', 'y']).toContain(prng.pick(['x', 'y']));
        },
      ),
      { seed: 32, numRuns: 50 },
    );
  });

  it('draws each value of a small range about equally often (chi-square, 9 degrees of freedom)', () => {
    const prng = fastPrng(seededRng('uniform'));
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[prng.below(10)]!++;
    const chi2 = counts.reduce((sum, c) => sum + (c - n / 10) ** 2 / (n / 10), 0);
    // 27.88 is the 0.999 quantile of chi-square with 9 degrees of freedom.
    expect(chi2).toBeLessThan(27.88);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => fastPrng(seededRng('e')).pick([])).toThrow(RangeError);
  });
});
