/**
 * Short Weierstrass arithmetic (y² = x³ + b) for BLS12-381's G1 over Fp and G2 over Fp2, on plain
 * bigints with one reduction per field operation, in Jacobian coordinates with affine operands:
 * what the fixed-base tables (`fixed-base-point.ts`) and the subgroup checks (`subgroup.ts`) are
 * built on. Noble's points reduce after every step of complete projective formulas, which costs
 * several times more per addition; the points here are converted from and back to noble's at the
 * edges, so values never differ.
 * @module
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';

const P = bls12_381.fields.Fp.ORDER;

/** x mod p in [0, p) for any bigint. */
function reduce(x: bigint): bigint {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/**
 * The field operations the curve formulas need, on reduced values: Fp as bigints, Fp2 as
 * (real, imaginary) pairs. `invertAll` inverts a batch by Montgomery's trick (one inversion).
 */
export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** k·a for an integer k (small ones in the formulas, 1/2 mod p in the line steps). */
  scale(a: T, k: bigint): T;
  mul(a: T, b: T): T;
  sqr(a: T): T;
  neg(a: T): T;
  isZero(a: T): boolean;
  equals(a: T, b: T): boolean;
  invertAll(values: readonly T[]): T[];
}

/** Inverses of non-zero values with one field inversion: prefix products, then back down. */
function batchInverse<T>(values: readonly T[], mul: (a: T, b: T) => T, inv: (a: T) => T, one: T): T[] {
  const prefix: T[] = [];
  let acc = one;
  for (const v of values) {
    prefix.push(acc);
    acc = mul(acc, v);
  }
  let inverse = inv(acc);
  const out: T[] = new Array<T>(values.length);
  for (let i = values.length - 1; i >= 0; i--) {
    out[i] = mul(inverse, prefix[i]!);
    inverse = mul(inverse, values[i]!);
  }
  return out;
}

/** a + b mod p for reduced a and b: one conditional subtraction, no division. */
function addMod(a: bigint, b: bigint): bigint {
  const s = a + b;
  return s >= P ? s - P : s;
}

/** a - b mod p for reduced a and b. */
function subMod(a: bigint, b: bigint): bigint {
  const d = a - b;
  return d < 0n ? d + P : d;
}

const fpInv = (a: bigint): bigint => bls12_381.fields.Fp.inv(a);

export const FP: Field<bigint> = Object.freeze({
  zero: 0n,
  one: 1n,
  add: addMod,
  sub: subMod,
  scale: (a: bigint, k: bigint) => reduce(k * a),
  mul: (a: bigint, b: bigint) => reduce(a * b),
  sqr: (a: bigint) => reduce(a * a),
  neg: (a: bigint) => (a === 0n ? 0n : P - a),
  isZero: (a: bigint) => a === 0n,
  equals: (a: bigint, b: bigint) => a === b,
  invertAll: (values: readonly bigint[]) => batchInverse(values, (a, b) => reduce(a * b), fpInv, 1n),
});

/** An Fp2 value (real, imaginary), reduced. */
export type Fp2Pair = readonly [bigint, bigint];

/** Karatsuba in Fp2 = Fp[i]/(i² + 1): 3 products, 2 reductions. */
function mul2(a: Fp2Pair, b: Fp2Pair): Fp2Pair {
  const rr = a[0] * b[0];
  const ii = a[1] * b[1];
  return [reduce(rr - ii), reduce((a[0] + a[1]) * (b[0] + b[1]) - rr - ii)];
}

/** 1/(x + yi) = (x - yi)/(x² + y²). */
function inv2(a: Fp2Pair): Fp2Pair {
  const norm = fpInv(reduce(a[0] * a[0] + a[1] * a[1]));
  return [reduce(a[0] * norm), reduce(-a[1] * norm)];
}

