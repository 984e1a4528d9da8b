import { createCipheriv, hkdfSync } from 'node:crypto';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveDemKey,
  encodePartitionAad,
  NONCE_BYTES,
  openPartition,
  type PartitionAad,
  sealPartition,
  TAG_BYTES,
} from '../../../src/protocol/crypto/dem.ts';
import { encodeGt } from '../../../src/protocol/crypto/encoding.ts';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import { sessionKey } from '../../../src/protocol/crypto/sesphr-kem.ts';

const k = sessionKey(0x5e5b4a11n);
const otherK = sessionKey(0x5e5b4a12n);
const aadArb: fc.Arbitrary<PartitionAad> = fc.record({
  fileId: fc.string({ unit: 'binary', maxLength: 40 }),
  label: fc.string({ unit: 'binary', maxLength: 20 }),
  version: fc.nat(),
});
const medical: PartitionAad = { fileId: 'phr-42', label: 'medical', version: 3 };

describe('encodePartitionAad', () => {
  it('is the length-prefixed layout: domain, file id, label, 64-bit version', () => {
    expect(bytesToHex(encodePartitionAad({ fileId: 'f', label: 'medical', version: 3 }))).toBe(
      '000000177365737068722d6c61622f706172746974696f6e2f76310000000166000000076d65646963616c0000000000000003',
    );
  });

  it('is injective: distinct (fileId, label, version) give distinct bytes', () => {
    fc.assert(
      fc.property(aadArb, aadArb, (a, b) => {
        fc.pre(a.fileId !== b.fileId || a.label !== b.label || a.version !== b.version);
        expect(bytesToHex(encodePartitionAad(a))).not.toBe(bytesToHex(encodePartitionAad(b)));
      }),
      { seed: 5869, numRuns: 500 },
    );
    // The classic concatenation ambiguity: ("ab", "c") against ("a", "bc").
    expect(bytesToHex(encodePartitionAad({ fileId: 'ab', label: 'c', version: 1 }))).not.toBe(
      bytesToHex(encodePartitionAad({ fileId: 'a', label: 'bc', version: 1 })),
    );
  });

  it('refuses versions that are not non-negative integers', () => {
    for (const version of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => encodePartitionAad({ fileId: 'f', label: 'l', version })).toThrow(
        'PartitionAad.version: expected a non-negative integer',
      );
    }
  });
});

describe('deriveDemKey', () => {
  it('is HKDF-SHA-256 of the encoded K with the encoded aad as info (checked against OpenSSL)', () => {
    const expected = hkdfSync(
      'sha256',
      encodeGt(k),
      utf8ToBytes('sesphr-lab/dem/hkdf-salt/v1'),
      encodePartitionAad(medical),
      32,
    );
    expect(bytesToHex(deriveDemKey(k, medical))).toBe(bytesToHex(new Uint8Array(expected)));
  });

  it('gives a different key for every partition version and every K', () => {
    const keys = [
      deriveDemKey(k, medical),
      deriveDemKey(k, { ...medical, version: 4 }),
      deriveDemKey(k, { ...medical, label: 'insurance' }),
      deriveDemKey(k, { ...medical, fileId: 'phr-43' }),
      deriveDemKey(otherK, medical),
    ].map(bytesToHex);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('sealPartition / openPartition', () => {
  it('is nonce ‖ AES-256-GCM(ciphertext ‖ tag) with the nonce drawn from the rng (checked against OpenSSL)', () => {
    const plaintext = utf8ToBytes('{"resourceType":"Observation","code":"8480-6"}');
    const sealed = sealPartition(k, medical, plaintext, seededRng('seal'));
    const nonce = seededRng('seal').bytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', deriveDemKey(k, medical), nonce);
    cipher.setAAD(encodePartitionAad(medical));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    expect(bytesToHex(sealed)).toBe(bytesToHex(nonce) + body.toString('hex'));
    expect(sealed).toHaveLength(NONCE_BYTES + plaintext.length + TAG_BYTES);
  });

  it('round-trips any bytes under any aad', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), aadArb, fc.string(), (plaintext, aad, seed) => {
        const sealed = sealPartition(k, aad, plaintext, seededRng(seed));
        expect(openPartition(k, aad, sealed)).toEqual({ kind: 'opened', plaintext });
      }),
      { seed: 128, numRuns: 200 },
    );
  });

  it('round-trips a 4 MiB partition', () => {
    const plaintext = seededRng('big').bytes(4 * 1024 * 1024);
    const opened = openPartition(k, medical, sealPartition(k, medical, plaintext, seededRng('big-nonce')));
    expect(opened.kind).toBe('opened');
    if (opened.kind === 'opened') expect(Buffer.compare(opened.plaintext, plaintext)).toBe(0);
  });

  it('fails the tag check on any single-bit flip of the sealed bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 500 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (plaintext, at, bit) => {
          const sealed = sealPartition(k, medical, plaintext, seededRng('flip'));
          sealed[at % sealed.length]! ^= 1 << bit;
          expect(openPartition(k, medical, sealed)).toEqual({ kind: 'tag-mismatch' });
        },
      ),
      { seed: 1, numRuns: 500 },
    );
  });

  it('fails the tag check under any other aad', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), aadArb, aadArb, (plaintext, aad, other) => {
        fc.pre(aad.fileId !== other.fileId || aad.label !== other.label || aad.version !== other.version);
        const sealed = sealPartition(k, aad, plaintext, seededRng('aad'));
        expect(openPartition(k, other, sealed)).toEqual({ kind: 'tag-mismatch' });
      }),
      { seed: 2, numRuns: 300 },
    );
  });

  it('fails the tag check under another K, and on truncation or extension', () => {
    const plaintext = utf8ToBytes('{"resourceType":"Coverage"}');
    const sealed = sealPartition(k, medical, plaintext, seededRng('misc'));
    expect(openPartition(otherK, medical, sealed)).toEqual({ kind: 'tag-mismatch' });
    expect(openPartition(k, medical, sealed.subarray(0, sealed.length - 1))).toEqual({
      kind: 'tag-mismatch',
    });
    const extended = new Uint8Array(sealed.length + 1);
    extended.set(sealed);
    expect(openPartition(k, medical, extended)).toEqual({ kind: 'tag-mismatch' });
    for (let length = 0; length < NONCE_BYTES + TAG_BYTES; length++) {
      expect(openPartition(k, medical, sealed.subarray(0, length))).toEqual({ kind: 'tag-mismatch' });
    }
  });

  it('draws a fresh nonce for each seal, so the same partition seals to different bytes', () => {
    const rng = seededRng('nonces');
    const plaintext = utf8ToBytes('same');
    expect(bytesToHex(sealPartition(k, medical, plaintext, rng))).not.toBe(
      bytesToHex(sealPartition(k, medical, plaintext, rng)),
    );
  });
});
