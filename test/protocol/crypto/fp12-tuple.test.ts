import type { Fp12 as Fp12Value } from '@noble/curves/abstract/tower.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conjugate,
  conjugateFrobenius,
  cyclotomicSquare,
  type Fp12Tuple,
  fromFp12,
  mul,
  mulByLine,
  square,
  toFp12,
} from '../../../src/protocol/crypto/fp12-tuple.ts';

const { Fp, Fp12 } = bls12_381.fields;
const p = Fp.ORDER;
const U = 0xd201000000010000n;

/** Fp coefficients, with 0, 1 and p - 1 (the largest inputs, where a missing reduction shows) frequent. */
const coefficient = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, p - 1n, p - 2n),
  fc.bigInt({ min: 0n, max: p - 1n }),
);
const fp12 = fc
  .array(coefficient, { minLength: 12, maxLength: 12 })
  .map((c) => Fp12.fromBigTwelve(c as Parameters<typeof Fp12.fromBigTwelve>[0]));
const nonZeroFp12 = fp12.filter((x) => !Fp12.is0(x));
/** f^{(p⁶ - 1)(p² + 1)}: the easy part of the final exponentiation lands in the cyclotomic subgroup. */
const cyclotomic = nonZeroFp12.map((f) => {
  const t = Fp12.div(Fp12.conjugate(f), f);
  return Fp12.mul(Fp12.frobeniusMap(t, 2), t);
});
const runs = { seed: 1210, numRuns: 200 } as const;

function expectSame(actual: Fp12Tuple, expected: Fp12Value): void {
  for (const c of actual) expect(c >= 0n && c < p).toBe(true);
  expect(actual).toEqual(fromFp12(expected));
  expect(Fp12.eql(toFp12(actual), expected)).toBe(true);
}

describe('the tuple form of Fp12', () => {
  it('round-trips noble values and keeps noble’s coefficient order', () => {
    fc.assert(
      fc.property(fp12, (x) => {
        expect(Fp12.eql(toFp12(fromFp12(x)), x)).toBe(true);
      }),
      runs,
    );
    const twelve = Array.from({ length: 12 }, (_, i) => BigInt(i + 1));
    expect(fromFp12(Fp12.fromBigTwelve(twelve as Parameters<typeof Fp12.fromBigTwelve>[0]))).toEqual(twelve);
    expect(Object.isFrozen(toFp12(fromFp12(Fp12.ONE)))).toBe(true);
  });
});

describe('tuple arithmetic agrees with noble’s Fp12', () => {
  it('mul = Fp12.mul on arbitrary values, with reduced coefficients', () => {
    fc.assert(
      fc.property(fp12, fp12, (x, y) => {
        expectSame(mul(fromFp12(x), fromFp12(y)), Fp12.mul(x, y));
      }),
      runs,
    );
    const minusOne = Fp12.neg(Fp12.ONE);
    expectSame(mul(fromFp12(minusOne), fromFp12(minusOne)), Fp12.ONE);
  });

  it('square = Fp12.sqr on arbitrary values, with reduced coefficients', () => {
    fc.assert(
      fc.property(fp12, (x) => {
        expectSame(square(fromFp12(x)), Fp12.sqr(x));
      }),
      runs,
    );
    expectSame(square(fromFp12(Fp12.neg(Fp12.ONE))), Fp12.ONE);
  });

  it('mulByLine = Fp12.mul by the sparse value o0 + o1·v + o4·v·w', () => {
    fc.assert(
      fc.property(
        fp12,
        fc.array(coefficient, { minLength: 6, maxLength: 6 }),
        (f, [o0r = 0n, o0i = 0n, o1r = 0n, o1i = 0n, o4r = 0n, o4i = 0n]) => {
          const line = Fp12.fromBigTwelve([o0r, o0i, o1r, o1i, 0n, 0n, 0n, 0n, o4r, o4i, 0n, 0n]);
          expectSame(mulByLine(fromFp12(f), o0r, o0i, o1r, o1i, o4r, o4i), Fp12.mul(f, line));
        },
      ),
      runs,
    );
  });

  it('cyclotomicSquare = Fp12.sqr on the cyclotomic subgroup', () => {
    fc.assert(
      fc.property(cyclotomic, (g) => {
        expectSame(cyclotomicSquare(fromFp12(g)), Fp12.sqr(g));
      }),
      runs,
    );
    expectSame(cyclotomicSquare(fromFp12(Fp12.ONE)), Fp12.ONE);
  });

  it('cyclotomicSquare is not a general square: outside the subgroup it differs from Fp12.sqr', () => {
    const w = Fp12.fromBigTwelve([0n, 0n, 0n, 0n, 0n, 0n, 1n, 0n, 0n, 0n, 0n, 0n]);
    expect(Fp12.eql(toFp12(cyclotomicSquare(fromFp12(w))), Fp12.sqr(w))).toBe(false);
  });

  it('conjugate = Fp12.conjugate, and is the inverse on the cyclotomic subgroup', () => {
    fc.assert(
      fc.property(fp12, (x) => {
        expectSame(conjugate(fromFp12(x)), Fp12.conjugate(x));
      }),
      runs,
    );
    fc.assert(
      fc.property(cyclotomic, (g) => {
        expectSame(mul(conjugate(fromFp12(g)), fromFp12(g)), Fp12.ONE);
      }),
      { seed: 6, numRuns: 50 },
    );
  });

  it('conjugateFrobenius = conjugate(frobeniusMap(x, 1)) on arbitrary values', () => {
    fc.assert(
      fc.property(fp12, (x) => {
        expectSame(conjugateFrobenius(fromFp12(x)), Fp12.conjugate(Fp12.frobeniusMap(x, 1)));
      }),
      runs,
    );
  });

  it('conjugateFrobenius raises elements of GT to U = |u|, and nothing else in general', () => {
    const z = bls12_381.pairing(bls12_381.G1.Point.BASE, bls12_381.G2.Point.BASE);
    for (const s of [1n, 7n, 0x1234567890abcdefn]) {
      const x = Fp12.pow(z, s);
      expectSame(conjugateFrobenius(fromFp12(x)), Fp12.pow(x, U));
    }
    // w itself, and a cyclotomic value outside GT: φ is an automorphism there, not a power.
    const w = Fp12.fromBigTwelve([0n, 0n, 0n, 0n, 0n, 0n, 1n, 0n, 0n, 0n, 0n, 0n]);
    const t = Fp12.div(Fp12.conjugate(Fp12.add(w, Fp12.ONE)), Fp12.add(w, Fp12.ONE));
    const outsideGt = Fp12.mul(Fp12.frobeniusMap(t, 2), t);
    expect(Fp12.eql(Fp12.pow(outsideGt, bls12_381.fields.Fr.ORDER), Fp12.ONE)).toBe(false);
    for (const x of [w, outsideGt]) {
      expect(Fp12.eql(toFp12(conjugateFrobenius(fromFp12(x))), Fp12.pow(x, U))).toBe(false);
    }
  });
});
