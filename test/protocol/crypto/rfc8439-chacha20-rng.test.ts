import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkRng, keyedRng, type Rng, seededRng } from '../../../src/protocol/crypto/rng.ts';

interface KeystreamCase {
  readonly name: string;
  readonly key: string;
  readonly counter: number;
  readonly keystream: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('./vectors/rfc8439-chacha20-keystream.json', import.meta.url), 'utf8'),
) as { readonly cases: readonly KeystreamCase[] };

/** Independent oracle: OpenSSL's ChaCha20 (IV = 32-bit little-endian counter ‖ 96-bit nonce). */
function opensslKeystream(key: Uint8Array, length: number): Uint8Array {
  return createCipheriv('chacha20', key, new Uint8Array(16)).update(new Uint8Array(length));
}

describe('keyedRng is the RFC 8439 ChaCha20 keystream with a zero nonce', () => {
  for (const v of vectors.cases) {
    it(`${v.name}: block ${v.counter} of the stream`, () => {
      const stream = keyedRng(hexToBytes(v.key)).bytes(64 * (v.counter + 1));
      expect(bytesToHex(stream.subarray(64 * v.counter))).toBe(v.keystream);
    });
  }

  it('rejects keys that are not 32 bytes', () => {
    expect(() => keyedRng(new Uint8Array(31))).toThrow('keyedRng: key must be 32 bytes, got 31');
  });
});

describe('seededRng', () => {
  it('is ChaCha20 keyed by SHA-256 of the seed (checked against OpenSSL)', () => {
    for (const seed of ['', 'sesphr', 'seed with ünïcode', 'x'.repeat(1000)]) {
      const expected = opensslKeystream(sha256(utf8ToBytes(seed)), 10_000);
      expect(bytesToHex(sha256(seededRng(seed).bytes(10_000)))).toBe(bytesToHex(sha256(expected)));
    }
  });

  it('pins the first bytes of a known seed', () => {
    expect(bytesToHex(seededRng('a').bytes(8))).toBe('205e842478fd831e');
  });

  it('gives the same stream however the draws are split', () => {
    const reference = seededRng('split').bytes(12 * 5000);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 12 }), (sizes) => {
        const rng = seededRng('split');
        const parts = sizes.map((n) => rng.bytes(n));
        const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let offset = 0;
        for (const p of parts) {
          joined.set(p, offset);
          offset += p.length;
        }
        expect(bytesToHex(sha256(joined))).toBe(bytesToHex(sha256(reference.subarray(0, joined.length))));
      }),
      { seed: 8439, numRuns: 100 },
    );
  });

  it('gives different streams for different seeds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(bytesToHex(seededRng(a).bytes(32))).not.toBe(bytesToHex(seededRng(b).bytes(32)));
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('rejects negative and fractional counts', () => {
    const rng = seededRng('counts');
    expect(() => rng.bytes(-1)).toThrow('expected a non-negative integer count, got -1');
    expect(() => rng.bytes(1.5)).toThrow('got 1.5');
    expect(rng.bytes(0)).toHaveLength(0);
  });
});

describe('forkRng', () => {
  it('does not depend on how much the parent has drawn', () => {
    const fresh = seededRng('parent');
    const used = seededRng('parent');
    used.bytes(12_345);
    expect(bytesToHex(forkRng(used, 'srs').bytes(64))).toBe(bytesToHex(forkRng(fresh, 'srs').bytes(64)));
  });

  it('does not shift the parent or a sibling when a fork draws', () => {
    const quiet = seededRng('parent');
    const busy = seededRng('parent');
    forkRng(busy, 'owner').bytes(5000);
    expect(bytesToHex(busy.bytes(64))).toBe(bytesToHex(quiet.bytes(64)));
    expect(bytesToHex(forkRng(busy, 'cloud').bytes(64))).toBe(bytesToHex(forkRng(quiet, 'cloud').bytes(64)));
  });

  it('gives distinct streams for distinct labels, and differs from the parent', () => {
    const parent = seededRng('parent');
    const streams = ['', 'srs', 'owner', 'cloud', 'srs/0', 'srs0'].map((label) =>
      bytesToHex(forkRng(parent, label).bytes(32)),
    );
    streams.push(bytesToHex(seededRng('parent').bytes(32)));
    expect(new Set(streams).size).toBe(streams.length);
  });

  it('keys a fork of a foreign Rng from 32 bytes drawn from it', () => {
    let drawn = 0;
    const counting: Rng = {
      bytes: (n) => {
        drawn += n;
        return new Uint8Array(n).fill(7);
      },
    };
    const a = forkRng(counting, 'x').bytes(16);
    expect(drawn).toBe(32);
    expect(bytesToHex(a)).not.toBe(bytesToHex(forkRng(counting, 'y').bytes(16)));
    expect(bytesToHex(forkRng(counting, 'x').bytes(16))).toBe(bytesToHex(a));
  });
});
