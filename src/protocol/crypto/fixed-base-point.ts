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
import {
  type Affine,
  addAffine,
  double,
  type Field,
  FP,
  FP2,
  type Fp2Pair,
  type Jacobian,
  toAffineAll,
} from './curve-arithmetic.ts';

const Q = bls12_381.fields.Fr.ORDER;

/** Signed radix-256 windows: digits in [-127, 128], 32 of them cover any scalar below 2^255. */
const WINDOW_BITS = 8;
const WINDOWS = 32;
const DIGIT_MAX = 1 << (WINDOW_BITS - 1);

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
