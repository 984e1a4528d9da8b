import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DecodeError,
  decodeG1,
  decodeG2,
  decodeGt,
  decodeScalar,
  encodeG1,
  encodeG2,
  encodeGt,
  encodeScalar,
  G1_BYTES,
  G2_BYTES,
  GT_BYTES,
  isDecodeError,
  SCALAR_BYTES,
} from '../../../src/protocol/crypto/encoding.ts';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import {
  G1_GENERATOR,
  G2_GENERATOR,
  GROUP_ORDER,
  gtEquals,
  ownerParameter,
  publicKeyOf,
  sessionKey,
} from '../../../src/protocol/crypto/sesphr-kem.ts';

const { Fp, Fp2, Fp12 } = bls12_381.fields;
const q = GROUP_ORDER;
const scalar = fc.bigInt({ min: 1n, max: q - 1n });

function decodeFailure(decode: () => unknown): DecodeError {
  try {
    decode();
  } catch (e) {
    if (isDecodeError(e)) return e;
    throw new Error(`expected a DecodeError, got ${String(e)}`);
  }
  throw new Error('expected a DecodeError, but decoding succeeded');
}

function bigToBytes(v: bigint, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => Number((v >> BigInt(8 * (length - 1 - i))) & 0xffn));
}

/** A compressed G1 encoding of a curve point outside the order-q subgroup (cofactor h ≠ 1). */
function g1PointOutsideSubgroup(): Uint8Array {
  for (let x = 1n; ; x++) {
    const y2 = Fp.add(Fp.pow(x, 3n), 4n);
    let y: bigint;
    try {
      y = Fp.sqrt(y2);
    } catch {
      continue;
    }
    const p = bls12_381.G1.Point.fromAffine({ x, y });
    if (!p.multiply(1n).is0() && !p.isTorsionFree()) {
      const bytes = bigToBytes(x, G1_BYTES);
      bytes[0]! |= 0x80;
      return bytes;
    }
  }
}

/** A compressed G2 encoding of a twist point outside the order-q subgroup. */
function g2PointOutsideSubgroup(): Uint8Array {
  const b = Fp2.fromBigTuple([4n, 4n]);
  for (let c0 = 1n; ; c0++) {
    const x = Fp2.fromBigTuple([c0, 0n]);
    const y2 = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b);
    let y: ReturnType<typeof Fp2.sqrt>;
    try {
      y = Fp2.sqrt(y2);
    } catch {
      continue;
    }
    const p = bls12_381.G2.Point.fromAffine({ x, y });
    if (!p.isTorsionFree()) {
      // ZCash layout: x.c1 ‖ x.c0 with the compression flag on the first byte.
      const bytes = new Uint8Array(G2_BYTES);
      bytes.set(bigToBytes(c0, 48), 48);
      bytes[0]! |= 0x80;
      return bytes;
    }
  }
}

describe('round trips', () => {
  it('G1: decodeG1(encodeG1(p)) = p, 48 bytes', () => {
    fc.assert(
      fc.property(scalar, scalar, (r, x) => {
        const p = ownerParameter(r, x);
        const bytes = encodeG1(p);
        expect(bytes).toHaveLength(G1_BYTES);
        expect(decodeG1(bytes).equals(p)).toBe(true);
      }),
      { seed: 48, numRuns: 30 },
    );
  });

  it('G2: decodeG2(encodeG2(pk)) = pk, 96 bytes', () => {
    fc.assert(
      fc.property(scalar, (x) => {
        const pk = publicKeyOf(x);
        const bytes = encodeG2(pk);
        expect(bytes).toHaveLength(G2_BYTES);
        expect(decodeG2(bytes).equals(pk)).toBe(true);
      }),
      { seed: 96, numRuns: 15 },
    );
  });

  it('GT: decodeGt(encodeGt(K)) = K, 576 bytes', () => {
    fc.assert(
      fc.property(scalar, (r) => {
        const k = sessionKey(r);
        const bytes = encodeGt(k);
        expect(bytes).toHaveLength(GT_BYTES);
        expect(gtEquals(decodeGt(bytes), k)).toBe(true);
      }),
      { seed: 576, numRuns: 8 },
    );
  });

  it('scalar: 32-byte big-endian, decodeScalar(encodeScalar(x)) = x', () => {
    fc.assert(
      fc.property(scalar, (x) => {
        const bytes = encodeScalar(x);
        expect(bytes).toHaveLength(SCALAR_BYTES);
        expect(decodeScalar(bytes)).toBe(x);
      }),
      { seed: 32, numRuns: 500 },
    );
    expect(bytesToHex(encodeScalar(0x0102n))).toBe(`${'00'.repeat(30)}0102`);
    expect(bytesToHex(encodeScalar(q - 1n))).toBe(
      '73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000',
    );
  });

  it('pins the generators’ encodings (ZCash compressed format)', () => {
    expect(bytesToHex(encodeG1(G1_GENERATOR))).toBe(
      '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb',
    );
    expect(bytesToHex(encodeG2(G2_GENERATOR)).slice(0, 24)).toBe('93e02b6052719f607dacd3a0');
  });
});

