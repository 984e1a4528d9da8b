/**
 * BLS12-381 Fp12 arithmetic on flat tuples of twelve bigints, with lazy reduction: the few
 * operations GT exponentiation needs (multiplication, cyclotomic squaring, conjugation and the
 * Frobenius twist x ↦ conj(x^p)), written so that every intermediate sum and product stays an
 * unreduced bigint and only the twelve output coefficients are reduced mod p.
 *
 * Why not noble's Fp12: its tower reduces after every Fp addition and multiplication, and a bigint
 * `%` costs about twice a 381-bit product, so roughly two thirds of an Fp12 multiplication goes to
 * reductions. Reducing once per output coefficient makes a multiplication and a cyclotomic squaring
 * about three times cheaper. The values are the same field elements: `toFp12(fromFp12(x))` equals
 * `x`, and the tests check every operation against noble's.
 *
 * The tower is noble's: Fp2 = Fp[i]/(i² + 1), Fp6 = Fp2[v]/(v³ - ξ) with ξ = 1 + i, Fp12 =
 * Fp6[w]/(w² - v). Over Fp2 an element is Σ a_e·w^e for e in 0..5 (w⁶ = ξ); the tuple holds the Fp2
 * coefficients in noble's `fromBigTwelve` order: w⁰, w², w⁴, w¹, w³, w⁵, each as (real, imaginary).
 * @module
 */
import type { Fp12 } from '@noble/curves/abstract/tower.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';

/**
 * An Fp12 value as its twelve Fp coefficients in noble's `fromBigTwelve` order. Every function of
 * this module returns reduced coefficients (in [0, p)), so equal values have equal tuples.
 */
export type Fp12Tuple = readonly [
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
];

/** Six unreduced Fp coefficients: an Fp6 value (c0, c1, c2 over Fp2) before reduction. */
type Fp6Wide = readonly [bigint, bigint, bigint, bigint, bigint, bigint];

const { Fp, Fp2, Fp12: NobleFp12 } = bls12_381.fields;
const P = Fp.ORDER;

