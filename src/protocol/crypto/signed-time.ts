/**
 * Signed time from the time server. A file's access window is only as trustworthy as the clock it
 * is checked against, so the SRS takes the time from a signed statement rather than from the
 * requester: the time server signs (time, nonce), where the nonce is the SRS's fresh challenge, so
 * an old statement cannot be replayed to reopen a closed window.
 */
import { encodeCanonical } from './canonical-encoding.ts';
import { constantTimeEqual } from './constant-time.ts';
import { type SigningKey, signBytes, verifySignature } from './signing.ts';

/** A time statement: Unix seconds, the challenge nonce it answers, and the server's signature. */
export interface SignedTime {
  readonly time: number;
  readonly nonce: Uint8Array;
  readonly signature: Uint8Array;
}

const DOMAIN = 'sesphr-lab/signed-time/v1';

function statement(time: number, nonce: Uint8Array): Uint8Array {
  return encodeCanonical(DOMAIN, [time, nonce]);
}

/** The time server's statement that it is `unixSeconds` now, in answer to `nonce`. */
export function signTime(key: SigningKey, unixSeconds: number, nonce: Uint8Array): SignedTime {
  const copy = Uint8Array.from(nonce);
  return Object.freeze({
    time: unixSeconds,
    nonce: copy,
    signature: signBytes(key, statement(unixSeconds, copy)),
  });
}

/**
 * Whether `st` was signed by the time server with `publicKey`, and, when the verifier passes the
 * nonce it sent (`expectedNonce`), whether it answers that challenge and not an earlier one.
 */
export function verifySignedTime(publicKey: Uint8Array, st: SignedTime, expectedNonce?: Uint8Array): boolean {
  if (expectedNonce !== undefined && !constantTimeEqual(st.nonce, expectedNonce)) return false;
  if (!Number.isFinite(st.time)) return false;
  return verifySignature(publicKey, statement(st.time, st.nonce), st.signature);
}
