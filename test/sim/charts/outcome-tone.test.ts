import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeColours, outcomeTone } from '../../../src/sim/charts/outcome-tone.ts';

describe('outcomeTone', () => {
  it('classes the scenario outcomes: went through vs refused, failed or detected', () => {
    expect(['ok', 'granted', 'decrypts', 'found', 'clean'].map(outcomeTone)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
    ]);
    expect(['denied', 'fails', 'detected'].map(outcomeTone)).toEqual(['alert', 'alert', 'alert']);
    expect(['Granted', 'DENIED'].map(outcomeTone)).toEqual(['success', 'alert']);
    expect(['none', 'pending'].map(outcomeTone)).toEqual(['neutral', 'neutral']);
  });
});

describe('outcomeColours', () => {
  it('puts successes first, then alerts, then the rest, each alphabetical, each in its own colour family', () => {
    expect(outcomeColours(['detected', 'ok', 'pending', 'denied', 'granted', 'ok'])).toEqual({
      domain: ['granted', 'ok', 'denied', 'detected', 'pending'],
      range: ['#2e7d32', '#66bb6a', '#c62828', '#ef6c00', '#616161'],
    });
  });

  it('depends only on the set of outcomes, not their order or repetition', () => {
    const words = fc.constantFrom('ok', 'granted', 'decrypts', 'denied', 'fails', 'detected', 'pending', 'x');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (outcomes, keys) => {
        const shuffled = outcomes
          .map((o) => [keys.next().value, o] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, o]) => o);
        expect(outcomeColours([...shuffled, ...outcomes])).toEqual(outcomeColours(outcomes));
      }),
      { seed: 6_003, numRuns: 200 },
    );
  });

  it('gives every outcome one colour: domain and range have equal length, no outcome twice', () => {
    const { domain, range } = outcomeColours(['a', 'b', 'c', 'd', 'e', 'ok', 'denied']);
    expect(domain).toHaveLength(7);
    expect(range).toHaveLength(7);
    expect(new Set(domain).size).toBe(7);
  });
});
