/**
 * Short digests of crypto values for protocol-call records. A trace must say *which* R_U or
 * ciphertext moved without carrying kilobytes of it, and the net's concrete tokens carry the same
 * strings as opaque payloads, so two runs (or the net and the protocol) agree iff the digests do.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Hex characters kept: 64 bits, far beyond any collision a scenario could meet. */
const DIGEST_HEX = 16;

/** The first 16 hex characters of SHA-256 of `bytes`. */
export function shortDigest(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes)).slice(0, DIGEST_HEX);
}

/** {@link shortDigest} of the UTF-8 bytes of `text` (one-time codes, names). */
export function textDigest(text: string): string {
  return shortDigest(new TextEncoder().encode(text));
}
