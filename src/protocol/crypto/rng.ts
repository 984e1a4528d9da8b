/**
 * The one source of randomness of the protocol layer: a deterministic CSPRNG, so that every
 * simulation, key and ciphertext can be reproduced from a printed seed.
 *
 * A stream is the ChaCha20 (RFC 8439) keystream under a 256-bit key, a zero 96-bit nonce and a block
 * counter starting at 0. `seededRng(seed)` keys it with SHA-256 of the seed's UTF-8 bytes.
 * ChaCha20's 32-bit block counter bounds one stream at 2^32 blocks (256 GiB), far beyond any run.
 * @module
 */
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** A source of random bytes. Every random choice of the protocol layer is a draw from one. */
export interface Rng {
  /** The next `n` bytes of the stream. */
  bytes(n: number): Uint8Array;
}

const BLOCK_BYTES = 64;
const REFILL_BLOCKS = 64;
const MAX_BLOCKS = 2 ** 32;
const ZERO_NONCE = new Uint8Array(12);
const FORK_DOMAIN = utf8ToBytes('sesphr-lab/rng/fork/v1');

/** The key of each stream this module made, so `forkRng` can derive children without drawing. */
const streamKeys = new WeakMap<Rng, Uint8Array>();

/**
 * The ChaCha20 keystream under `key` (32 bytes) as an Rng. Exposed so the stream can be checked
 * against the RFC 8439 test vectors; simulations use `seededRng`.
 */
export function keyedRng(key: Uint8Array): Rng {
  if (key.length !== 32) throw new RangeError(`keyedRng: key must be 32 bytes, got ${key.length}`);
  const streamKey = Uint8Array.from(key);
  let nextBlock = 0;
  let buffer: Uint8Array = new Uint8Array(0);
  let position = 0;

  const keystream = (length: number): Uint8Array => {
    const blocks = length / BLOCK_BYTES;
    if (nextBlock + blocks > MAX_BLOCKS) {
      throw new RangeError('Rng: stream exhausted (2^32 ChaCha20 blocks); fork a new stream instead');
    }
    const out = chacha20(streamKey, ZERO_NONCE, new Uint8Array(length), undefined, nextBlock);
    nextBlock += blocks;
    return out;
  };

  const rng: Rng = Object.freeze({
    bytes(n: number): Uint8Array {
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new RangeError(`Rng.bytes: expected a non-negative integer count, got ${n}`);
      }
      const out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        if (position === buffer.length) {
          // Large draws take whole blocks straight from the stream; the order of bytes is the
          // same as through the buffer, so how a caller splits its draws never changes them.
          const whole = Math.floor((n - filled) / BLOCK_BYTES) * BLOCK_BYTES;
          if (whole >= REFILL_BLOCKS * BLOCK_BYTES) {
            out.set(keystream(whole), filled);
            filled += whole;
            continue;
          }
          buffer = keystream(REFILL_BLOCKS * BLOCK_BYTES);
          position = 0;
        }
        const take = Math.min(n - filled, buffer.length - position);
        out.set(buffer.subarray(position, position + take), filled);
        position += take;
        filled += take;
      }
      return out;
    },
  });
  streamKeys.set(rng, streamKey);
  return rng;
}

/** The stream named by a seed: runs print their seed, and the same seed replays the same run. */
export function seededRng(seed: string): Rng {
  return keyedRng(sha256(utf8ToBytes(seed)));
}

/**
 * An independent child stream named by `label`. For a stream made by this module the child depends
 * only on the parent's key and the label, not on how much the parent has drawn, so each actor can
 * own a fork and adding a draw in one actor does not shift another's. For any other `Rng` the child
 * is keyed by 32 bytes drawn from the parent (the only handle such a source offers).
 */
export function forkRng(rng: Rng, label: string): Rng {
  const material = streamKeys.get(rng) ?? rng.bytes(32);
  return keyedRng(sha256(concatBytes(FORK_DOMAIN, material, utf8ToBytes(label))));
}
