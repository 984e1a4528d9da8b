import { readFileSync } from 'node:fs';
import { gcm } from '@noble/ciphers/aes.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt } from '../../../src/protocol/crypto/dem.ts';

interface GcmCase {
  readonly name: string;
  readonly key: string;
  readonly iv: string;
  readonly plaintext: string;
  readonly aad: string;
  readonly ciphertext: string;
  readonly tag: string;
}

const vectors = JSON.parse(readFileSync(new URL('./vectors/gcm-aes256.json', import.meta.url), 'utf8')) as {
  readonly cases: readonly GcmCase[];
};

describe('AES-256-GCM reproduces the GCM specification test cases 13-16', () => {
  for (const v of vectors.cases) {
    const [key, iv, plaintext, aad] = [v.key, v.iv, v.plaintext, v.aad].map((h) => hexToBytes(h)) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];

    it(`${v.name}: exact ciphertext and tag`, () => {
      expect(bytesToHex(aesGcmEncrypt(key, iv, plaintext, aad))).toBe(v.ciphertext + v.tag);
    });

    it(`${v.name}: decrypts, and the pure-JS @noble/ciphers GCM (the benchmark's other column) agrees`, () => {
      const sealed = hexToBytes(v.ciphertext + v.tag);
      const opened = aesGcmDecrypt(key, iv, sealed, aad);
      expect(opened.kind).toBe('opened');
      if (opened.kind === 'opened') expect(bytesToHex(opened.plaintext)).toBe(v.plaintext);
      expect(bytesToHex(gcm(key, iv, aad).encrypt(plaintext))).toBe(v.ciphertext + v.tag);
    });

    it(`${v.name}: a wrong tag is refused`, () => {
      const sealed = hexToBytes(v.ciphertext + v.tag);
      sealed[sealed.length - 1]! ^= 0x01;
      expect(aesGcmDecrypt(key, iv, sealed, aad)).toEqual({ kind: 'tag-mismatch' });
    });
  }

  it('refuses keys and nonces of the wrong size', () => {
    expect(() =>
      aesGcmEncrypt(new Uint8Array(16), new Uint8Array(12), new Uint8Array(0), new Uint8Array(0)),
    ).toThrow('AES-256-GCM key: expected 32 bytes, got 16');
    expect(() =>
      aesGcmDecrypt(new Uint8Array(32), new Uint8Array(8), new Uint8Array(16), new Uint8Array(0)),
    ).toThrow('AES-GCM nonce: expected 12 bytes, got 8');
  });

  it('input shorter than a tag is a tag mismatch, not an exception', () => {
    expect(
      aesGcmDecrypt(new Uint8Array(32), new Uint8Array(12), new Uint8Array(15), new Uint8Array(0)),
    ).toEqual({
      kind: 'tag-mismatch',
    });
  });
});
