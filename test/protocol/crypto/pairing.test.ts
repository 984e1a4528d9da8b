import type { Fp2 as Fp2Value } from '@noble/curves/abstract/tower.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFp12, toFp12 } from '../../../src/protocol/crypto/fp12-tuple.ts';
import {
  finalExponentiation,
  millerLoop,
  pairing,
  pairingPrepared,
  prepareG2,
} from '../../../src/protocol/crypto/pairing.ts';

const { Fp, Fp2, Fp12, Fr } = bls12_381.fields;
const { G1, G2 } = bls12_381;
const q = Fr.ORDER;
const p = Fp.ORDER;

/** Scalars with the edges (1, 2, q - 1, q - 2) frequent, so the generators and their negatives appear. */
const scalar = fc.oneof(fc.constantFrom(1n, 2n, q - 1n, q - 2n), fc.bigInt({ min: 1n, max: q - 1n }));
const g1Point = scalar.map((k) => G1.Point.BASE.multiply(k));
const g2Point = scalar.map((k) => G2.Point.BASE.multiply(k));
/** Each case costs a few noble pairings (~20 ms each), so the runs are few but seeded. */
const runs = (seed: number) => ({ seed, numRuns: 8 }) as const;

const coefficient = fc.oneof(fc.constantFrom(0n, 1n, p - 1n), fc.bigInt({ min: 0n, max: p - 1n }));
const nonZeroFp12 = fc
  .array(coefficient, { minLength: 12, maxLength: 12 })
  .map((c) => Fp12.fromBigTwelve(c as Parameters<typeof Fp12.fromBigTwelve>[0]))
  .filter((x) => !Fp12.is0(x));

/** An affine point of y² = x³ + b over a field, from the first x ≥ start with a square right side. */
function pointOffSubgroup<T>(
  field: { add(a: T, b: T): T; mul(a: T, b: T): T; sqr(a: T): T; sqrt(a: T): T },
  b: T,
  xs: Iterable<T>,
): { x: T; y: T } {
  for (const x of xs) {
    try {
      return { x, y: field.sqrt(field.add(field.mul(field.sqr(x), x), b)) };
    } catch {
      // not a square: the next x
    }
  }
  throw new Error('no point found');
}

function* fpCandidates(): Generator<bigint> {
  for (let x = 1n; ; x++) yield x;
}

function* fp2Candidates(): Generator<Fp2Value> {
  for (let x = 1n; ; x++) yield Fp2.fromBigTuple([x, 1n]);
}

describe('the G2 side', () => {
  it('prepareG2 gives noble’s calcPairingPrecomputes lines, coefficient for coefficient', () => {
    fc.assert(
      fc.property(g2Point, (point) => {
        const ours = prepareG2(point).lines;
        const noble = bls12_381.utils.calcPairingPrecomputes(point);
        expect(ours.length).toBe(noble.length);
        ours.forEach((step, i) => {
          expect(step).toEqual(noble[i]!.map(([c0, c1, c2]) => [c0.c0, c0.c1, c1.c0, c1.c1, c2.c0, c2.c1]));
        });
      }),
      runs(381),
    );
  });

  it('prepares the 64 loop steps of |x| = 0xd201000000010000, five of them with an addition', () => {
    const lines = prepareG2(G2.Point.BASE).lines;
    expect(lines.length).toBe(64);
    expect(lines.filter((step) => step.length === 2).length).toBe(5);
    expect(Object.isFrozen(lines)).toBe(true);
  });
});

describe('the stages agree with noble’s', () => {
  it('millerLoop = noble’s pairing without the final exponentiation', () => {
    fc.assert(
      fc.property(g1Point, g2Point, (a, b) => {
        const expected = bls12_381.pairing(a, b, false);
        expect(fromFp12(toFp12(millerLoop(a, prepareG2(b))))).toEqual(fromFp12(expected));
      }),
      runs(12),
    );
  });

  it('finalExponentiation = Fp12.finalExponentiate on arbitrary non-zero Fp12 values', () => {
    fc.assert(
      fc.property(nonZeroFp12, (f) => {
        expect(finalExponentiation(fromFp12(f))).toEqual(fromFp12(Fp12.finalExponentiate(f)));
      }),
      runs(4381),
    );
    expect(finalExponentiation(fromFp12(Fp12.ONE))).toEqual(fromFp12(Fp12.ONE));
  });
});

describe('pairing', () => {
  it('equals bls12_381.pairing on the generators', () => {
    const expected = fromFp12(bls12_381.pairing(G1.Point.BASE, G2.Point.BASE));
    expect(fromFp12(pairing(G1.Point.BASE, G2.Point.BASE))).toEqual(expected);
    expect(fromFp12(pairingPrepared(G1.Point.BASE, prepareG2(G2.Point.BASE)))).toEqual(expected);
  });

  it('equals bls12_381.pairing on random points, directly and through a prepared G2 point', () => {
    fc.assert(
      fc.property(g1Point, g2Point, (a, b) => {
        const expected = fromFp12(bls12_381.pairing(a, b));
        expect(fromFp12(pairing(a, b))).toEqual(expected);
        expect(fromFp12(pairingPrepared(a, prepareG2(b)))).toEqual(expected);
      }),
      runs(2018),
    );
  });

  it('is bilinear: e(aP, bQ) = e(P, Q)^{ab}', () => {
    const prepared = prepareG2(G2.Point.BASE);
    const z = pairingPrepared(G1.Point.BASE, prepared);
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const left = pairing(G1.Point.BASE.multiply(a), G2.Point.BASE.multiply(b));
        expect(Fp12.eql(left, Fp12.pow(z, Fr.mul(a, b)))).toBe(true);
      }),
      { seed: 7, numRuns: 4 },
    );
  });

  it('refuses the point at infinity and points outside the subgroups, as noble does', () => {
    const g1 = G1.Point.BASE;
    const g2 = G2.Point.BASE;
    const outside1 = G1.Point.fromAffine(pointOffSubgroup<bigint>(Fp, 4n, fpCandidates()));
    const outside2 = G2.Point.fromAffine(
      pointOffSubgroup<Fp2Value>(Fp2, Fp2.fromBigTuple([4n, 4n]), fp2Candidates()),
    );
    const cases: readonly [typeof g1, typeof g2][] = [
      [G1.Point.ZERO, g2],
      [g1, G2.Point.ZERO],
      [outside1, g2],
      [g1, outside2],
    ];
    for (const [a, b] of cases) {
      let nobleError: unknown;
      try {
        bls12_381.pairing(a, b);
      } catch (error) {
        nobleError = error;
      }
      expect(nobleError).toBeInstanceOf(Error);
      expect(() => pairing(a, b)).toThrow((nobleError as Error).message);
    }
    expect(() => prepareG2(outside2)).toThrow('not in prime-order subgroup');
    expect(() => millerLoop(outside1, prepareG2(g2))).toThrow('not in prime-order subgroup');
  });
});
