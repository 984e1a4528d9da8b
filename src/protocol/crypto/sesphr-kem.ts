/**
 * The SeSPHR construction (SPEC 3.1, paper eqs. 5–22) as a key-encapsulation mechanism on the
 * asymmetric BLS12-381 pairing e: G1 × G2 → GT, Z = e(g1, g2).
 *
 * The paper uses a symmetric (Type A) pairing and multiplies 64-byte blocks of the partition by
 * Z^r. Here K = Z^r is only the encapsulated key: the partition itself is sealed by the DEM
 * (`dem.ts`, HKDF-SHA-256 + AES-256-GCM). The owner's parameter lives in G1 and keys and
 * re-encryption keys in G2, so that the SRS's re-encryption is one pairing e(R_P, RK).
 *
 * Trust, as in the paper: the SRS generates and keeps every key pair, so it can compute any K from
 * an R it holds; confidentiality against it rests on it never obtaining the ciphertext.
 * @module
 */
import type { Fp2, Fp12 as Fp12Element } from '@noble/curves/abstract/tower.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { type G1Table, type G2Table, g1Multiply, g1Table, g2Multiply, g2Table } from './fixed-base-point.ts';
import { type FixedBaseTable, fixedBasePow, fixedBaseTable, frobeniusActsAsPowerU, gtPow } from './gt-exp.ts';
import { type PreparedG2, pairing, pairingPrepared, prepareG2 } from './pairing.ts';
import type { Rng } from './rng.ts';

/** An exponent in Z_q (secret keys x_i, per-level randomness r_j). */
export type Scalar = bigint;
/** A point of G1 (the owner's parameter R_{j,P}). */
export type G1 = WeierstrassPoint<bigint>;
/** A point of G2 (public keys g2^x, re-encryption keys g2^{x_U/x_P}). */
export type G2 = WeierstrassPoint<Fp2>;
/** An element of the target group GT ⊂ Fp12 (session keys K = Z^r, user parameters R_{j,U}). */
export type Gt = Fp12Element;

/** A SeSPHR key pair (eq. 5): SK = x, PK = g2^x. */
export interface KeyPair {
  readonly sk: Scalar;
  readonly pk: G2;
}

const { Fr, Fp12 } = bls12_381.fields;

/** q, the prime order of G1, G2 and GT (255 bits). */
export const GROUP_ORDER: bigint = Fr.ORDER;
/** g1, the fixed generator of G1. */
export const G1_GENERATOR: G1 = bls12_381.G1.Point.BASE;
/** g2, the fixed generator of G2. */
export const G2_GENERATOR: G2 = bls12_381.G2.Point.BASE;

const SCALAR_BITS_MASK = (1n << 255n) - 1n;

let generatorPairing: Gt | undefined;
let generatorTable: FixedBaseTable | undefined;
let generatorLines: PreparedG2 | undefined;
let g1Windows: G1Table | undefined;
let g2Windows: G2Table | undefined;

/**
 * The fixed-base tables of g1 and g2 (`fixed-base-point.ts`), built on first use (about 0.1 s each,
 * once per process): every public key, re-encryption key and owner parameter is a multiple of one
 * of them, at a fifth of noble's constant-time `multiply`.
 */
function g1Base(): G1Table {
  g1Windows ??= g1Table(G1_GENERATOR);
  return g1Windows;
}

function g2Base(): G2Table {
  g2Windows ??= g2Table(G2_GENERATOR);
  return g2Windows;
}

/**
 * g2 with its Miller-loop lines (`pairing.ts`), prepared on first use: every pairing with g2 (Z and
 * the owner's decapsulation) then skips the G2 arithmetic.
 */
function preparedG2Generator(): PreparedG2 {
  generatorLines ??= prepareG2(G2_GENERATOR);
  return generatorLines;
}

/** Z = e(g1, g2), computed on first use (a few ms; importing the module stays free). */
export function pairingGenerator(): Gt {
  generatorPairing ??= pairingPrepared(G1_GENERATOR, preparedG2Generator());
  return generatorPairing;
}

/**
 * The fixed-base table of Z (`gt-exp.ts`), built on the first session key: 20-50 ms and 1.2 MB of heap
 * once per process, after which each K = Z^r costs about a twentieth of a plain exponentiation.
 */
function pairingGeneratorTable(): FixedBaseTable {
  generatorTable ??= fixedBaseTable(pairingGenerator());
  return generatorTable;
}

/**
 * Checks that `x` is a scalar in [1, q-1] and returns it; `name` says which argument was wrong.
 * Zero is excluded because x = 0 or r = 0 would make keys, parameters and K trivial.
 */
export function assertScalar(x: Scalar, name: string): Scalar {
  if (typeof x !== 'bigint' || x < 1n || x >= GROUP_ORDER) {
    throw new RangeError(`${name}: expected a scalar in [1, q-1], got ${String(x)}`);
  }
  return x;
}

