/**
 * Fixed-base scalar multiplication on G1 and G2 from a precomputed table of affine multiples:
 * k·B as one mixed addition per signed 8-bit digit of k (32 for a 255-bit scalar) and no doubling
 * at all, in Jacobian coordinates on bigints. The SRS makes one G2 multiple g2^x per key pair and
 * one per re-encryption key, and the owner one G1 multiple g1^{r·x_P} per access level, so Fig. 3's
 * thousands of users and every upload pay them.
 *
 * Why not noble's `multiply`: it runs its constant-time path, with a 128-bit blinding of the scalar
 * (a 383-bit multiple) over a width-6 table for g2 and width-4 for g1 (noble's BLS setup narrows
 * g1's), and its complete projective formulas reduce after every field operation. The result here
 * is the same point, normalized as `multiply` returns it (Z = 1). Timing depends on the scalar's
 * digits; this is a simulator, not a side-channel-hardened library.
 * @module
 */
import type { Fp2 } from '@noble/curves/abstract/tower.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';

const P = bls12_381.fields.Fp.ORDER;
const Q = bls12_381.fields.Fr.ORDER;

/** Signed radix-256 windows: digits in [-127, 128], 32 of them cover any scalar below 2^255. */
const WINDOW_BITS = 8;
const WINDOWS = 32;
const DIGIT_MAX = 1 << (WINDOW_BITS - 1);

