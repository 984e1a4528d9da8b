import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import { type SignedTime, signTime, verifySignedTime } from '../../../src/protocol/crypto/signed-time.ts';
import { generateSigningKey } from '../../../src/protocol/crypto/signing.ts';

const server = generateSigningKey(seededRng('signed-time-test/server'));
const impostor = generateSigningKey(seededRng('signed-time-test/impostor'));
const nonce = Uint8Array.from({ length: 16 }, (_, i) => i);

describe('signed time', () => {
  it('verifies under the time server key and answers the nonce it was asked with', () => {
    const st = signTime(server, 1_700_000_000, nonce);
    expect(st.signature).toHaveLength(64);
    expect(verifySignedTime(server.publicKey, st)).toBe(true);
    expect(verifySignedTime(server.publicKey, st, nonce)).toBe(true);
    expect(verifySignedTime(server.publicKey, st, Uint8Array.of(1, 2, 3))).toBe(false);
    expect(verifySignedTime(impostor.publicKey, st)).toBe(false);
    expect(verifySignedTime(server.publicKey, signTime(impostor, 1_700_000_000, nonce))).toBe(false);
  });

  it('is not changed by later edits to the caller’s nonce buffer', () => {
    const buffer = Uint8Array.from(nonce);
    const st = signTime(server, 5, buffer);
    buffer[0] = 99;
    expect(verifySignedTime(server.publicKey, st, nonce)).toBe(true);
  });

  it('refuses a statement with a non-finite time instead of throwing', () => {
    const st = signTime(server, 5, nonce);
    expect(verifySignedTime(server.publicKey, { ...st, time: Number.NaN })).toBe(false);
  });

  it('property: a changed time, a flipped nonce bit or a flipped signature bit fails', () => {
    const tampers: readonly ((st: SignedTime, bit: number) => SignedTime)[] = [
      (st, bit) => ({ ...st, time: st.time + 1 + bit }),
      (st, bit) => ({ ...st, time: st.time - 1 - bit }),
      (st, bit) => ({ ...st, nonce: flip(st.nonce, bit) }),
      (st, bit) => ({ ...st, signature: flip(st.signature, bit) }),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.nat({ max: tampers.length - 1 }),
        fc.nat({ max: 511 }),
        (time, n, which, bit) => {
          const st = signTime(server, time, n);
          expect(verifySignedTime(server.publicKey, st, n)).toBe(true);
          expect(verifySignedTime(server.publicKey, tampers[which]!(st, bit))).toBe(false);
        },
      ),
      { seed: 1588, numRuns: 60 },
    );
  });
});

function flip(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[Math.floor(bit / 8) % copy.length]! ^= 1 << (bit % 8);
  return copy;
}
