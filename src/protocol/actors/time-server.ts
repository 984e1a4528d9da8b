/**
 * The time server (SPEC 3.2): signs (time, nonce) with Ed25519, so the SRS can check a file's access
 * window against a time nobody on the path could have changed, and a fresh nonce per question keeps
 * an old answer from being replayed. The time itself comes from the system's simulated clock.
 * @module
 */

import type { ClockReader } from '../clock.ts';
import type { Rng } from '../crypto/rng.ts';
import { type SignedTime, signTime, verifySignedTime } from '../crypto/signed-time.ts';
import { generateSigningKey, type SigningKey } from '../crypto/signing.ts';

/** Bytes of the nonce a verifier sends with each question. */
export const TIME_NONCE_BYTES = 16;

/** The time server. */
export class TimeServer {
  readonly #clock: ClockReader;
  readonly #key: SigningKey;

  constructor(clock: ClockReader, rng: Rng) {
    this.#clock = clock;
    this.#key = generateSigningKey(rng);
  }

  /** The key verifiers check signed times against. */
  get publicKey(): Uint8Array {
    return this.#key.publicKey;
  }

  /** The current time, signed together with the verifier's `nonce`. */
  signedTime(nonce: Uint8Array): SignedTime {
    return signTime(this.#key, this.#clock.now(), nonce);
  }
}

/**
 * Asks `server` for the time with a fresh nonce from `rng` and accepts the answer only if it is
 * signed under `trustedKey` (the key the verifier was configured with) and echoes that nonce;
 * returns the time, or undefined when the answer does not check.
 */
export function trustedTime(server: TimeServer, trustedKey: Uint8Array, rng: Rng): number | undefined {
  const nonce = rng.bytes(TIME_NONCE_BYTES);
  const answer = server.signedTime(nonce);
  return verifySignedTime(trustedKey, answer, nonce) ? answer.time : undefined;
}
