import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { hkdfSha256 } from '../../../src/protocol/crypto/dem.ts';

interface HkdfCase {
  readonly name: string;
  readonly ikm: string;
  readonly salt: string;
  readonly info: string;
  readonly length: number;
  readonly okm: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('./vectors/rfc5869-hkdf-sha256.json', import.meta.url), 'utf8'),
) as { readonly cases: readonly HkdfCase[] };

describe('hkdfSha256 reproduces RFC 5869 Appendix A', () => {
  it('has the three SHA-256 cases', () => {
    expect(vectors.cases).toHaveLength(3);
  });
  for (const v of vectors.cases) {
    it(v.name, () => {
      const okm = hkdfSha256(hexToBytes(v.ikm), hexToBytes(v.salt), hexToBytes(v.info), v.length);
      expect(bytesToHex(okm)).toBe(v.okm);
    });
  }
});
