import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../../src/sim/scenario/did-you-mean.ts';
import { OPERATION_NAMES } from '../../../src/sim/scenario/operations.ts';

const TOP_LEVEL = [
  'name',
  'description',
  'seed',
  'variant',
  'start',
  'buckets',
  'principals',
  'owners',
  'steps',
];

describe('did you mean', () => {
  it.each([
    ['reqest', OPERATION_NAMES, 'request'],
    ['reqeust', OPERATION_NAMES, 'request'],
    ['Upload', OPERATION_NAMES, 'upload'],
    ['decript', OPERATION_NAMES, 'decrypt'],
    ['revoke-cert', OPERATION_NAMES, undefined],
    ['revoke_certificate', OPERATION_NAMES, 'revoke-certificate'],
    ['colude', OPERATION_NAMES, 'collude'],
    ['stpes', TOP_LEVEL, 'steps'],
    ['principal', TOP_LEVEL, 'principals'],
    ['owner', TOP_LEVEL, 'owners'],
    ['xyz', TOP_LEVEL, undefined],
    ['banana', TOP_LEVEL, undefined],
    ['', TOP_LEVEL, undefined],
  ] as const)('%j among %j suggests %j', (given, candidates, expected) => {
    expect(closest(given, candidates)).toBe(expected);
  });

  it('phrases a suggestion for the middle of a message, and nothing when none is close', () => {
    expect(didYouMean('reqest', OPERATION_NAMES)).toBe(" did you mean 'request'?");
    expect(didYouMean('zzz', OPERATION_NAMES)).toBe('');
  });

  it('an exact name always suggests itself', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (names, pick) => {
          const name = names[pick % names.length]!;
          const lowerClash = names.some(
            (other) => other !== name && other.toLowerCase() === name.toLowerCase(),
          );
          if (!lowerClash) expect(closest(name, names)).toBe(name);
        },
      ),
    );
  });
});
