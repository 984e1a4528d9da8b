/** The seeded generator: reproducible, in range, and close to uniform. */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/model/index.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.nextInt(1000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(createRandom(42).seed).toBe(42);
  });

  it('stays in range', () => {
    const r = createRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const n = 1 + (i % 7);
      const x = r.nextInt(n);
      expect(Number.isInteger(x) && x >= 0 && x < n).toBe(true);
      const f = r.nextFloat();
      expect(f >= 0 && f < 1).toBe(true);
    }
    expect(createRandom(3).nextInt(1)).toBe(0);
    expect(() => createRandom(3).nextInt(0)).toThrow(RangeError);
    expect(() => createRandom(0.5)).toThrow(TypeError);
  });

  it('is close to uniform (chi-square over 6 faces, 60 000 draws)', () => {
    const r = createRandom(2024);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.nextInt(6)]!++;
    const chi = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    // 5 degrees of freedom: P(chi² > 20.5) ≈ 0.001.
    expect(chi).toBeLessThan(20.5);
  });
});