describe('decoders reject wrong lengths with a message naming expected and received', () => {
  const cases = [
    { name: 'G1 point', decode: decodeG1, expected: G1_BYTES },
    { name: 'G2 point', decode: decodeG2, expected: G2_BYTES },
    { name: 'GT element', decode: decodeGt, expected: GT_BYTES },
    { name: 'scalar', decode: decodeScalar, expected: SCALAR_BYTES },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 700 }), (length) => {
          fc.pre(length !== c.expected);
          const e = decodeFailure(() => c.decode(new Uint8Array(length)));
          expect(e.message).toBe(`${c.name}: expected ${c.expected} bytes, got ${length}`);
          expect(e).toBeInstanceOf(DecodeError);
          expect(e.name).toBe('DecodeError');
        }),
        { seed: c.expected, numRuns: 60 },
      );
    });
  }

  it('the example of the contract', () => {
    expect(decodeFailure(() => decodeG1(new Uint8Array(47))).message).toBe(
      'G1 point: expected 48 bytes, got 47',
    );
  });
});

describe('decoders reject bad values', () => {
  it('G1: not on the curve, outside the subgroup, x >= p, identity', () => {
    const noFlag = encodeG1(G1_GENERATOR).slice();
    noFlag[0]! &= 0x7f; // an uncompressed-flag header on 48 bytes is malformed
    expect(decodeFailure(() => decodeG1(noFlag)).message).toMatch(
      /^G1 point: expected a valid compressed point, got 0x/,
    );
    expect(decodeFailure(() => decodeG1(g1PointOutsideSubgroup())).message).toMatch(
      /^G1 point: expected a valid compressed point, got 0x.*subgroup/,
    );
    const xTooLarge = bigToBytes(Fp.ORDER, G1_BYTES);
    xTooLarge[0]! |= 0x80;
    expect(decodeFailure(() => decodeG1(xTooLarge)).message).toMatch(
      /^G1 point: expected a valid compressed point/,
    );
    expect(decodeFailure(() => decodeG1(encodeG1(bls12_381.G1.Point.ZERO))).message).toBe(
      'G1 point: expected a non-identity point, got the point at infinity',
    );
  });

  it('G1: x-coordinates with no curve point are refused', () => {
    let refused = 0;
    for (let x = 1n; x < 40n; x++) {
      const bytes = bigToBytes(x, G1_BYTES);
      bytes[0]! |= 0x80;
      let onCurve = true;
      try {
        Fp.sqrt(Fp.add(Fp.pow(x, 3n), 4n));
      } catch {
        onCurve = false;
      }
      if (!onCurve) {
        refused++;
        expect(decodeFailure(() => decodeG1(bytes)).message).toMatch(
          /^G1 point: expected a valid compressed point/,
        );
      }
    }
    expect(refused).toBeGreaterThan(5);
  });

  it('G2: outside the subgroup, identity, a flipped byte', () => {
    expect(decodeFailure(() => decodeG2(g2PointOutsideSubgroup())).message).toMatch(
      /^G2 point: expected a valid compressed point, got 0x.*subgroup/,
    );
    expect(decodeFailure(() => decodeG2(encodeG2(bls12_381.G2.Point.ZERO))).message).toBe(
      'G2 point: expected a non-identity point, got the point at infinity',
    );
    const flipped = encodeG2(G2_GENERATOR).slice();
    flipped[0]! ^= 0x80;
    expect(decodeFailure(() => decodeG2(flipped)).message).toMatch(
      /^G2 point: expected a valid compressed point/,
    );
  });

  it('GT: non-canonical coefficients, outside GT, identity', () => {
    expect(decodeFailure(() => decodeGt(new Uint8Array(GT_BYTES).fill(0xff))).message).toMatch(
      /^GT element: expected twelve canonical Fp coefficients, got 0x/,
    );
    const k = encodeGt(sessionKey(12345n)).slice();
    k[GT_BYTES - 1]! ^= 1;
    expect(decodeFailure(() => decodeGt(k)).message).toMatch(
      /^GT element: expected an element of the order-q subgroup/,
    );
    expect(decodeFailure(() => decodeGt(encodeGt(Fp12.ONE))).message).toBe(
      'GT element: expected a non-identity element, got 1',
    );
    expect(decodeFailure(() => decodeGt(new Uint8Array(GT_BYTES))).message).toMatch(/order-q subgroup/);
  });

  it('scalar: 0 and values >= q are refused, not reduced', () => {
    expect(decodeFailure(() => decodeScalar(new Uint8Array(32))).message).toBe(
      'scalar: expected a value in [1, q-1], got 0',
    );
    expect(decodeFailure(() => decodeScalar(bigToBytes(q, 32))).message).toMatch(
      /^scalar: expected a value in \[1, q-1\], got 0x73eda753.*\(>= q\)$/,
    );
    expect(decodeFailure(() => decodeScalar(new Uint8Array(32).fill(0xff))).message).toMatch(/>= q/);
    expect(() => encodeScalar(0n)).toThrow(RangeError);
    expect(() => encodeScalar(q)).toThrow(RangeError);
  });

  it('random bytes of the right length never decode to a GT element', () => {
    const rng = seededRng('gt-noise');
    for (let i = 0; i < 20; i++) {
      expect(() => decodeGt(rng.bytes(GT_BYTES))).toThrow(DecodeError);
    }
  });
});
