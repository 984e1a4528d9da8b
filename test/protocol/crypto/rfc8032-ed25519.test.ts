import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import {
  generateSigningKey,
  signBytes,
  signingKeyFromSecret,
  verifySignature,
} from '../../../src/protocol/crypto/signing.ts';
import vectors from './vectors/rfc8032-ed25519.json' with { type: 'json' };

describe('RFC 8032 Ed25519 signing', () => {
  it.each(vectors.tests)('$name: public key and signature match the RFC', (t) => {
    const key = signingKeyFromSecret(hexToBytes(t.secretHex));
    const message = hexToBytes(t.messageHex);
    expect(bytesToHex(key.publicKey)).toBe(t.publicKeyHex);
    expect(bytesToHex(signBytes(key, message))).toBe(t.signatureHex);
    expect(verifySignature(key.publicKey, message, hexToBytes(t.signatureHex))).toBe(true);
  });

  it('TEST 1: the signature does not verify for another message or a flipped bit', () => {
    const t = vectors.tests[0]!;
    const publicKey = hexToBytes(t.publicKeyHex);
    const signature = hexToBytes(t.signatureHex);
    expect(verifySignature(publicKey, Uint8Array.of(0), signature)).toBe(false);
    signature[0]! ^= 1;
    expect(verifySignature(publicKey, new Uint8Array(0), signature)).toBe(false);
  });

  it('answers malformed keys and signatures with false', () => {
    const t = vectors.tests[0]!;
    expect(verifySignature(new Uint8Array(31), new Uint8Array(0), hexToBytes(t.signatureHex))).toBe(false);
    expect(verifySignature(hexToBytes(t.publicKeyHex), new Uint8Array(0), new Uint8Array(63))).toBe(false);
  });

  it('derives keys from the seeded rng: the same seed gives the same key, another seed another', () => {
    const a = generateSigningKey(seededRng('ca'));
    expect(bytesToHex(generateSigningKey(seededRng('ca')).publicKey)).toBe(bytesToHex(a.publicKey));
    expect(bytesToHex(generateSigningKey(seededRng('cb')).publicKey)).not.toBe(bytesToHex(a.publicKey));
    expect(() => signingKeyFromSecret(new Uint8Array(31))).toThrow(RangeError);
  });
});
