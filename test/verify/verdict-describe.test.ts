import { describe, expect, it } from 'vitest';
import { describeVerdict } from '../../src/verify/verdict.ts';

describe('describeVerdict', () => {
  it('states a proof with its invariant', () => {
    expect(describeVerdict({ kind: 'proved', engine: 'chc', invariant: 'x < 6', seconds: 0.25 })).toBe(
      'proved by chc in 0.250 s; invariant: x < 6',
    );
  });

  it('numbers a violation trace from the initial state, showing parameters', () => {
    const text = describeVerdict(
      {
        kind: 'violated',
        engine: 'bmc',
        initial: { pc0: 'idle', lock: false },
        trace: [{ transition: 'request', params: { p: 0 }, state: { pc0: 'waiting', lock: false } }],
        seconds: 1.5,
      },
      ['lock', 'pc0'],
    );
    expect(text).toBe(
      [
        'violated by bmc in 1.500 s; trace of 1 step:',
        '  0. initial: lock=false, pc0=idle',
        '  1. request(p=0): lock=false, pc0=waiting',
      ].join('\n'),
    );
  });

  it('says an unknown is not a proof', () => {
    expect(
      describeVerdict({
        kind: 'unknown',
        engine: 'bmc',
        reason: 'bound-reached',
        detail: 'no violation up to depth 8',
        seconds: 0.1,
      }),
    ).toBe('unknown by bmc in 0.100 s; bound-reached: no violation up to depth 8 (not a proof)');
  });
});
