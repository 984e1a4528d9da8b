import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import {
  buildIndex,
  DEFAULT_BUCKET_SIZE,
  matches,
  normaliseKeyword,
  searchKey,
  trapdoor,
} from '../../../src/protocol/crypto/sse.ts';

const partitionKey = Uint8Array.from({ length: 32 }, (_, i) => i);
const key = searchKey(partitionKey, 'f1', 'medical');
const keywords = fc.array(
  fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((w) => normaliseKeyword(w).length > 0),
  { minLength: 1, maxLength: 12 },
);
const keys = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('searchable symmetric encryption', () => {
  it('derives the search key by HKDF-SHA-256 with the file and label bound (pinned value)', () => {
    expect(bytesToHex(key)).toBe('71e8b9484bf8a3878927e66ea11fe7c7d10cf4f2d26c75ea97db5e06da197c6e');
    expect(bytesToHex(searchKey(partitionKey, 'f1', 'insurance'))).not.toBe(bytesToHex(key));
    expect(bytesToHex(searchKey(partitionKey, 'f2', 'medical'))).not.toBe(bytesToHex(key));
    expect(() => searchKey(new Uint8Array(15), 'f1', 'medical')).toThrow(RangeError);
  });

  it('computes a trapdoor as HMAC-SHA-256 of the normalised keyword (RFC 4231 test case 2, pinned value)', () => {
    const jefe = new TextEncoder().encode('Jefe');
    const rfc4231 = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(bytesToHex(trapdoor(jefe, 'what do ya want for nothing?'))).toBe(rfc4231);
    expect(bytesToHex(trapdoor(jefe, '  WHAT do ya\twant for  nothing? '))).toBe(rfc4231);
    expect(bytesToHex(trapdoor(key, 'Type 2 Diabetes Mellitus'))).toBe(
      'c77c1ab99a76216d0e35a99f1213fe16cf3e6bbb80412646380dc97d835564db',
    );
  });

  it('normalises case, Unicode compatibility forms and white space', () => {
    expect(normaliseKeyword('  Type 2\u00a0 DIABETES ')).toBe('type 2 diabetes');
    expect(normaliseKeyword('ＡＳＴＨＭＡ')).toBe('asthma');
    expect(normaliseKeyword('\ufb01brosis')).toBe('fibrosis');
    expect(normaliseKeyword('Cafe\u0301')).toBe('caf\u00e9');
    expect(() => trapdoor(key, ' \t ')).toThrow(RangeError);
  });

  it('finds indexed keywords in any of their written forms, and nothing else', () => {
    const index = buildIndex(key, ['Asthma', 'Metformin 500 MG'], seededRng('sse/1'));
    expect(matches(index, trapdoor(key, 'ASTHMA '))).toBe(true);
    expect(matches(index, trapdoor(key, 'metformin  500 mg'))).toBe(true);
    expect(matches(index, trapdoor(key, 'asthm'))).toBe(false);
    expect(matches(index, trapdoor(searchKey(partitionKey, 'f1', 'prescription'), 'asthma'))).toBe(false);
  });

  it('pads to whole buckets, so 1 and 64 keywords give indices of one size', () => {
    const many = Array.from({ length: DEFAULT_BUCKET_SIZE }, (_, i) => `keyword ${i}`);
    expect(buildIndex(key, ['one'], seededRng('sse/2')).tokens.size).toBe(DEFAULT_BUCKET_SIZE);
    expect(buildIndex(key, many, seededRng('sse/2')).tokens.size).toBe(DEFAULT_BUCKET_SIZE);
    expect(buildIndex(key, [...many, 'one more'], seededRng('sse/2')).tokens.size).toBe(
      2 * DEFAULT_BUCKET_SIZE,
    );
    expect(buildIndex(key, [], seededRng('sse/2')).tokens.size).toBe(DEFAULT_BUCKET_SIZE);
    expect(buildIndex(key, ['a', 'A', ' a '], seededRng('sse/2'), { bucketSize: 1 }).tokens.size).toBe(1);
    expect(() => buildIndex(key, ['a'], seededRng('sse/2'), { bucketSize: 0 })).toThrow(RangeError);
  });

  it('is deterministic from the rng and does not put the real tokens first', () => {
    const words = ['asthma', 'hypertension', 'metformin'];
    const a = [...buildIndex(key, words, seededRng('sse/3')).tokens];
    const b = [...buildIndex(key, words, seededRng('sse/3')).tokens];
    const c = [...buildIndex(key, words, seededRng('sse/4')).tokens];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const real = words.map((w) => bytesToHex(trapdoor(key, w)));
    expect(a.slice(0, 3)).not.toEqual(real);
    expect(real.every((t) => a.includes(t) && c.includes(t))).toBe(true);
  });

  it('property: every indexed keyword matches its trapdoor under the same key', () => {
    fc.assert(
      fc.property(keys, keywords, fc.string(), (k, words, seed) => {
        const index = buildIndex(k, words, seededRng(seed), { bucketSize: 8 });
        expect(index.tokens.size % 8).toBe(0);
        for (const w of words) {
          expect(matches(index, trapdoor(k, normaliseKeyword(w)))).toBe(true);
          expect(matches(index, trapdoor(k, `\t${w}  `))).toBe(true);
        }
      }),
      { seed: 4231, numRuns: 100 },
    );
  });

  it('property: a trapdoor under any other key never matches', () => {
    fc.assert(
      fc.property(keys, keys, keywords, (k, other, words) => {
        fc.pre(bytesToHex(k) !== bytesToHex(other));
        const index = buildIndex(k, words, seededRng('sse/property'), { bucketSize: 4 });
        for (const w of words) expect(matches(index, trapdoor(other, w))).toBe(false);
      }),
      { seed: 4232, numRuns: 100 },
    );
  });

  it('property: a user with another partition key derives a search key whose trapdoors never match', () => {
    fc.assert(
      fc.property(keys, keys, keywords, (mine, theirs, words) => {
        fc.pre(bytesToHex(mine) !== bytesToHex(theirs));
        const index = buildIndex(searchKey(mine, 'f1', 'medical'), words, seededRng('sse/p'), {
          bucketSize: 4,
        });
        const guess = searchKey(theirs, 'f1', 'medical');
        for (const w of words) expect(matches(index, trapdoor(guess, w))).toBe(false);
      }),
      { seed: 4233, numRuns: 100 },
    );
  });
});
