/**
 * Keyword search over encrypted partitions (searchable symmetric encryption). The owner stores,
 * next to each ciphertext, an index of keyed HMAC tokens of its keywords; a user who can open the
 * partition derives the same search key and sends the token of a keyword (a trapdoor); the cloud
 * matches tokens without learning keywords. The key is derived from a secret only holders of the
 * partition have, so a user without access cannot produce a trapdoor that matches.
 *
 * What it leaks, by design of this simple scheme: the cloud sees which stored index a trapdoor
 * matches (the access pattern) and that two searches for the same keyword are equal. The number of
 * keywords is hidden up to a bucket: the index is padded with random dummy tokens to a multiple of
 * the bucket size and shuffled.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeCanonical } from './canonical-encoding.ts';
import type { Rng } from './rng.ts';

/** The stored index of one partition: hex tokens, real and dummy, in a random order. */
export interface SearchIndex {
  readonly tokens: ReadonlySet<string>;
}

/** Options of {@link buildIndex}. */
export interface IndexOptions {
  /** The index size is a multiple of this (default {@link DEFAULT_BUCKET_SIZE}). */
  readonly bucketSize?: number;
}

/** Large enough that the synthetic PHRs' keyword counts mostly fall in one bucket. */
export const DEFAULT_BUCKET_SIZE = 64;

const KEY_DOMAIN = 'sesphr-lab/sse-key/v1';
const TOKEN_BYTES = 32;
const MIN_PARTITION_KEY_BYTES = 16;

/**
 * The form in which keywords are indexed and searched: Unicode NFKC (so "ﬁ" is "fi" and
 * full-width letters are ASCII), lower case (JavaScript's, not full case folding: "ß" stays "ß"),
 * runs of white space as one space, trimmed. A search for "Type 2  DIABETES " finds "type 2 diabetes".
 */
export function normaliseKeyword(keyword: string): string {
  return keyword.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * The search key of one partition of one file, derived by HKDF-SHA-256 from `partitionKey` (a secret
 * only those who can open the partition hold, such as its DEM key) with the file id and label bound
 * in `info`: tokens of one partition are useless against the index of another.
 */
export function searchKey(partitionKey: Uint8Array, fileId: string, label: string): Uint8Array {
  if (partitionKey.length < MIN_PARTITION_KEY_BYTES) {
    throw new RangeError(
      `partitionKey must be at least ${MIN_PARTITION_KEY_BYTES} bytes, received ${partitionKey.length}`,
    );
  }
  return hkdf(sha256, partitionKey, undefined, encodeCanonical(KEY_DOMAIN, [fileId, label]), TOKEN_BYTES);
}

/** The token of `keyword` under `key`: HMAC-SHA-256 of its normalised UTF-8 form. */
export function trapdoor(key: Uint8Array, keyword: string): Uint8Array {
  const normalised = normaliseKeyword(keyword);
  if (normalised.length === 0) {
    throw new RangeError(`keyword ${JSON.stringify(keyword)} is empty once normalised`);
  }
  return hmac(sha256, key, new TextEncoder().encode(normalised));
}

/** A uniform integer in [0, bound) from `rng`, by rejection so that no value is favoured. */
function below(rng: Rng, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const bytes = rng.bytes(4);
    const value = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
    if (value < limit) return value % bound;
  }
}

/**
 * The index of `keywords` under `key`: one token per distinct normalised keyword, then random dummy
 * tokens up to the next multiple of the bucket size (at least one bucket, so an empty index looks
 * like a small one), shuffled with `rng` so the order does not tell real from dummy. The same key,
 * keywords and rng state give the same index.
 */
export function buildIndex(
  key: Uint8Array,
  keywords: readonly string[],
  rng: Rng,
  options: IndexOptions = {},
): SearchIndex {
  const bucketSize = options.bucketSize ?? DEFAULT_BUCKET_SIZE;
  if (!Number.isSafeInteger(bucketSize) || bucketSize < 1) {
    throw new RangeError(`bucketSize must be a positive integer, received ${bucketSize}`);
  }
  const real = new Set(keywords.map((keyword) => bytesToHex(trapdoor(key, keyword))));
  const size = Math.max(1, Math.ceil(real.size / bucketSize)) * bucketSize;
  const tokens = [...real];
  while (tokens.length < size) tokens.push(bytesToHex(rng.bytes(TOKEN_BYTES)));
  for (let i = tokens.length - 1; i > 0; i--) {
    const j = below(rng, i + 1);
    [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
  }
  return Object.freeze({ tokens: new Set(tokens) });
}

/** Whether the index holds the token; all the cloud learns is this yes or no. */
export function matches(index: SearchIndex, token: Uint8Array): boolean {
  return index.tokens.has(bytesToHex(token));
}
