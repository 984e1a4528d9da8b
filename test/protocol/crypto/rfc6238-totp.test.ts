import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTotpStep, type OtpHash, totp, totpStep, verifyTotp } from '../../../src/protocol/crypto/otp.ts';
import vectors from './vectors/rfc6238-totp.json' with { type: 'json' };

function asHash(name: string): OtpHash {
  if (name === 'sha1' || name === 'sha256' || name === 'sha512') return name;
  throw new Error(`unknown hash in the vector file: ${name}`);
}

const seeds: Readonly<Record<OtpHash, Uint8Array>> = {
  sha1: new TextEncoder().encode(vectors.seedsAscii.sha1),
  sha256: new TextEncoder().encode(vectors.seedsAscii.sha256),
  sha512: new TextEncoder().encode(vectors.seedsAscii.sha512),
};

describe('RFC 6238 TOTP', () => {
  it('uses the 20, 32 and 64-byte seeds of Appendix B', () => {
    expect([seeds.sha1.length, seeds.sha256.length, seeds.sha512.length]).toEqual([20, 32, 64]);
  });

  it.each(vectors.rows)(
    'Appendix B: time $time with $hash gives $totp',
    ({ time, stepHex, hash, totp: code }) => {
      const options = { digits: vectors.digits, hash: asHash(hash) };
      expect(totpStep(time)).toBe(BigInt(`0x${stepHex}`));
      expect(totp(seeds[asHash(hash)], time, options)).toBe(code);
      expect(verifyTotp(seeds[asHash(hash)], code, time, { ...options, window: 0 })).toBe(true);
    },
  );

  it('places a time in its step with T0 and a custom step length', () => {
    expect(totpStep(89, { t0: 30 })).toBe(1n);
    expect(totpStep(90, { t0: 30 })).toBe(2n);
    expect(totpStep(119, { step: 60 })).toBe(1n);
    expect(() => totpStep(10, { t0: 20 })).toThrow(RangeError);
    expect(() => totpStep(10, { step: 0 })).toThrow(RangeError);
    expect(() => totpStep(Number.NaN)).toThrow(RangeError);
  });

  it('accepts a code one step late with the default window, and not two steps late', () => {
    const code = totp(seeds.sha1, 1111111109, { digits: 8 });
    expect(verifyTotp(seeds.sha1, code, 1111111109 + 30, { digits: 8 })).toBe(true);
    expect(verifyTotp(seeds.sha1, code, 1111111109 - 30, { digits: 8 })).toBe(true);
    expect(verifyTotp(seeds.sha1, code, 1111111109 + 60, { digits: 8 })).toBe(false);
    expect(verifyTotp(seeds.sha1, code, 1111111109 + 30, { digits: 8, window: 0 })).toBe(false);
    expect(verifyTotp(seeds.sha1, code, 1111111109 + 60, { digits: 8, window: 2 })).toBe(true);
  });

  it('names the step a code matched, so a server can refuse its replay', () => {
    const code = totp(seeds.sha1, 1111111109, { digits: 8 });
    expect(matchTotpStep(seeds.sha1, code, 1111111109 + 30, { digits: 8 })).toBe(0x23523ecn);
    expect(matchTotpStep(seeds.sha1, code, 1111111109 + 90, { digits: 8 })).toBeUndefined();
    expect(matchTotpStep(seeds.sha1, totp(seeds.sha1, 0), 0)).toBe(0n);
  });

  it('rejects codes of the wrong length, even when they are a prefix of the right one', () => {
    expect(verifyTotp(seeds.sha1, '9428708', 59, { digits: 8 })).toBe(false);
    expect(verifyTotp(seeds.sha1, '942870820', 59, { digits: 8 })).toBe(false);
    expect(verifyTotp(seeds.sha1, '', 59, { digits: 8 })).toBe(false);
  });

  it('refuses windows that would keep codes alive for too long', () => {
    expect(() => verifyTotp(seeds.sha1, '94287082', 59, { window: 11 })).toThrow(RangeError);
    expect(() => verifyTotp(seeds.sha1, '94287082', 59, { window: -1 })).toThrow(RangeError);
  });

  it('property: a fresh code verifies, and any other code of the same length does not (window 0)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.constantFrom<OtpHash>('sha1', 'sha256', 'sha512'),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (secret, time, hash, position, delta) => {
          const code = totp(secret, time, { hash });
          expect(verifyTotp(secret, code, time, { hash })).toBe(true);
          const digit = (Number(code[position]) + delta) % 10;
          const other = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
          expect(verifyTotp(secret, other, time, { hash, window: 0 })).toBe(false);
        },
      ),
      { seed: 4226, numRuns: 200 },
    );
  });
});
