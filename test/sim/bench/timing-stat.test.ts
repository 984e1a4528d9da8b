/**
 * The aggregation behind every figure point: median, min–max spread and run count on fixed
 * samples, with the laws that make a spread drawable (low <= median <= high) as properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeRatio } from '../../../src/sim/bench/time-ratio.ts';
import {
  addSamples,
  median,
  roundTo,
  scaleSpread,
  spreadOf,
  timingStat,
} from '../../../src/sim/bench/timing-stat.ts';

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
    expect(median([9, 2, 4, 8, 1])).toBe(4);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list and non-finite values, naming the value', () => {
    expect(() => median([])).toThrow('median: needs at least one value');
    expect(() => median([1, Number.NaN])).toThrow('median: value 1 must be a finite number, got NaN');
    expect(() => median([Number.POSITIVE_INFINITY])).toThrow('value 0');
  });
});

describe('spreadOf', () => {
  it('gives the median with the minimum and maximum', () => {
    expect(spreadOf([12, 10, 30, 11, 13])).toEqual({ median: 12, low: 10, high: 30 });
    expect(spreadOf([2])).toEqual({ median: 2, low: 2, high: 2 });
  });

  it('brackets the median for any samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (xs) => {
          const s = spreadOf(xs);
          expect(s.low).toBeLessThanOrEqual(s.median);
          expect(s.median).toBeLessThanOrEqual(s.high);
          expect(xs).toContain(s.low);
          expect(xs).toContain(s.high);
        },
      ),
    );
  });
});

describe('timingStat', () => {
  it('summarises wall and CPU time apart and keeps the run count', () => {
    const stat = timingStat([
      { wallMs: 12.5, cpuMs: 10 },
      { wallMs: 40, cpuMs: 11 },
      { wallMs: 11, cpuMs: 9.5 },
      { wallMs: 13.5, cpuMs: 10.5 },
    ]);
    expect(stat).toEqual({
      runs: 4,
      wallMs: { median: 13, low: 11, high: 40 },
      cpuMs: { median: 10.25, low: 9.5, high: 11 },
    });
  });

  it('rounds to 0.1 µs', () => {
    expect(timingStat([{ wallMs: 1.234567, cpuMs: 0.000049 }]).wallMs.median).toBe(1.2346);
    expect(timingStat([{ wallMs: 1.234567, cpuMs: 0.000049 }]).cpuMs.median).toBe(0);
  });
});

describe('addSamples and scaleSpread', () => {
  it('adds two phases of one run, wall to wall and CPU to CPU', () => {
    expect(addSamples({ wallMs: 1.5, cpuMs: 1 }, { wallMs: 2, cpuMs: 0.25 })).toEqual({
      wallMs: 3.5,
      cpuMs: 1.25,
    });
  });

  it('takes the median of the sums, which is not the sum of the medians', () => {
    const enc = [
      { wallMs: 1, cpuMs: 1 },
      { wallMs: 2, cpuMs: 2 },
      { wallMs: 10, cpuMs: 10 },
    ];
    const up = [
      { wallMs: 10, cpuMs: 10 },
      { wallMs: 3, cpuMs: 3 },
      { wallMs: 1, cpuMs: 1 },
    ];
    const sums = enc.map((e, i) => addSamples(e, up[i]!));
    expect(timingStat(sums).wallMs.median).toBe(11);
    expect(median(enc.map((e) => e.wallMs)) + median(up.map((u) => u.wallMs))).toBe(5);
  });

  it('scales ms to s, rounded to the µs', () => {
    expect(scaleSpread({ median: 1234.5678, low: 1000, high: 2000.0004 }, 1 / 1000)).toEqual({
      median: 1.234568,
      low: 1,
      high: 2,
    });
    expect(roundTo(0.123456789, 3)).toBe(0.123);
  });
});

describe('timeRatio', () => {
  it('states a comparison both ways round', () => {
    expect(timeRatio(30, 10)).toEqual({ oursOverTheirs: 3, theirsOverOurs: 0.3333 });
    expect(timeRatio(1, 4)).toEqual({ oursOverTheirs: 0.25, theirsOverOurs: 4 });
  });

  it('refuses a time that is not positive', () => {
    expect(() => timeRatio(0, 1)).toThrow('timeRatio: ours must be > 0, got 0');
    expect(() => timeRatio(1, Number.NaN)).toThrow('timeRatio: theirs must be > 0, got NaN');
  });
});
