/**
 * Fast exponentiation in GT, the order-q subgroup of BLS12-381's Fp12: a variable-base power for
 * decapsulation (K = R_U^{1/x_U}) and a fixed-base power from a precomputed table for session keys
 * (K = Z^r). Both give exactly `Fp12.pow(x, e)` for x in GT, about six and twenty times faster
 * (bench/protocol-ops.ts has the figures); every upload pays one per access level and every
 * decryption one, thousands of times in a randomized campaign.
 *
 * The speed comes from three facts about GT, each checked by the tests:
 * - GT lies in the cyclotomic subgroup, where squaring has a cheaper formula and the inverse is the
 *   conjugate, so signed digits cost nothing extra;
 * - the Frobenius acts on GT as x ↦ x^p = x^u, since p ≡ u (mod q) for the BLS parameter
 *   u = -0xd201000000010000; so φ(x) = conj(x^p) = x^U with U = |u| costs a few Fp2 products, and
 *   an exponent e splits into four digits of base U below 2^63 (`splitExponent`): x^e is a product
 *   of four 63-bit powers of x, φ(x), φ²(x), φ³(x), sharing one chain of 63 squarings;
 * - the arithmetic is done on flat tuples with lazy reduction (`fp12-tuple.ts`).
 *
 * The inputs must lie in GT (pairing outputs, `decodeGt`'s output, powers of those): for other Fp12
 * values φ(x) is not x^U and the results differ from `Fp12.pow`. Timing depends on the exponent's
 * digits, as noble's `Fp12.pow` does; this is a simulator, not a side-channel-hardened library.
 * @module
 */
import type { Fp12 } from '@noble/curves/abstract/tower.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import {
  conjugate,
  conjugateFrobenius,
  cyclotomicSquare,
  type Fp12Tuple,
  fromFp12,
  mul,
  toFp12,
} from './fp12-tuple.ts';

const { Fr, Fp12: NobleFp12 } = bls12_381.fields;
const Q = Fr.ORDER;
/** U = |u| = 0xd201000000010000, with q = U⁴ - U² + 1 and x^U = conj(x^p) on GT. */
const U = 0xd201000000010000n;
const HALF_U = U / 2n;

/** Width of the variable-base signed windows: odd digits up to ±15, a table of 8 powers per base. */
const WNAF_WIDTH = 5;
const WNAF_TABLE_SIZE = 1 << (WNAF_WIDTH - 2);

/**
 * Fixed-base windows: 8 signed radix-256 digits in [-127, 128] cover the four 63-bit parts, so the
 * table holds Z^{m·256^j} for m in 1..128 and j in 0..7: 1024 elements, about 1.2 MB of heap.
 */
const FIXED_WINDOW_BITS = 8;
const FIXED_WINDOWS = 8;
const FIXED_DIGIT_MAX = 1 << (FIXED_WINDOW_BITS - 1);

/** The four balanced base-U digits of an exponent: e ≡ d0 + d1·U + d2·U² + d3·U³ (mod q). */
export type ExponentSplit = readonly [bigint, bigint, bigint, bigint];

/**
 * Splits e (any bigint; reduced mod q first) into four digits with |d_i| ≤ U/2 + 1 < 2^63 and
 * e ≡ d0 + d1·U + d2·U² + d3·U³ (mod q). Balanced digits (d > U/2 becomes d - U with a carry) cost
 * nothing, since negative powers are conjugates. q < U⁴, so at most a carry of 1 is left over after
 * four digits, folded back with U⁴ ≡ U² - 1 (mod q), because q = U⁴ - U² + 1.
 */
export function splitExponent(e: bigint): ExponentSplit {
  let rest = ((e % Q) + Q) % Q;
  const digits: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    let d = rest % U;
    rest /= U;
    if (d > HALF_U) {
      d -= U;
      rest += 1n;
    }
    digits.push(d);
  }
  const [d0 = 0n, d1 = 0n, d2 = 0n, d3 = 0n] = digits;
  return Object.freeze([d0 - rest, d1, d2 + rest, d3]);
}

/** Checks that an exponent is a non-negative bigint, as `Fp12.pow` requires, and returns it. */
function assertExponent(e: bigint, name: string): bigint {
  if (typeof e !== 'bigint' || e < 0n) {
    throw new RangeError(`${name}: expected a non-negative bigint exponent, got ${String(e)}`);
  }
  return e;
}

/**
 * Width-5 non-adjacent form of n ≥ 0, least significant first: digits are 0 or odd in [-15, 15],
 * and any five consecutive digits hold at most one non-zero, so a 63-bit n costs about 11 products.
 */
function wnaf(n: bigint): number[] {
  const digits: number[] = [];
  const window = 1 << WNAF_WIDTH;
  let v = n;
  while (v > 0n) {
    let d = 0;
    if ((v & 1n) === 1n) {
      d = Number(v & BigInt(window - 1));
      if (d >= window / 2) d -= window;
      v -= BigInt(d);
    }
    digits.push(d);
    v >>= 1n;
  }
  return digits;
}

/** x or its inverse (the conjugate, x being cyclotomic). */
function signed(x: Fp12Tuple, negative: boolean): Fp12Tuple {
  return negative ? conjugate(x) : x;
}

