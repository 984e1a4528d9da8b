import { describe, expect, it } from 'vitest';
import { shortDigest, textDigest } from '../../../src/sim/execute/index.ts';

describe('short digests', () => {
  it('are the first 16 hex characters of SHA-256 (FIPS 180-2 vectors)', () => {
    expect(shortDigest(new Uint8Array(0))).toBe('e3b0c44298fc1c14');
    expect(textDigest('abc')).toBe('ba7816bf8f01cfea');
    expect(shortDigest(new TextEncoder().encode('abc'))).toBe(textDigest('abc'));
  });
});
