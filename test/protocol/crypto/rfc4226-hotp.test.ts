import { describe, expect, it } from 'vitest';
import { hotp } from '../../../src/protocol/crypto/otp.ts';
import vectors from './vectors/rfc4226-hotp.json' with { type: 'json' };

const secret = new TextEncoder().encode(vectors.secretAscii);

describe('RFC 4226 HOTP', () => {
  it.each(vectors.values)('Appendix D: count $count gives $hotp', ({ count, hotp: expected }) => {
    expect(hotp(secret, BigInt(count), { digits: vectors.digits })).toBe(expected);
  });

  it('defaults to 6 digits and HMAC-SHA-1, as RFC 4226 does', () => {
    expect(hotp(secret, 0n)).toBe('755224');
  });

  it('keeps leading zeros and the low digits when asked for more of them', () => {
    // Count 0 truncates to 1284755224 (RFC 4226 Appendix D); ten digits show it whole.
    expect(hotp(secret, 0n, { digits: 10 })).toBe('1284755224');
    expect(hotp(secret, 0n, { digits: 8 })).toBe('84755224');
  });

  it('refuses counters outside 64 bits and digit counts outside [6, 10]', () => {
    expect(() => hotp(secret, -1n)).toThrow(RangeError);
    expect(() => hotp(secret, 1n << 64n)).toThrow(RangeError);
    expect(hotp(secret, (1n << 64n) - 1n)).toMatch(/^\d{6}$/);
    expect(() => hotp(secret, 0n, { digits: 5 })).toThrow(/digits/);
    expect(() => hotp(secret, 0n, { digits: 11 })).toThrow(/digits/);
    expect(() => hotp(secret, 0n, { digits: 6.5 })).toThrow(/digits/);
  });
});