/**
 * x^e for x in GT and e ≥ 0, equal to `Fp12.pow(x, e)`: the exponent is split into four 63-bit
 * parts (`splitExponent`) taken with width-5 signed windows over x, φ(x), φ²(x), φ³(x), whose tables
 * of odd powers are the φ-images of x's. Cost: 63 cyclotomic squarings, about 43 multiplications and
 * 8 for the table, against noble's 255 squarings and 64 multiplications.
 */
export function gtPow(x: Fp12, e: bigint): Fp12 {
  const split = splitExponent(assertExponent(e, 'gtPow exponent'));
  const base = fromFp12(x);
  const square = cyclotomicSquare(base);
  const odd: Fp12Tuple[] = [base];
  for (let k = 1; k < WNAF_TABLE_SIZE; k++) odd.push(mul(odd[k - 1]!, square));
  const tables: (readonly Fp12Tuple[])[] = [odd];
  for (let i = 1; i < 4; i++) tables.push(tables[i - 1]!.map(conjugateFrobenius));
  const nafs = split.map((d) => wnaf(d < 0n ? -d : d));
  const length = Math.max(...nafs.map((n) => n.length));
  let acc: Fp12Tuple | undefined;
  for (let bit = length - 1; bit >= 0; bit--) {
    if (acc !== undefined) acc = cyclotomicSquare(acc);
    for (let i = 0; i < 4; i++) {
      const digit = nafs[i]![bit] ?? 0;
      if (digit === 0) continue;
      const factor = signed(tables[i]![(Math.abs(digit) - 1) >> 1]!, digit < 0 !== split[i]! < 0n);
      acc = acc === undefined ? factor : mul(acc, factor);
    }
  }
  return acc === undefined ? NobleFp12.ONE : toFp12(acc);
}

/**
 * Whether conj(x^p) = x^U, for x in the cyclotomic subgroup: Scott's criterion for x ∈ GT (used by
 * `isInGt`), since x^p = x^u there exactly when x has order dividing q. x^U is computed by
 * square-and-multiply over U's 64 bits on tuples: 63 cyclotomic squarings and 5 multiplications.
 */
export function frobeniusActsAsPowerU(x: Fp12): boolean {
  const base = fromFp12(x);
  let acc = base;
  for (let bit = U.toString(2).length - 2; bit >= 0; bit--) {
    acc = cyclotomicSquare(acc);
    if (((U >> BigInt(bit)) & 1n) === 1n) acc = mul(acc, base);
  }
  const twisted = conjugateFrobenius(base);
  return acc.every((c, i) => c === twisted[i]);
}

/**
 * A fixed base's table: `windows[j][m - 1]` = base^{m·256^j} for m in 1..128, j in 0..7. Built once
 * per base (1016 multiplications, a few tens of ms) and reused by every `fixedBasePow`.
 */
export interface FixedBaseTable {
  readonly base: Fp12;
  readonly windows: readonly (readonly Fp12Tuple[])[];
}

/** Precomputes the table of a base in GT for `fixedBasePow`. */
export function fixedBaseTable(base: Fp12): FixedBaseTable {
  const windows: (readonly Fp12Tuple[])[] = [];
  let g = fromFp12(base);
  for (let j = 0; j < FIXED_WINDOWS; j++) {
    const row: Fp12Tuple[] = [g];
    for (let m = 2; m <= FIXED_DIGIT_MAX; m++) row.push(mul(row[m - 2]!, g));
    windows.push(Object.freeze(row));
    g = cyclotomicSquare(row[FIXED_DIGIT_MAX - 1]!);
  }
  return Object.freeze({ base, windows: Object.freeze(windows) });
}

/**
 * Signed radix-256 digits of 0 ≤ n < 2^63, least significant first, each in [-127, 128]; eight of
 * them reach 128·(256⁸ - 1)/255 > 2^63, so no carry is left over.
 */
function signedRadixDigits(n: bigint): number[] {
  const digits: number[] = [];
  const radix = 1 << FIXED_WINDOW_BITS;
  let v = n;
  let carry = 0;
  for (let j = 0; j < FIXED_WINDOWS; j++) {
    let d = Number(v & BigInt(radix - 1)) + carry;
    v >>= BigInt(FIXED_WINDOW_BITS);
    carry = d > FIXED_DIGIT_MAX ? 1 : 0;
    d -= carry * radix;
    digits.push(d);
  }
  return digits;
}

/**
 * base^e from the base's table, equal to `Fp12.pow(base, e)` for a base in GT and e ≥ 0, with no
 * squaring at all: base^e = Π_i φ^i(base^{d_i}) for the split digits d_i, each base^{d_i} a product
 * of 8 table entries, combined Horner-style as φ(φ(φ(P3)·P2)·P1)·P0. 31 multiplications and 3 φ.
 */
export function fixedBasePow(table: FixedBaseTable, e: bigint): Fp12 {
  const split = splitExponent(assertExponent(e, 'fixedBasePow exponent'));
  let acc: Fp12Tuple | undefined;
  for (let i = 3; i >= 0; i--) {
    if (acc !== undefined) acc = conjugateFrobenius(acc);
    const d = split[i]!;
    const digits = signedRadixDigits(d < 0n ? -d : d);
    for (let j = 0; j < FIXED_WINDOWS; j++) {
      const digit = digits[j]!;
      if (digit === 0) continue;
      const factor = signed(table.windows[j]![Math.abs(digit) - 1]!, digit < 0 !== d < 0n);
      acc = acc === undefined ? factor : mul(acc, factor);
    }
  }
  return acc === undefined ? NobleFp12.ONE : toFp12(acc);
}
