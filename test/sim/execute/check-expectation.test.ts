import { describe, expect, it } from 'vitest';
import { checkExpectation, expectationHolds } from '../../../src/sim/execute/index.ts';

describe('checkExpectation', () => {
  it.each([
    [undefined, 'granted', { kind: 'unchecked', actual: 'granted' }, true],
    ['granted', 'granted', { kind: 'met', expected: 'granted', actual: 'granted' }, true],
    ['granted', 'denied', { kind: 'unmet', expected: 'granted', actual: 'denied' }, false],
    ['ok', 'denied', { kind: 'unmet', expected: 'ok', actual: 'denied' }, false],
    ['detected', 'clean', { kind: 'unmet', expected: 'detected', actual: 'clean' }, false],
  ] as const)('expected %s, got %s', (expected, actual, check, holds) => {
    expect(checkExpectation(expected, actual)).toEqual(check);
    expect(expectationHolds(checkExpectation(expected, actual))).toBe(holds);
  });
});
