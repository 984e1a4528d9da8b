/**
 * The BLS12-381 optimal ate pairing e: G1 × G2 → GT on the lazily reduced Fp12 tuples of
 * `fp12-tuple.ts`, giving exactly `bls12_381.pairing(P, Q)` about twice as fast (three times for
 * a prepared Q whose P was checked before). The SRS pays one pairing per re-encryption
 * (R_U = e(R_P, RK)) and the owner one per own-file decryption, so a randomized campaign computes
 * thousands.
 *
 * It is noble's computation step for step, so each stage can be checked against noble's:
 * - the G2 side (`prepareG2`): the same doubling and addition steps in homogeneous projective
 *   coordinates over the signed digits of |x| = 0xd201000000010000, giving the same line
 *   coefficients as noble's `calcPairingPrecomputes`, on the plain bigints of
 *   `curve-arithmetic.ts`. The steps end on [|x|]Q, which is all Q's subgroup check needs
 *   (`subgroup.ts`), so that check comes almost free. The lines depend on Q only, so a fixed Q (g2)
 *   is prepared once and every later pairing skips this part;
 * - the Miller loop (`millerLoop`): f² then f·ℓ for each line ℓ evaluated at P, by the general
 *   squaring and the sparse line product of `fp12-tuple.ts`, conjugated at the end because x < 0;
 *   the same Fp12 value as noble's `millerLoopBatch`;
 * - the final exponentiation (`finalExponentiation`): the easy part f^{(p⁶ - 1)(p² + 1)} by a
 *   conjugate, one inversion and a Frobenius, then noble's hard-part chain of five powers by x
 *   (63 cyclotomic squarings each) and four Frobenius twists, the same power of f as noble's
 *   `Fp12.finalExponentiate`.
 *
 * Inputs are checked as noble checks them (no point at infinity, on the curve, in the subgroup),
 * with noble's criteria and errors, by the faster checks of `subgroup.ts`. Timing depends on the
 * inputs, as noble's pairing does; this is a simulator, not a side-channel-hardened library.
 * @module
 */
import type { Fp2, Fp12 } from '@noble/curves/abstract/tower.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { FP, FP2, type Fp2Pair } from './curve-arithmetic.ts';
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
} from './fp12-tuple.ts';
import { assertG2Coordinates, assertG2Multiple, assertValidG1, type Homogeneous } from './subgroup.ts';

/** A point of G1, the pairing's first argument. */
type G1Point = WeierstrassPoint<bigint>;
/** A point of G2, the pairing's second argument. */
type G2Point = WeierstrassPoint<Fp2>;

/**
 * One line of the Miller loop, as noble's (c0, c1, c2) over Fp2, each as (real, imaginary):
 * evaluated at P = (x, y) it is the sparse Fp12 value c0 + (c1·x)·v + (c2·y)·v·w.
 */
export type LineCoefficients = readonly [bigint, bigint, bigint, bigint, bigint, bigint];

/**
 * Q with its Miller-loop lines: `lines[i]` holds the lines of the i-th loop step (a doubling, then
 * an addition where the digit of |x| is non-zero), in the order they are multiplied in.
 */
export interface PreparedG2 {
  readonly point: G2Point;
  readonly lines: readonly (readonly LineCoefficients[])[];
}

const { Fp12: NobleFp12 } = bls12_381.fields;
const P = bls12_381.fields.Fp.ORDER;
/** |x| for the BLS parameter x = -0xd201000000010000 (negative, hence the final conjugation). */
const X = 0xd201000000010000n;
/** 1/2 mod p, for noble's halvings in the doubling step. */
const HALF = (P + 1n) / 2n;