/** x mod p in [0, p) for any bigint, negative ones included (`%` keeps the dividend's sign). */
function reduce(x: bigint): bigint {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/** The tuple of a noble Fp12 value (its coefficients are already reduced). */
export function fromFp12(x: Fp12): Fp12Tuple {
  const { c0, c1 } = x;
  return [
    c0.c0.c0,
    c0.c0.c1,
    c0.c1.c0,
    c0.c1.c1,
    c0.c2.c0,
    c0.c2.c1,
    c1.c0.c0,
    c1.c0.c1,
    c1.c1.c0,
    c1.c1.c1,
    c1.c2.c0,
    c1.c2.c1,
  ];
}

/** The noble Fp12 value of a tuple, frozen as noble freezes its own. */
export function toFp12(t: Fp12Tuple): Fp12 {
  return NobleFp12.fromBigTwelve([...t]);
}

/**
 * Karatsuba product of two Fp6 values given as unreduced coefficients: 6 Fp2 products, 18 bigint
 * products, no reduction. (a + bv + cv²)(d + ev + fv²) with v³ = ξ, and ξ(x + yi) = (x - y) + (x + y)i.
 */
function fp6MulWide(
  a0: bigint,
  a1: bigint,
  b0: bigint,
  b1: bigint,
  c0: bigint,
  c1: bigint,
  d0: bigint,
  d1: bigint,
  e0: bigint,
  e1: bigint,
  f0: bigint,
  f1: bigint,
): Fp6Wide {
  // Fp2 Karatsuba: (x0 + x1 i)(y0 + y1 i) = (x0y0 - x1y1) + ((x0 + x1)(y0 + y1) - x0y0 - x1y1) i.
  const ad00 = a0 * d0;
  const ad11 = a1 * d1;
  const ad0 = ad00 - ad11;
  const ad1 = (a0 + a1) * (d0 + d1) - ad00 - ad11;
  const be00 = b0 * e0;
  const be11 = b1 * e1;
  const be0 = be00 - be11;
  const be1 = (b0 + b1) * (e0 + e1) - be00 - be11;
  const cf00 = c0 * f0;
  const cf11 = c1 * f1;
  const cf0 = cf00 - cf11;
  const cf1 = (c0 + c1) * (f0 + f1) - cf00 - cf11;
  // (b + c)(e + f) - be - cf: the v³ term, multiplied by ξ into the constant coefficient.
  const bc0 = b0 + c0;
  const bc1 = b1 + c1;
  const ef0 = e0 + f0;
  const ef1 = e1 + f1;
  const m00 = bc0 * ef0;
  const m11 = bc1 * ef1;
  const x0 = m00 - m11 - be0 - cf0;
  const x1 = (bc0 + bc1) * (ef0 + ef1) - m00 - m11 - be1 - cf1;
  // (a + b)(d + e) - ad - be + ξ·cf: the v coefficient.
  const ab0 = a0 + b0;
  const ab1 = a1 + b1;
  const de0 = d0 + e0;
  const de1 = d1 + e1;
  const n00 = ab0 * de0;
  const n11 = ab1 * de1;
  const y0 = n00 - n11 - ad0 - be0;
  const y1 = (ab0 + ab1) * (de0 + de1) - n00 - n11 - ad1 - be1;
  // (a + c)(d + f) - ad - cf + be: the v² coefficient.
  const ac0 = a0 + c0;
  const ac1 = a1 + c1;
  const df0 = d0 + f0;
  const df1 = d1 + f1;
  const o00 = ac0 * df0;
  const o11 = ac1 * df1;
  const z0 = o00 - o11 - ad0 - cf0 + be0;
  const z1 = (ac0 + ac1) * (df0 + df1) - o00 - o11 - ad1 - cf1 + be1;
  return [ad0 + x0 - x1, ad1 + x0 + x1, y0 + cf0 - cf1, y1 + cf0 + cf1, z0, z1];
}

/**
 * x·y in Fp12: (X0 + X1 w)(Y0 + Y1 w) = X0Y0 + X1Y1·v + ((X0 + X1)(Y0 + Y1) - X0Y0 - X1Y1) w,
 * with v·(s, t, u) = (ξu, s, t). 54 bigint products and 12 reductions.
 */
export function mul(x: Fp12Tuple, y: Fp12Tuple): Fp12Tuple {
  const [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11] = x;
  const [y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11] = y;
  const t = fp6MulWide(x0, x1, x2, x3, x4, x5, y0, y1, y2, y3, y4, y5);
  const u = fp6MulWide(x6, x7, x8, x9, x10, x11, y6, y7, y8, y9, y10, y11);
  const s = fp6MulWide(
    x0 + x6,
    x1 + x7,
    x2 + x8,
    x3 + x9,
    x4 + x10,
    x5 + x11,
    y0 + y6,
    y1 + y7,
    y2 + y8,
    y3 + y9,
    y4 + y10,
    y5 + y11,
  );
  const [t0, t1, t2, t3, t4, t5] = t;
  const [u0, u1, u2, u3, u4, u5] = u;
  return [
    reduce(t0 + u4 - u5),
    reduce(t1 + u4 + u5),
    reduce(t2 + u0),
    reduce(t3 + u1),
    reduce(t4 + u2),
    reduce(t5 + u3),
    reduce(s[0] - t0 - u0),
    reduce(s[1] - t1 - u1),
    reduce(s[2] - t2 - u2),
    reduce(s[3] - t3 - u3),
    reduce(s[4] - t4 - u4),
    reduce(s[5] - t5 - u5),
  ];
}

/**
 * x² for any x in Fp12, as the Miller loop needs (its accumulator is not cyclotomic yet): with
 * x = X0 + X1·w and w² = v, x² = (X0 + X1)(X0 + v·X1) - (1 + v)·X0X1 + 2·X0X1·w. Two Fp6
 * products instead of mul's three: 36 bigint products and 12 reductions.
 */
export function square(x: Fp12Tuple): Fp12Tuple {
  const [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11] = x;
  const [m0, m1, m2, m3, m4, m5] = fp6MulWide(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11);
  // (X0 + X1)(X0 + v·X1), with v·(s, t, u) = (ξu, s, t).
  const [s0, s1, s2, s3, s4, s5] = fp6MulWide(
    x0 + x6,
    x1 + x7,
    x2 + x8,
    x3 + x9,
    x4 + x10,
    x5 + x11,
    x0 + x10 - x11,
    x1 + x10 + x11,
    x2 + x6,
    x3 + x7,
    x4 + x8,
    x5 + x9,
  );
  return [
    reduce(s0 - m0 - m4 + m5),
    reduce(s1 - m1 - m4 - m5),
    reduce(s2 - m2 - m0),
    reduce(s3 - m3 - m1),
    reduce(s4 - m4 - m2),
    reduce(s5 - m5 - m3),
    reduce(2n * m0),
    reduce(2n * m1),
    reduce(2n * m2),
    reduce(2n * m3),
    reduce(2n * m4),
    reduce(2n * m5),
  ];
}

/**
 * (a + bv + cv²)(s + tv) over unreduced coefficients: the Fp6 product with a line's sparse half,
 * 5 Fp2 products by Karatsuba (15 bigint products), no reduction.
 */
function fp6MulSparseWide(
  a0: bigint,
  a1: bigint,
  b0: bigint,
  b1: bigint,
  c0: bigint,
  c1: bigint,
  s0: bigint,
  s1: bigint,
  t0: bigint,
  t1: bigint,
): Fp6Wide {
  const as00 = a0 * s0;
  const as11 = a1 * s1;
  const as0 = as00 - as11;
  const as1 = (a0 + a1) * (s0 + s1) - as00 - as11;
  const bt00 = b0 * t0;
  const bt11 = b1 * t1;
  const bt0 = bt00 - bt11;
  const bt1 = (b0 + b1) * (t0 + t1) - bt00 - bt11;
  // (b + c)t - bt = ct, moved to the constant coefficient by ξ.
  const bc0 = b0 + c0;
  const bc1 = b1 + c1;
  const u00 = bc0 * t0;
  const u11 = bc1 * t1;
  const ct0 = u00 - u11 - bt0;
  const ct1 = (bc0 + bc1) * (t0 + t1) - u00 - u11 - bt1;
  // (a + b)(s + t) - as - bt = at + bs.
  const ab0 = a0 + b0;
  const ab1 = a1 + b1;
  const st0 = s0 + t0;
  const st1 = s1 + t1;
  const v00 = ab0 * st0;
  const v11 = ab1 * st1;
  const y0 = v00 - v11 - as0 - bt0;
  const y1 = (ab0 + ab1) * (st0 + st1) - v00 - v11 - as1 - bt1;
  // (a + c)s - as + bt = cs + bt.
  const ac0 = a0 + c0;
  const ac1 = a1 + c1;
  const w00 = ac0 * s0;
  const w11 = ac1 * s1;
  const z0 = w00 - w11 - as0 + bt0;
  const z1 = (ac0 + ac1) * (s0 + s1) - w00 - w11 - as1 + bt1;
  return [as0 + ct0 - ct1, as1 + ct0 + ct1, y0, y1, z0, z1];
}

/**
 * f·ℓ for a Miller-loop line ℓ = o0 + o1·v + o4·v·w (coefficients of w⁰, w² and w³; the other nine
 * are zero), as noble's `mul014ByLine` multiplies: with f = F0 + F1·w and ℓ = L0 + L1·w,
 * L0 = o0 + o1·v and L1 = o4·v, f·ℓ = F0L0 + v·F1L1 + ((F0 + F1)(L0 + L1) - F0L0 - F1L1)·w.
 * 13 Fp2 products (39 bigint products) and 12 reductions, against mul's 54 products.
 */
export function mulByLine(
  f: Fp12Tuple,
  o0r: bigint,
  o0i: bigint,
  o1r: bigint,
  o1i: bigint,
  o4r: bigint,
  o4i: bigint,
): Fp12Tuple {
  const [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11] = f;
  const [t0, t1, t2, t3, t4, t5] = fp6MulSparseWide(f0, f1, f2, f3, f4, f5, o0r, o0i, o1r, o1i);
  // F1·o4v = (ξ·(f·o4), d·o4, e·o4) for F1 = (d, e, f).
  const d00 = f6 * o4r;
  const d11 = f7 * o4i;
  const do0 = d00 - d11;
  const do1 = (f6 + f7) * (o4r + o4i) - d00 - d11;
  const e00 = f8 * o4r;
  const e11 = f9 * o4i;
  const eo0 = e00 - e11;
  const eo1 = (f8 + f9) * (o4r + o4i) - e00 - e11;
  const g00 = f10 * o4r;
  const g11 = f11 * o4i;
  const go0 = g00 - g11;
  const go1 = (f10 + f11) * (o4r + o4i) - g00 - g11;
  const u0 = go0 - go1;
  const u1 = go0 + go1;
  const [s0, s1, s2, s3, s4, s5] = fp6MulSparseWide(
    f0 + f6,
    f1 + f7,
    f2 + f8,
    f3 + f9,
    f4 + f10,
    f5 + f11,
    o0r,
    o0i,
    o1r + o4r,
    o1i + o4i,
  );
  // F1L1 = (u, do, eo) with u = ξ·go, and v·F1L1 = (ξ·eo, u, do).
  return [
    reduce(t0 + eo0 - eo1),
    reduce(t1 + eo0 + eo1),
    reduce(t2 + u0),
    reduce(t3 + u1),
    reduce(t4 + do0),
    reduce(t5 + do1),
    reduce(s0 - t0 - u0),
    reduce(s1 - t1 - u1),
    reduce(s2 - t2 - do0),
    reduce(s3 - t3 - do1),
    reduce(s4 - t4 - eo0),
    reduce(s5 - t5 - eo1),
  ];
}

/**
 * x² for x in the cyclotomic subgroup (x^{p⁶+1} = 1, so every element of GT), by Granger and
 * Scott's formula ("Faster squaring in the cyclotomic subgroup of sixth degree extensions", PKC
 * 2010). Fp12 splits into three copies of Fp4 = Fp2[w³]/((w³)² - ξ), holding the pairs of
 * coefficients (w⁰, w³), (w¹, w⁴) and (w², w⁵); with A = a + b·w³, A² = (a² + ξb²) + 2ab·w³, and on
 * the cyclotomic subgroup each output coefficient is 3 times a coefficient of one of the three A²
 * (times ξ for w¹), minus (even powers of w) or plus (odd powers) twice the input's coefficient.
 * 18 bigint products and 12 reductions. Wrong for values outside the cyclotomic subgroup.
 */
export function cyclotomicSquare(x: Fp12Tuple): Fp12Tuple {
  // Coefficients by power of w: g{e}r, g{e}i = real and imaginary parts of a_e.
  const [g0r, g0i, g2r, g2i, g4r, g4i, g1r, g1i, g3r, g3i, g5r, g5i] = x;
  // Fp2 squares (x + yi)² = (x + y)(x - y) + 2xy·i, and 2ab = (a + b)² - a² - b².
  // Pair (w⁰, w³).
  const a0r = (g0r + g0i) * (g0r - g0i);
  const a0i = 2n * g0r * g0i;
  const b0r = (g3r + g3i) * (g3r - g3i);
  const b0i = 2n * g3r * g3i;
  const s0r = g0r + g3r;
  const s0i = g0i + g3i;
  const ab0r = (s0r + s0i) * (s0r - s0i) - a0r - b0r;
  const ab0i = 2n * s0r * s0i - a0i - b0i;
  // Pair (w¹, w⁴).
  const a1r = (g1r + g1i) * (g1r - g1i);
  const a1i = 2n * g1r * g1i;
  const b1r = (g4r + g4i) * (g4r - g4i);
  const b1i = 2n * g4r * g4i;
  const s1r = g1r + g4r;
  const s1i = g1i + g4i;
  const ab1r = (s1r + s1i) * (s1r - s1i) - a1r - b1r;
  const ab1i = 2n * s1r * s1i - a1i - b1i;
  // Pair (w², w⁵).
  const a2r = (g2r + g2i) * (g2r - g2i);
  const a2i = 2n * g2r * g2i;
  const b2r = (g5r + g5i) * (g5r - g5i);
  const b2i = 2n * g5r * g5i;
  const s2r = g2r + g5r;
  const s2i = g2i + g5i;
  const ab2r = (s2r + s2i) * (s2r - s2i) - a2r - b2r;
  const ab2i = 2n * s2r * s2i - a2i - b2i;
  // a² + ξb² for each pair, ξ(x + yi) = (x - y) + (x + y)i.
  const n0r = a0r + b0r - b0i;
  const n0i = a0i + b0r + b0i;
  const n1r = a1r + b1r - b1i;
  const n1i = a1i + b1r + b1i;
  const n2r = a2r + b2r - b2i;
  const n2i = a2i + b2r + b2i;
  // ξ·2ab of the (w², w⁵) pair lands on w¹ (w²·w⁵ = w⁷ = ξ·w).
  const m2r = ab2r - ab2i;
  const m2i = ab2r + ab2i;
  return [
    reduce(3n * n0r - 2n * g0r),
    reduce(3n * n0i - 2n * g0i),
    reduce(3n * n1r - 2n * g2r),
    reduce(3n * n1i - 2n * g2i),
    reduce(3n * n2r - 2n * g4r),
    reduce(3n * n2i - 2n * g4i),
    reduce(3n * m2r + 2n * g1r),
    reduce(3n * m2i + 2n * g1i),
    reduce(3n * ab0r + 2n * g3r),
    reduce(3n * ab0i + 2n * g3i),
    reduce(3n * ab1r + 2n * g5r),
    reduce(3n * ab1i + 2n * g5i),
  ];
}

/** x^{p⁶}: negates the odd powers of w. On the cyclotomic subgroup this is the inverse, for free. */
export function conjugate(x: Fp12Tuple): Fp12Tuple {
  const [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11] = x;
  const neg = (c: bigint) => (c === 0n ? 0n : P - c);
  return [x0, x1, x2, x3, x4, x5, neg(x6), neg(x7), neg(x8), neg(x9), neg(x10), neg(x11)];
}

/**
 * δ_e = (-1)^e · ξ^{e(p-1)/6} for e in 0..5: conj(x^p) = Σ conj_Fp2(a_e)·δ_e·w^e, because Frobenius
 * conjugates Fp2 coefficients and maps w^e to w^{ep} = w^e·(w⁶)^{e(p-1)/6}, and the Fp12 conjugation
 * negates odd powers of w. (6 divides p - 1 for BLS12-381.) Computed once, on first use.
 */
let twistConstants: readonly (readonly [bigint, bigint])[] | undefined;

function frobeniusTwistConstants(): readonly (readonly [bigint, bigint])[] {
  if (twistConstants === undefined) {
    const gamma = Fp2.pow(Fp2.fromBigTuple([1n, 1n]), (P - 1n) / 6n);
    const out: (readonly [bigint, bigint])[] = [];
    let power = Fp2.ONE;
    for (let e = 0; e < 6; e++) {
      const signed = e % 2 === 0 ? power : Fp2.neg(power);
      out.push(Object.freeze([signed.c0, signed.c1] as const));
      power = Fp2.mul(power, gamma);
    }
    twistConstants = Object.freeze(out);
  }
  return twistConstants;
}

/**
 * conj(x^p), the p-power Frobenius followed by conjugation. On GT, where x^p = x^u for the BLS
 * parameter u = -0xd201000000010000 (p ≡ u mod q), it raises x to |u|, which is what lets a GT
 * exponent split into four 64-bit parts. 15 bigint products and 10 reductions.
 */
export function conjugateFrobenius(x: Fp12Tuple): Fp12Tuple {
  const d = frobeniusTwistConstants();
  const [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11] = x;
  // conj_Fp2(a)·δ = (ar - ai·i)(dr + di·i) = (ar·dr + ai·di) + (ar·di - ai·dr)i.
  const twist = (ar: bigint, ai: bigint, k: readonly [bigint, bigint]): readonly [bigint, bigint] => {
    const [dr, di] = k;
    const rr = ar * dr;
    const ii = ai * di;
    return [reduce(rr + ii), reduce((ar - ai) * (dr + di) - rr + ii)];
  };
  const [w2r, w2i] = twist(x2, x3, d[2]!);
  const [w4r, w4i] = twist(x4, x5, d[4]!);
  const [w1r, w1i] = twist(x6, x7, d[1]!);
  const [w3r, w3i] = twist(x8, x9, d[3]!);
  const [w5r, w5i] = twist(x10, x11, d[5]!);
  return [x0, x1 === 0n ? 0n : P - x1, w2r, w2i, w4r, w4i, w1r, w1i, w3r, w3i, w5r, w5i];
}
