/**
 * Byte encodings of every value of the SeSPHR KEM, for what crosses between actors (keys in
 * certificates, R_P to the SRS, R_U to users) and what the net's tokens carry.
 *
 * Decoders are the trust boundary: each checks the length, that a point is on the curve and in the
 * prime-order subgroup (noble's `fromBytes`), that an Fp12 value is canonical and in GT, and that a
 * scalar is in [1, q-1]; it throws a `DecodeError` saying what it expected and what it got.
 * Identity elements are refused: no honest key, parameter or session key is ever the identity,
 * and a pairing with the identity point throws.
 * @module
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type G1, type G2, GROUP_ORDER, type Gt, isInGt, type Scalar } from './sesphr-kem.ts';

/** Compressed G1 point: 48 bytes. */
export const G1_BYTES = 48;
/** Compressed G2 point: 96 bytes. */
export const G2_BYTES = 96;
/** GT element as its twelve 48-byte Fp coefficients: 576 bytes. */
export const GT_BYTES = 576;
/** Scalar, big-endian: 32 bytes. */
export const SCALAR_BYTES = 32;

const { Fp12 } = bls12_381.fields;

/** Raised by every decoder here; the message names the expected value and what was received. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

/** Type guard for `DecodeError`, for callers that turn decoding failures into typed outcomes. */
export function isDecodeError(e: unknown): e is DecodeError {
  return e instanceof DecodeError;
}

function assertLength(what: string, bytes: Uint8Array, expected: number): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new DecodeError(`${what}: expected ${expected} bytes, got ${typeof bytes}`);
  }
  if (bytes.length !== expected) {
    throw new DecodeError(`${what}: expected ${expected} bytes, got ${bytes.length}`);
  }
}

function preview(bytes: Uint8Array): string {
  const hex = bytesToHex(bytes);
  return hex.length > 24 ? `0x${hex.slice(0, 24)}…` : `0x${hex}`;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** 48-byte compressed encoding (ZCash format) of a G1 point. */
export function encodeG1(p: G1): Uint8Array {
  return p.toBytes(true);
}

/** Decodes a compressed G1 point; refuses bad lengths, non-points, points outside G1 and identity. */
export function decodeG1(bytes: Uint8Array): G1 {
  assertLength('G1 point', bytes, G1_BYTES);
  let p: G1;
  try {
    p = bls12_381.G1.Point.fromBytes(bytes);
  } catch (e) {
    throw new DecodeError(
      `G1 point: expected a valid compressed point, got ${preview(bytes)} (${reason(e)})`,
    );
  }
  if (p.is0()) throw new DecodeError('G1 point: expected a non-identity point, got the point at infinity');
  return p;
}

/** 96-byte compressed encoding (ZCash format) of a G2 point. */
export function encodeG2(p: G2): Uint8Array {
  return p.toBytes(true);
}

/** Decodes a compressed G2 point; refuses bad lengths, non-points, points outside G2 and identity. */
export function decodeG2(bytes: Uint8Array): G2 {
  assertLength('G2 point', bytes, G2_BYTES);
  let p: G2;
  try {
    p = bls12_381.G2.Point.fromBytes(bytes);
  } catch (e) {
    throw new DecodeError(
      `G2 point: expected a valid compressed point, got ${preview(bytes)} (${reason(e)})`,
    );
  }
  if (p.is0()) throw new DecodeError('G2 point: expected a non-identity point, got the point at infinity');
  return p;
}

/** 576-byte encoding of a GT element: its twelve Fp coefficients, 48 bytes each, big-endian. */
export function encodeGt(g: Gt): Uint8Array {
  return Fp12.toBytes(g);
}

/**
 * Decodes a GT element; refuses bad lengths, coefficients >= p, values outside the order-q
 * subgroup (a cheap Frobenius test, see `isInGt`) and the identity.
 */
export function decodeGt(bytes: Uint8Array): Gt {
  assertLength('GT element', bytes, GT_BYTES);
  let g: Gt;
  try {
    g = Fp12.fromBytes(bytes);
  } catch (e) {
    throw new DecodeError(
      `GT element: expected twelve canonical Fp coefficients, got ${preview(bytes)} (${reason(e)})`,
    );
  }
  if (!isInGt(g)) {
    throw new DecodeError(`GT element: expected an element of the order-q subgroup, got ${preview(bytes)}`);
  }
  if (Fp12.eql(g, Fp12.ONE)) throw new DecodeError('GT element: expected a non-identity element, got 1');
  return g;
}

/** 32-byte big-endian encoding of a scalar in [1, q-1]. */
export function encodeScalar(x: Scalar): Uint8Array {
  if (x < 1n || x >= GROUP_ORDER)
    throw new RangeError(`encodeScalar: expected a scalar in [1, q-1], got ${x}`);
  const out = new Uint8Array(SCALAR_BYTES);
  let v = x;
  for (let i = SCALAR_BYTES - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Decodes a 32-byte big-endian scalar; refuses bad lengths, 0 and values >= q (no silent reduction). */
export function decodeScalar(bytes: Uint8Array): Scalar {
  assertLength('scalar', bytes, SCALAR_BYTES);
  let v = 0n;
  for (const byte of bytes) v = (v << 8n) | BigInt(byte);
  if (v === 0n) throw new DecodeError('scalar: expected a value in [1, q-1], got 0');
  if (v >= GROUP_ORDER) {
    throw new DecodeError(`scalar: expected a value in [1, q-1], got ${preview(bytes)} (>= q)`);
  }
  return v;
}
