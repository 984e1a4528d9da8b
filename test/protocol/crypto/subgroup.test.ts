import type { Fp2 as Fp2Value } from '@noble/curves/abstract/tower.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareG2 } from '../../../src/protocol/crypto/pairing.ts';
import {
  assertG2Coordinates,
  assertG2Multiple,
  assertValidG1,
} from '../../../src/protocol/crypto/subgroup.ts';

const { Fp, Fp2, Fr } = bls12_381.fields;
const { G1, G2 } = bls12_381;
const q = Fr.ORDER;

/** What noble's assertValidity says of a copy of the point (a fresh object, so nothing is cached). */
function nobleVerdict<T>(point: WeierstrassPoint<T>): string {
  const copy = (
    point.constructor as unknown as { fromAffine(a: { x: T; y: T }): WeierstrassPoint<T> }
  ).fromAffine(point.toAffine());
  try {
    copy.assertValidity();
    return 'valid';
  } catch (error) {
    return (error as Error).message;
  }
}

function ourVerdict(check: () => void): string {
  try {
    check();
    return 'valid';
  } catch (error) {
    return (error as Error).message;
  }
}

/** The on-curve points of G1's curve with x in 0..n (both square roots' first), most outside G1. */
function g1CurvePoints(n: number): WeierstrassPoint<bigint>[] {
  const points: WeierstrassPoint<bigint>[] = [];
  for (let x = 0n; x <= BigInt(n); x++) {
    try {
      points.push(G1.Point.fromAffine({ x, y: Fp.sqrt(Fp.add(Fp.mul(Fp.sqr(x), x), 4n)) }));
    } catch {
      // x³ + 4 is not a square: no point with this x
    }
  }
  return points;
}

/** The on-curve points of G2's twist with x = k + i for k in 0..n. */
function g2CurvePoints(n: number): WeierstrassPoint<Fp2Value>[] {
  const b = Fp2.fromBigTuple([4n, 4n]);
  const points: WeierstrassPoint<Fp2Value>[] = [];
  for (let k = 0n; k <= BigInt(n); k++) {
    const x = Fp2.fromBigTuple([k, 1n]);
    try {
      points.push(G2.Point.fromAffine({ x, y: Fp2.sqrt(Fp2.add(Fp2.mul(Fp2.sqr(x), x), b)) }));
    } catch {
      // not a square
    }
  }
  return points;
}

const scalar = fc.oneof(fc.constantFrom(1n, 2n, q - 1n), fc.bigInt({ min: 1n, max: q - 1n }));
const runs = { seed: 2021, numRuns: 25 } as const;

describe('G1 membership', () => {
  it('accepts the multiples of g1, as noble does', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const point = G1.Point.BASE.multiply(k);
        expect(ourVerdict(() => assertValidG1(point))).toBe('valid');
        expect(nobleVerdict(point)).toBe('valid');
      }),
      runs,
    );
  });

  it('gives noble’s verdict on points of the curve outside G1, and on them with the cofactor cleared', () => {
    const points = g1CurvePoints(40);
    // (0, 2) has order 3, and most points of E(Fp) lie outside the order-q subgroup.
    expect(points.length).toBeGreaterThan(10);
    for (const point of points) {
      expect(ourVerdict(() => assertValidG1(point))).toBe(nobleVerdict(point));
      expect(ourVerdict(() => assertValidG1(point))).toBe('bad point: not in prime-order subgroup');
      const cleared = point.clearCofactor();
      if (!cleared.is0()) expect(ourVerdict(() => assertValidG1(cleared))).toBe('valid');
    }
  });

  it('refuses a point off the curve and the point at infinity', () => {
    const { x, y } = G1.Point.BASE.toAffine();
    const off = G1.Point.fromAffine({ x, y: Fp.add(y, 1n) });
    expect(ourVerdict(() => assertValidG1(off))).toBe(nobleVerdict(off));
    expect(ourVerdict(() => assertValidG1(off))).toBe('bad point: equation left != right');
    expect(() => assertValidG1(G1.Point.ZERO)).toThrow('bad point: ZERO');
  });
});

/** Both halves of the G2 check, with [|x|]Q from noble (its points are homogeneous projective). */
function assertValidG2(point: WeierstrassPoint<Fp2Value>): void {
  assertG2Coordinates(point);
  const { X, Y, Z } = point.multiplyUnsafe(0xd201000000010000n);
  assertG2Multiple(point, { x: [X.c0, X.c1], y: [Y.c0, Y.c1], z: [Z.c0, Z.c1] });
}

describe('G2 membership', () => {
  it('accepts the multiples of g2, as noble does, from noble’s [|x|]Q and from prepareG2’s', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        expect(ourVerdict(() => assertValidG2(G2.Point.BASE.multiply(k)))).toBe('valid');
        expect(ourVerdict(() => prepareG2(G2.Point.BASE.multiply(k)))).toBe('valid');
        expect(nobleVerdict(G2.Point.BASE.multiply(k))).toBe('valid');
      }),
      { ...runs, numRuns: 10 },
    );
  });

  it('gives noble’s verdict on points of the twist outside G2, and on them with the cofactor cleared', () => {
    const points = g2CurvePoints(12);
    expect(points.length).toBeGreaterThan(3);
    for (const point of points) {
      expect(ourVerdict(() => assertValidG2(point))).toBe(nobleVerdict(point));
      expect(ourVerdict(() => assertValidG2(point))).toBe('bad point: not in prime-order subgroup');
      expect(ourVerdict(() => prepareG2(point))).toBe('bad point: not in prime-order subgroup');
      expect(ourVerdict(() => assertValidG2(point.clearCofactor()))).toBe('valid');
      expect(ourVerdict(() => prepareG2(point.clearCofactor()))).toBe('valid');
    }
  });

  it('refuses a point off the twist before any arithmetic, and a multiple at infinity', () => {
    const { x, y } = G2.Point.BASE.toAffine();
    const off = G2.Point.fromAffine({ x, y: Fp2.add(y, Fp2.ONE) });
    expect(ourVerdict(() => assertG2Coordinates(off))).toBe(nobleVerdict(off));
    expect(ourVerdict(() => prepareG2(off))).toBe('bad point: equation left != right');
    const outside = g2CurvePoints(12)[0]!;
    const infinity = { x: [0n, 0n], y: [1n, 0n], z: [0n, 0n] } as const;
    expect(() => assertG2Multiple(outside, infinity)).toThrow('bad point: not in prime-order subgroup');
  });
});