/** x mod p in [0, p) for any bigint. */
function reduce(x: bigint): bigint {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/**
 * The field operations the curve formulas need, on reduced values: Fp as bigints, Fp2 as
 * (real, imaginary) pairs. `invertAll` inverts a batch by Montgomery's trick (one inversion).
 */
interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** k·a for a small integer k. */
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

const fpInv = (a: bigint): bigint => bls12_381.fields.Fp.inv(a);

const FP: Field<bigint> = Object.freeze({
  zero: 0n,
  one: 1n,
  add: (a: bigint, b: bigint) => reduce(a + b),
  sub: (a: bigint, b: bigint) => reduce(a - b),
  scale: (a: bigint, k: bigint) => reduce(k * a),
  mul: (a: bigint, b: bigint) => reduce(a * b),
  sqr: (a: bigint) => reduce(a * a),
  neg: (a: bigint) => (a === 0n ? 0n : P - a),
  isZero: (a: bigint) => a === 0n,
  equals: (a: bigint, b: bigint) => a === b,
  invertAll: (values: readonly bigint[]) => batchInverse(values, (a, b) => reduce(a * b), fpInv, 1n),
});

/** An Fp2 value (real, imaginary), reduced. */
type Fp2Pair = readonly [bigint, bigint];

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

const FP2: Field<Fp2Pair> = Object.freeze({
  zero: [0n, 0n] as const,
  one: [1n, 0n] as const,
  add: (a: Fp2Pair, b: Fp2Pair): Fp2Pair => [reduce(a[0] + b[0]), reduce(a[1] + b[1])],
  sub: (a: Fp2Pair, b: Fp2Pair): Fp2Pair => [reduce(a[0] - b[0]), reduce(a[1] - b[1])],
  scale: (a: Fp2Pair, k: bigint): Fp2Pair => [reduce(k * a[0]), reduce(k * a[1])],
  mul: mul2,
  sqr: (a: Fp2Pair): Fp2Pair => [reduce((a[0] + a[1]) * (a[0] - a[1])), reduce(2n * a[0] * a[1])],
  neg: (a: Fp2Pair): Fp2Pair => [a[0] === 0n ? 0n : P - a[0], a[1] === 0n ? 0n : P - a[1]],
  isZero: (a: Fp2Pair) => a[0] === 0n && a[1] === 0n,
  equals: (a: Fp2Pair, b: Fp2Pair) => a[0] === b[0] && a[1] === b[1],
  invertAll: (values: readonly Fp2Pair[]) => batchInverse(values, mul2, inv2, [1n, 0n] as const),
});

/** A point (X : Y : Z) standing for (X/Z², Y/Z³); Z = 0 is the point at infinity. */
interface Jacobian<T> {
  readonly x: T;
  readonly y: T;
  readonly z: T;
}

/** An affine point of a table. */
interface Affine<T> {
  readonly x: T;
  readonly y: T;
}

/** 2·R on y² = x³ + b (a = 0): 2 multiplications and 5 squarings ("dbl-2009-l"). */
function double<T>(f: Field<T>, r: Jacobian<T>): Jacobian<T> {
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
function addAffine<T>(f: Field<T>, r: Jacobian<T>, a: Affine<T>): Jacobian<T> {
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
function toAffineAll<T>(f: Field<T>, points: readonly Jacobian<T>[]): Affine<T>[] {
  const inverses = f.invertAll(points.map((p) => p.z));
  return points.map((p, i) => {
    const zInv = inverses[i]!;
    const zInv2 = f.sqr(zInv);
    return Object.freeze({ x: f.mul(p.x, zInv2), y: f.mul(p.y, f.mul(zInv2, zInv)) });
  });
}

/**
 * The multiples m·256^j·B for m in 1..128 and j in 0..31, affine: 4096 points, built with 4096
 * additions and one batched inversion.
 */
function buildWindows<T>(f: Field<T>, base: Affine<T>): readonly (readonly Affine<T>[])[] {
  let g: Affine<T> = base;
  const windows: (readonly Affine<T>[])[] = [];
  for (let j = 0; j < WINDOWS; j++) {
    let acc: Jacobian<T> = { x: g.x, y: g.y, z: f.one };
    const row: Jacobian<T>[] = [acc];
    for (let m = 2; m <= DIGIT_MAX; m++) {
      acc = addAffine(f, acc, g);
      row.push(acc);
    }
    const affine = toAffineAll(f, row);
    windows.push(Object.freeze(affine));
    // 256^{j+1}·B = 2·(128·256^j·B).
    const top = affine[DIGIT_MAX - 1]!;
    g = toAffineAll(f, [double(f, { x: top.x, y: top.y, z: f.one })])[0]!;
  }
  return Object.freeze(windows);
}

/** Signed radix-256 digits of 0 < k < 2^255, least significant first, each in [-127, 128]. */
function signedDigits(k: bigint): number[] {
  const digits: number[] = [];
  let v = k;
  let carry = 0;
  for (let j = 0; j < WINDOWS; j++) {
    let d = Number(v & 0xffn) + carry;
    v >>= 8n;
    carry = d > DIGIT_MAX ? 1 : 0;
    d -= carry << WINDOW_BITS;
    digits.push(d);
  }
  return digits;
}

/** k·B from B's windows: one mixed addition per non-zero digit, then one inversion to affine. */
function multiplyWindows<T>(f: Field<T>, windows: readonly (readonly Affine<T>[])[], k: bigint): Affine<T> {
  const digits = signedDigits(k);
  let acc: Jacobian<T> = { x: f.one, y: f.one, z: f.zero };
  for (let j = 0; j < WINDOWS; j++) {
    const digit = digits[j]!;
    if (digit === 0) continue;
    const entry = windows[j]![Math.abs(digit) - 1]!;
    acc = addAffine(f, acc, digit < 0 ? { x: entry.x, y: f.neg(entry.y) } : entry);
  }
  const [affine] = toAffineAll(f, [acc]);
  return affine!;
}

/** Checks a scalar as noble's `multiply` does (1 ≤ k < q) and returns it. */
function assertScalar(k: bigint): bigint {
  if (typeof k !== 'bigint' || k < 1n || k >= Q) throw new RangeError('invalid scalar: out of range');
  return k;
}

/** A G1 base point with its windows, for `g1Multiply`. */
export interface G1Table {
  readonly base: WeierstrassPoint<bigint>;
  readonly windows: readonly (readonly Affine<bigint>[])[];
}

/** A G2 base point with its windows, for `g2Multiply`. */
export interface G2Table {
  readonly base: WeierstrassPoint<Fp2>;
  readonly windows: readonly (readonly Affine<Fp2Pair>[])[];
}

/** Precomputes the windows of a G1 point (other than infinity): about 20 ms, once per base. */
export function g1Table(base: WeierstrassPoint<bigint>): G1Table {
  const { x, y } = base.toAffine();
  return Object.freeze({ base, windows: buildWindows(FP, { x, y }) });
}

/** Precomputes the windows of a G2 point (other than infinity): about 100 ms, once per base. */
export function g2Table(base: WeierstrassPoint<Fp2>): G2Table {
  const { x, y } = base.toAffine();
  return Object.freeze({ base, windows: buildWindows(FP2, { x: [x.c0, x.c1], y: [y.c0, y.c1] }) });
}

/**
 * k·B for the table's B, equal to `B.multiply(k)` (normalized to Z = 1 as noble returns it) and
 * refusing the same scalars (outside [1, q-1]) with noble's RangeError.
 */
export function g1Multiply(table: G1Table, k: bigint): WeierstrassPoint<bigint> {
  const { x, y } = multiplyWindows(FP, table.windows, assertScalar(k));
  return bls12_381.G1.Point.fromAffine({ x, y });
}

/** k·B for the table's B in G2, as `g1Multiply` is for G1. */
export function g2Multiply(table: G2Table, k: bigint): WeierstrassPoint<Fp2> {
  const { x, y } = multiplyWindows(FP2, table.windows, assertScalar(k));
  const { Fp2: Fp2Field } = bls12_381.fields;
  return bls12_381.G2.Point.fromAffine({
    x: Fp2Field.fromBigTuple([x[0], x[1]]),
    y: Fp2Field.fromBigTuple([y[0], y[1]]),
  });
}