/**
 * A uniform scalar in [1, q-1], by rejection sampling: draw 32 bytes, keep the low 255 bits, retry
 * unless 1 <= v < q (accepted with probability ≈ 0.91, so no modular bias at all).
 */
export function randomScalar(rng: Rng): Scalar {
  for (;;) {
    let v = 0n;
    for (const byte of rng.bytes(32)) v = (v << 8n) | BigInt(byte);
    v &= SCALAR_BITS_MASK;
    if (v >= 1n && v < GROUP_ORDER) return v;
  }
}

/**
 * PK = g2^x for a secret key x: what the CA certifies and anyone can recompute from SK. The same
 * point as `G2_GENERATOR.multiply(sk)`, from g2's fixed-base table.
 */
export function publicKeyOf(sk: Scalar): G2 {
  return g2Multiply(g2Base(), assertScalar(sk, 'sk'));
}

/** Key generation at the SRS (eq. 5): x ← Z_q*, PK = g2^x. */
export function generateKeyPair(rng: Rng): KeyPair {
  const sk = randomScalar(rng);
  return Object.freeze({ sk, pk: publicKeyOf(sk) });
}

/**
 * The session key of one access level (eqs. 6–9): K = Z^r, the KEM half of the hybrid scheme. Z is
 * fixed, so the power comes from Z's precomputed table; the value is exactly `Fp12.pow(Z, r)`.
 */
export function sessionKey(r: Scalar): Gt {
  return fixedBasePow(pairingGeneratorTable(), assertScalar(r, 'r'));
}

/** The owner's parameter sent to the SRS (eqs. 10–13): R_P = g1^{r·x_P}. */
export function ownerParameter(r: Scalar, skOwner: Scalar): G1 {
  const exponent = Fr.mul(assertScalar(r, 'r'), assertScalar(skOwner, 'skOwner'));
  return g1Multiply(g1Base(), exponent);
}

/** The SRS's re-encryption key from owner P to user U (eq. 14): RK = g2^{x_U / x_P mod q}. */
export function reEncryptionKey(skOwner: Scalar, skUser: Scalar): G2 {
  const exponent = Fr.div(assertScalar(skUser, 'skUser'), assertScalar(skOwner, 'skOwner'));
  return g2Multiply(g2Base(), exponent);
}

/**
 * Re-encryption at the SRS (eqs. 15–18): R_U = e(R_P, RK) = Z^{r·x_U}. Only U's secret key turns
 * it into K, so the SRS can hand it over a channel the cloud may read. The pairing is
 * `pairing.ts`'s, equal to noble's `bls12_381.pairing` and checking its inputs as noble does.
 */
export function reEncrypt(rP: G1, rk: G2): Gt {
  return pairing(rP, rk);
}

/**
 * User decryption of the key (eqs. 19–22): K = R_U^{1/x_U}, exactly `Fp12.pow(R_U, 1/x_U)` but by
 * the GT-specific exponentiation of `gt-exp.ts`. R_U must lie in GT, as every R_U does: `reEncrypt`
 * returns a pairing value and `decodeGt` refuses anything else. (For an Fp12 value outside GT the
 * result would differ from `Fp12.pow`; no such value reaches it.)
 */
export function decapsulate(rU: Gt, skUser: Scalar): Gt {
  return gtPow(rU, Fr.inv(assertScalar(skUser, 'skUser')));
}

/**
 * The owner recovers K of its own data from the R_P it computed: K = e(R_P^{1/x_P}, g2), which
 * equals e(R_P, g2)^{1/x_P} exactly (GT elements are unique). The inverse is applied in GT by
 * `gtPow`, which costs less than a G1 multiplication plus the subgroup check the pairing would run
 * on the new point; R_P itself is checked once per point object, and g2's lines are prepared once.
 */
export function ownerDecapsulate(rP: G1, skOwner: Scalar): Gt {
  const inverse = Fr.inv(assertScalar(skOwner, 'skOwner'));
  return gtPow(pairingPrepared(rP, preparedG2Generator()), inverse);
}

/** Equality of GT elements (they are structured field values, so `===` does not apply). */
export function gtEquals(a: Gt, b: Gt): boolean {
  return Fp12.eql(a, b);
}

/**
 * Whether an Fp12 value lies in GT, the order-q subgroup, without a 255-bit exponentiation:
 * first the cyclotomic subgroup test g^{p^4}·g = g^{p^2}, then Scott's test g^p = g^u
 * (M. Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves",
 * 2021), where g^u = conjugate(g^{|u|}) because u < 0 and conjugation inverts cyclotomic elements;
 * g^{|u|} is taken on `gt-exp.ts`'s lazily reduced tuples. The tests cross-check it against the
 * definition g^q = 1.
 */
export function isInGt(g: Gt): boolean {
  if (Fp12.is0(g)) return false;
  const cyclotomic = Fp12.eql(Fp12.mul(Fp12.frobeniusMap(g, 4), g), Fp12.frobeniusMap(g, 2));
  if (!cyclotomic) return false;
  return frobeniusActsAsPowerU(g);
}
