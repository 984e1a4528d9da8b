import { describe, expect, it } from 'vitest';
import { parseOpensslSpeed } from '../../../src/sim/bench/openssl-speed.ts';

const OPENSSL_3_OUTPUT = `version: 3.0.19
built on: Fri Apr  3 12:29:32 2026 UTC
options: bn(64,64)
The 'numbers' are in 1000s of bytes per second processed.
type             16 bytes     64 bytes    256 bytes   1024 bytes   8192 bytes  16384 bytes
AES-256-GCM      33081.96k   111422.84k   405980.00k  1197334.40k  2426809.38k  3274497.38k
`;

describe('parseOpensslSpeed', () => {
  it('reads the 16384-byte column in MB/s (OpenSSL prints thousands of bytes per second)', () => {
    expect(parseOpensslSpeed(OPENSSL_3_OUTPUT)).toBe(3274.5);
  });

  it('finds the column by its header, not by position', () => {
    const fewerColumns = OPENSSL_3_OUTPUT.replace(/ {2}16 bytes/, '').replace('33081.96k   ', '');
    expect(parseOpensslSpeed(fewerColumns)).toBe(3274.5);
  });

  it('says undefined when the row, the column or the unit is missing', () => {
    expect(parseOpensslSpeed('')).toBeUndefined();
    expect(parseOpensslSpeed(OPENSSL_3_OUTPUT.replace('AES-256-GCM', 'AES-128-GCM'))).toBeUndefined();
    expect(parseOpensslSpeed(OPENSSL_3_OUTPUT.replace('16384 bytes', '16000 bytes'))).toBeUndefined();
    expect(parseOpensslSpeed(OPENSSL_3_OUTPUT.replace('3274497.38k', '3274497.38'))).toBeUndefined();
  });
});
