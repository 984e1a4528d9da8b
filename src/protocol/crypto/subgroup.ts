/**
 * The checks noble's `assertValidity` makes before a pairing (coordinates in the field, the point
 * on the curve, the point in the order-q subgroup), with noble's criteria and error messages but
 * on plain bigints at a fraction of the cost. Noble runs them on
 * every point object the pairing has not seen before, and the SRS pairs fresh R_P and RK points
 * (3 ms for a G2 point, 1.5 ms for a G1 point in noble), so they were a third of a re-encryption.
 *
 * The subgroup criteria are Scott's ("A note on group membership tests for G1, G2 and GT on BLS
 * pairing-friendly curves", 2021), as noble applies them:
 * - G1: [x²]P = -φ(P) for the endomorphism φ(x, y) = (βx, y), β a cube root of unity in Fp;
 * - G2: [u]P = ψ(P) for the untwist-Frobenius-twist ψ, with u = -|x| the (negative) BLS parameter.
 * G1's multiple is computed here; G2's is the point [|x|]Q on which the pairing's line preparation
 * ends, so the G2 check costs almost nothing beyond the lines. A point that passes is remembered
 * (per object, weakly), as noble remembers its own.
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
} from './curve-arithmetic.ts';

/** |x| for the BLS parameter x = -0xd201000000010000. */
const X = 0xd201000000010000n;
/** The cube root of unity of noble's G1 endomorphism φ(x, y) = (βx, y). */
const BETA = 0x5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffen;
/** b of y² = x³ + b on G1 (4) and on G2's twist (4(1 + i)). */
const B1 = 4n;
const B2: Fp2Pair = [4n, 4n];

const { Fp, Fp2: NobleFp2 } = bls12_381.fields;

/** Points (by object) that passed, as noble caches the points it validated. */
const validated = new WeakSet<object>();

/**
 * ψ's constants, (1/ξ)^{(p-1)/3} and (1/ξ)^{(p-1)/2} for ξ = 1 + i, as noble derives them;
 * computed on first use.
 */
let psiConstants: { readonly x: Fp2Pair; readonly y: Fp2Pair } | undefined;

function psi(x: Fp2Pair, y: Fp2Pair): Affine<Fp2Pair> {
  if (psiConstants === undefined) {
    const base = NobleFp2.inv(NobleFp2.fromBigTuple([1n, 1n]));
    const cx = NobleFp2.pow(base, (Fp.ORDER - 1n) / 3n);
    const cy = NobleFp2.pow(base, (Fp.ORDER - 1n) / 2n);
    psiConstants = Object.freeze({ x: [cx.c0, cx.c1] as const, y: [cy.c0, cy.c1] as const });
  }
  // The p-power Frobenius on Fp2 is the conjugation x0 + x1·i ↦ x0 - x1·i.
  return {
    x: FP2.mul([x[0], FP.neg(x[1])], psiConstants.x),
    y: FP2.mul([y[0], FP.neg(y[1])], psiConstants.y),
  };
}

/** [k]A by double-and-add over the bits of k > 0, most significant first. */
function multiply<T>(f: Field<T>, a: Affine<T>, k: bigint): Jacobian<T> {
  let acc: Jacobian<T> = { x: a.x, y: a.y, z: f.one };
  for (let bit = k.toString(2).length - 2; bit >= 0; bit--) {
    acc = double(f, acc);
    if (((k >> BigInt(bit)) & 1n) === 1n) acc = addAffine(f, acc, a);
  }
  return acc;
}

/** Whether the Jacobian point R is the affine point A (so R is not at infinity). */
function equalsAffine<T>(f: Field<T>, r: Jacobian<T>, a: Affine<T>): boolean {
  if (f.isZero(r.z)) return false;
  const z2 = f.sqr(r.z);
  return f.equals(r.x, f.mul(a.x, z2)) && f.equals(r.y, f.mul(a.y, f.mul(z2, r.z)));
}

/** y² = x³ + b. */
function onCurve<T>(f: Field<T>, a: Affine<T>, b: T): boolean {
  return f.equals(f.sqr(a.y), f.add(f.mul(f.sqr(a.x), a.x), b));
}

function fail(reason: string): never {
  throw new Error(`bad point: ${reason}`);
}

/**
 * Throws, with noble's messages, unless a G1 point other than infinity has field coordinates, lies
 * on the curve and in the order-q subgroup: what noble's `assertValidity` checks before a pairing.
 */
export function assertValidG1(point: WeierstrassPoint<bigint>): void {
  if (point.is0()) fail('ZERO');
  if (validated.has(point)) return;
  const { x, y } = point.toAffine();
  if (!Fp.isValid(x) || !Fp.isValid(y)) fail('x or y not field elements');
  const a: Affine<bigint> = { x, y };
  if (!onCurve(FP, a, B1)) fail('equation left != right');
  const minusPhi: Affine<bigint> = { x: FP.mul(BETA, x), y: FP.neg(y) };
  if (!equalsAffine(FP, multiply(FP, a, X * X), minusPhi)) fail('not in prime-order subgroup');
  validated.add(point);
}

/**
 * The first half of a G2 point's check, for a point other than infinity: throws, with noble's
 * messages, unless its coordinates are field elements on the twist. The subgroup half
 * (`assertG2Multiple`) needs [|x|]Q, which the pairing's line preparation computes anyway, so it
 * comes after that. Returns at once for a point that passed both before.
 */
export function assertG2Coordinates(point: WeierstrassPoint<Fp2>): void {
  if (validated.has(point)) return;
  const { x, y } = point.toAffine();
  if (!NobleFp2.isValid(x) || !NobleFp2.isValid(y)) fail('x or y not field elements');
  if (!onCurve(FP2, { x: [x.c0, x.c1], y: [y.c0, y.c1] }, B2)) fail('equation left != right');
}

/** A point (X : Y : Z) in homogeneous projective coordinates, standing for (X/Z, Y/Z). */
export interface Homogeneous<T> {
  readonly x: T;
  readonly y: T;
  readonly z: T;
}

/**
 * The subgroup half of a G2 point's check, given `multiple` = [|x|]Q in homogeneous coordinates
 * (the point the Miller-loop preparation ends on): Q is in G2 exactly when [u]Q = ψ(Q), that is
 * [|x|]Q = -ψ(Q), since u = -|x|. Throws noble's message otherwise, and remembers a point that
 * passed. Call it only after `assertG2Coordinates` accepted the point.
 */
export function assertG2Multiple(point: WeierstrassPoint<Fp2>, multiple: Homogeneous<Fp2Pair>): void {
  if (validated.has(point)) return;
  const { x, y } = point.toAffine();
  const image = psi([x.c0, x.c1], [y.c0, y.c1]);
  const { x: mx, y: my, z: mz } = multiple;
  const equal =
    !FP2.isZero(mz) && FP2.equals(mx, FP2.mul(image.x, mz)) && FP2.equals(my, FP2.mul(FP2.neg(image.y), mz));
  if (!equal) fail('not in prime-order subgroup');
  validated.add(point);
}
