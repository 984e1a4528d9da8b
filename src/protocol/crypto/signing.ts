/**
 * Ed25519 signatures (RFC 8032) for everything the protocol signs: certificates (the CA), Merkle
 * roots (the owner, for the TPA) and time (the time server). Ed25519 signing is deterministic, so a
 * run replayed from its seed produces the same signatures.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Rng } from './rng.ts';

/** An Ed25519 key pair: the 32-byte secret seed and the 32-byte public key derived from it. */
export interface SigningKey {
  readonly secret: Uint8Array;
  readonly publicKey: Uint8Array;
}

const SECRET_BYTES = 32;

/** The key pair of a 32-byte secret seed (RFC 8032 §5.1.5). */
export function signingKeyFromSecret(secret: Uint8Array): SigningKey {
  if (secret.length !== SECRET_BYTES) {
    throw new RangeError(`an Ed25519 secret is ${SECRET_BYTES} bytes, received ${secret.length}`);
  }
  const copy = Uint8Array.from(secret);
  return Object.freeze({ secret: copy, publicKey: ed25519.getPublicKey(copy) });
}

/** A fresh key pair whose secret is drawn from `rng`, so keys are reproducible from the run's seed. */
export function generateSigningKey(rng: Rng): SigningKey {
  return signingKeyFromSecret(rng.bytes(SECRET_BYTES));
}

/** The 64-byte Ed25519 signature of `message`. */
export function signBytes(key: SigningKey, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, key.secret);
}

/**
 * Whether `signature` is a valid Ed25519 signature of `message` under `publicKey`. Malformed keys
 * and signatures (wrong lengths, points off the curve) are answered with false, not an exception:
 * to a verifier they are just signatures that do not check.
 */
export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