export const FP2: Field<Fp2Pair> = Object.freeze({
  zero: [0n, 0n] as const,
  one: [1n, 0n] as const,
  add: (a: Fp2Pair, b: Fp2Pair): Fp2Pair => [addMod(a[0], b[0]), addMod(a[1], b[1])],
  sub: (a: Fp2Pair, b: Fp2Pair): Fp2Pair => [subMod(a[0], b[0]), subMod(a[1], b[1])],
  scale: (a: Fp2Pair, k: bigint): Fp2Pair => [reduce(k * a[0]), reduce(k * a[1])],
  mul: mul2,
  sqr: (a: Fp2Pair): Fp2Pair => [reduce((a[0] + a[1]) * (a[0] - a[1])), reduce(2n * a[0] * a[1])],
  neg: (a: Fp2Pair): Fp2Pair => [a[0] === 0n ? 0n : P - a[0], a[1] === 0n ? 0n : P - a[1]],
  isZero: (a: Fp2Pair) => a[0] === 0n && a[1] === 0n,
  equals: (a: Fp2Pair, b: Fp2Pair) => a[0] === b[0] && a[1] === b[1],
  invertAll: (values: readonly Fp2Pair[]) => batchInverse(values, mul2, inv2, [1n, 0n] as const),
});

/** A point (X : Y : Z) standing for (X/Z², Y/Z³); Z = 0 is the point at infinity. */
export interface Jacobian<T> {
  readonly x: T;
  readonly y: T;
  readonly z: T;
}

/** An affine point of a table. */
export interface Affine<T> {
  readonly x: T;
  readonly y: T;
}

/** 2·R on y² = x³ + b (a = 0): 2 multiplications and 5 squarings ("dbl-2009-l"). */
export function double<T>(f: Field<T>, r: Jacobian<T>): Jacobian<T> {
  const a = f.sqr(r.x);
  const b = f.sqr(r.y);
  const c = f.sqr(b);
  const d = f.scale(f.sub(f.sub(f.sqr(f.add(r.x, b)), a), c), 2n);
  const e = f.scale(a, 3n);
  const x = f.sub(f.sqr(e), f.scale(d, 2n));
  return { x, y: f.sub(f.mul(e, f.sub(d, x)), f.scale(c, 8n)), z: f.scale(f.mul(r.y, r.z), 2n) };
}

/**
 * R + A for an affine A, 7 multiplications and 4 squarings ("madd-2007-bl"), with the cases the
 * formula leaves out: R at infinity, R = A (a doubling) and R = -A (infinity).
 */
export function addAffine<T>(f: Field<T>, r: Jacobian<T>, a: Affine<T>): Jacobian<T> {
  if (f.isZero(r.z)) return { x: a.x, y: a.y, z: f.one };
  const z1z1 = f.sqr(r.z);
  const u2 = f.mul(a.x, z1z1);
  const s2 = f.mul(f.mul(a.y, r.z), z1z1);
  const h = f.sub(u2, r.x);
  const rr = f.scale(f.sub(s2, r.y), 2n);
  if (f.isZero(h)) return f.isZero(rr) ? double(f, r) : { x: f.one, y: f.one, z: f.zero };
  const hh = f.sqr(h);
  const i = f.scale(hh, 4n);
  const j = f.mul(h, i);
  const v = f.mul(r.x, i);
  const x = f.sub(f.sub(f.sqr(rr), j), f.scale(v, 2n));
  const y = f.sub(f.mul(rr, f.sub(v, x)), f.scale(f.mul(r.y, j), 2n));
  const z = f.sub(f.sub(f.sqr(f.add(r.z, h)), z1z1), hh);
  return { x, y, z };
}

/** Affine forms of finite Jacobian points, with one inversion for the lot. */
export function toAffineAll<T>(f: Field<T>, points: readonly Jacobian<T>[]): Affine<T>[] {
  const inverses = f.invertAll(points.map((p) => p.z));
  return points.map((p, i) => {
    const zInv = inverses[i]!;
    const zInv2 = f.sqr(zInv);
    return Object.freeze({ x: f.mul(p.x, zInv2), y: f.mul(p.y, f.mul(zInv2, zInv)) });
  });
}
