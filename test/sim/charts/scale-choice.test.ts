import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseScale, MAX_LINEAR_DECADES } from '../../../src/sim/charts/scale-choice.ts';

describe('chooseScale', () => {
  it('goes logarithmic for the users sweep and for sizes up to 100 MiB, not for the paper sizes', () => {
    expect(chooseScale([10, 100, 500, 1000, 5000, 10000])).toBe('log');
    expect(chooseScale([50, 1024, 2048, 102_400])).toBe('log');
    expect(chooseScale([50, 1024, 2048])).toBe('linear');
  });

  it('turns at exactly two decades: 100× stays linear, anything more is log', () => {
    expect(MAX_LINEAR_DECADES).toBe(2);
    expect(chooseScale([1, 100])).toBe('linear');
    expect(chooseScale([1, 100.0001])).toBe('log');
  });

  it('stays linear for empty input and for zero or negative values, which a log axis cannot show', () => {
    expect(chooseScale([])).toBe('linear');
    expect(chooseScale([0, 10, 10_000])).toBe('linear');
    expect(chooseScale([-1, 10_000])).toBe('linear');
  });

  it('depends only on the ratio of the values: scaling by a power of two changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: -20, max: 20 }),
        (values, e) => chooseScale(values.map((v) => v * 2 ** e)) === chooseScale(values),
      ),
      { seed: 6_002, numRuns: 300 },
    );
  });
});