/** x mod p in [0, p) for any bigint. */
function reduce(x: bigint): bigint {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/** b'·a for the twist's b' = 4(1 + i): (4a0 - 4a1) + (4a0 + 4a1)i. */
function mulByTwistB(a: Fp2Pair): Fp2Pair {
  return FP2.scale([FP.sub(a[0], a[1]), FP.add(a[0], a[1])], 4n);
}

function line(c0: Fp2Pair, c1: Fp2Pair, c2: Fp2Pair): LineCoefficients {
  return Object.freeze([c0[0], c0[1], c1[0], c1[1], c2[0], c2[1]] as const);
}

/** The running point R = (X : Y : Z) of the G2 side, in homogeneous coordinates. */
type Projective = Homogeneous<Fp2Pair>;

/** The tangent line at R and 2R, by noble's doubling formulas (same coordinates, same line). */
function doublingStep(r: Projective, out: LineCoefficients[]): Projective {
  const t0 = FP2.sqr(r.y);
  const t1 = FP2.sqr(r.z);
  const t2 = mulByTwistB(FP2.scale(t1, 3n));
  const t3 = FP2.scale(t2, 3n);
  const t4 = FP2.sub(FP2.sub(FP2.sqr(FP2.add(r.y, r.z)), t1), t0);
  out.push(line(FP2.sub(t2, t0), FP2.scale(FP2.sqr(r.x), 3n), FP2.scale(t4, -1n)));
  return {
    x: FP2.scale(FP2.mul(FP2.mul(FP2.sub(t0, t3), r.x), r.y), HALF),
    y: FP2.sub(FP2.sqr(FP2.scale(FP2.add(t0, t3), HALF)), FP2.scale(FP2.sqr(t2), 3n)),
    z: FP2.mul(t0, t4),
  };
}

/** The line through R and Q = (qx, qy) and R + Q, by noble's addition formulas. */
function additionStep(r: Projective, qx: Fp2Pair, qy: Fp2Pair, out: LineCoefficients[]): Projective {
  const t0 = FP2.sub(r.y, FP2.mul(qy, r.z));
  const t1 = FP2.sub(r.x, FP2.mul(qx, r.z));
  out.push(line(FP2.sub(FP2.mul(t0, qx), FP2.mul(t1, qy)), FP2.scale(t0, -1n), t1));
  const t2 = FP2.sqr(t1);
  const t3 = FP2.mul(t2, t1);
  const t4 = FP2.mul(t2, r.x);
  const t5 = FP2.add(FP2.sub(t3, FP2.scale(t4, 2n)), FP2.mul(FP2.sqr(t0), r.z));
  return {
    x: FP2.mul(t1, t5),
    y: FP2.sub(FP2.mul(FP2.sub(t4, t5), t0), FP2.mul(t3, r.y)),
    z: FP2.mul(r.z, t3),
  };
}

/**
 * The signed binary digits of |x| below its top bit, most significant first, as noble derives
 * them: a run "11" becomes (+1, 0, -1), so the loop meets one -1 digit near the top.
 */
function loopDigits(): readonly number[] {
  const digits: number[] = [];
  for (let a = X; a > 1n; a >>= 1n) {
    if ((a & 1n) === 0n) digits.unshift(0);
    else if ((a & 3n) === 3n) {
      digits.unshift(-1);
      a += 1n;
    } else digits.unshift(1);
  }
  return Object.freeze(digits);
}

const LOOP_DIGITS = loopDigits();

/** Noble's refusal of the point at infinity. */
function assertFinite(point: G1Point | G2Point): void {
  if (point.is0()) throw new Error('pairing is not available for ZERO point');
}

/**
 * Q's Miller-loop lines: about 1 ms, which a fixed Q (g2 in Z and in the owner's decapsulation)
 * pays once. Throws as noble's pairing does for the point at infinity or an invalid point.
 */
export function prepareG2(q: G2Point): PreparedG2 {
  assertFinite(q);
  assertG2Coordinates(q);
  const { x, y } = q.toAffine();
  const qx: Fp2Pair = [x.c0, x.c1];
  const qy: Fp2Pair = [y.c0, y.c1];
  const negQy = FP2.neg(qy);
  let r: Projective = { x: qx, y: qy, z: [1n, 0n] };
  const lines: (readonly LineCoefficients[])[] = [];
  for (const digit of LOOP_DIGITS) {
    const step: LineCoefficients[] = [];
    r = doublingStep(r, step);
    if (digit !== 0) r = additionStep(r, qx, digit === -1 ? negQy : qy, step);
    lines.push(Object.freeze(step));
  }
  // The loop ends on R = [|x|]Q, which is what Q's subgroup check needs.
  assertG2Multiple(q, r);
  return Object.freeze({ point: q, lines: Object.freeze(lines) });
}

/**
 * f_{x,Q}(P), the Miller loop's value before the final exponentiation, equal to noble's
 * `millerLoopBatch([[lines, P.x, P.y]])`. Checks P as noble's pairing does.
 */
export function millerLoop(p: G1Point, q: PreparedG2): Fp12Tuple {
  assertFinite(p);
  assertValidG1(p);
  const { x: px, y: py } = p.toAffine();
  let f: Fp12Tuple | undefined;
  for (const step of q.lines) {
    if (f !== undefined) f = square(f);
    for (const [c0r, c0i, c1r, c1i, c2r, c2i] of step) {
      const o1r = reduce(c1r * px);
      const o1i = reduce(c1i * px);
      const o4r = reduce(c2r * py);
      const o4i = reduce(c2i * py);
      f =
        f === undefined
          ? [c0r, c0i, o1r, o1i, 0n, 0n, 0n, 0n, o4r, o4i, 0n, 0n]
          : mulByLine(f, c0r, c0i, o1r, o1i, o4r, o4i);
    }
  }
  if (f === undefined) throw new Error('the Miller loop of BLS12-381 has steps');
  return conjugate(f);
}

/** t^x = conj(t^|x|) for t in the cyclotomic subgroup: 63 squarings and 5 multiplications. */
function powX(t: Fp12Tuple): Fp12Tuple {
  let acc = t;
  for (let bit = 62; bit >= 0; bit--) {
    acc = cyclotomicSquare(acc);
    if (((X >> BigInt(bit)) & 1n) === 1n) acc = mul(acc, t);
  }
  return conjugate(acc);
}

/** x^{p^k} for k in 1..3, from φ(x) = conj(x^p): x^p = conj(φ(x)), x^{p²} = φ²(x), x^{p³} = conj(φ³(x)). */
function frobenius(x: Fp12Tuple, k: 1 | 2 | 3): Fp12Tuple {
  let y = x;
  for (let i = 0; i < k; i++) y = conjugateFrobenius(y);
  return k === 2 ? y : conjugate(y);
}

/**
 * f^{(p¹² - 1)/q·c} for noble's fixed c: the easy part t1 = f^{(p⁶ - 1)(p² + 1)} (cyclotomic from
 * then on), then noble's hard-part chain on t1, with its powers by x, cyclotomic squarings and
 * Frobenius twists, so the result equals `Fp12.finalExponentiate` for every non-zero f.
 */
export function finalExponentiation(f: Fp12Tuple): Fp12Tuple {
  const inverse = fromFp12(NobleFp12.inv(toFp12(f)));
  const t0 = mul(conjugate(f), inverse);
  const t1 = mul(frobenius(t0, 2), t0);
  const t2 = powX(t1);
  const t3 = mul(conjugate(cyclotomicSquare(t1)), t2);
  const t4 = powX(t3);
  const t5 = powX(t4);
  const t6 = mul(powX(t5), cyclotomicSquare(t2));
  const t7 = powX(t6);
  const a = frobenius(mul(t2, t5), 2);
  const b = frobenius(mul(t4, t1), 3);
  const c = frobenius(mul(t6, conjugate(t1)), 1);
  const d = mul(mul(t7, conjugate(t3)), t1);
  return mul(mul(mul(a, b), c), d);
}

/** e(P, Q) for a prepared Q: the Miller loop and the final exponentiation, no G2 arithmetic. */
export function pairingPrepared(p: G1Point, q: PreparedG2): Fp12 {
  return toFp12(finalExponentiation(millerLoop(p, q)));
}

/** e(P, Q), equal to `bls12_381.pairing(P, Q)`, and throwing where it throws. */
export function pairing(p: G1Point, q: G2Point): Fp12 {
  assertFinite(p);
  assertFinite(q);
  assertValidG1(p);
  return pairingPrepared(p, prepareG2(q));
}
