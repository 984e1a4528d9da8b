/**
 * The Merkle tree the owner commits to and the TPA audits against: the owner signs the root over
 * the ciphertext's blocks, the TPA challenges random blocks, and the cloud answers each with the
 * block and its authentication path. The TPA never needs the plaintext, nor the whole file.
 *
 * Hashing is SHA-256 with domain separation (RFC 6962 §2.1): a leaf is H(0x00 ‖ block) and an
 * inner node H(0x01 ‖ left ‖ right), so an inner node can never be passed off as a leaf. A level
 * with an odd number of nodes promotes its last node unchanged to the next level instead of pairing
 * it with a copy of itself; duplicating it would give the lists [a, b, c] and [a, b, c, c] the same
 * root (the ambiguity behind CVE-2012-2459).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { constantTimeEqual } from './constant-time.ts';

/** Which side of the running hash a sibling sits on when the verifier combines them. */
export type MerkleSide = 'left' | 'right';

/** One level of an authentication path: the sibling's hash and its side. */
export interface MerkleSibling {
  readonly side: MerkleSide;
  readonly hash: Uint8Array;
}

/**
 * The authentication path of one block, from the leaf's level up. A node promoted past a level
 * has no sibling there, so a path can be shorter than the tree is tall.
 */
export type MerkleProof = readonly MerkleSibling[];

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** The leaf hash H(0x00 ‖ block). */
export function leafHash(block: Uint8Array): Uint8Array {
  return sha256.create().update(LEAF_PREFIX).update(block).digest();
}

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256.create().update(NODE_PREFIX).update(left).update(right).digest();
}

function assertBlockSize(blockSize: number): void {
  if (!Number.isSafeInteger(blockSize) || blockSize <= 0) {
    throw new RangeError(`blockSize must be a positive integer, received ${blockSize}`);
  }
}

/**
 * `data` cut into `blockSize`-byte blocks, the last one possibly shorter. Empty data is one empty
 * block, so every file, even an empty one, has a root to sign. The blocks are copies: tampering
 * with one in a test or an attack does not reach back into the data.
 */
export function splitBlocks(data: Uint8Array, blockSize: number): Uint8Array[] {
  assertBlockSize(blockSize);
  if (data.length === 0) return [new Uint8Array(0)];
  const blocks: Uint8Array[] = [];
  for (let start = 0; start < data.length; start += blockSize) {
    blocks.push(data.slice(start, start + blockSize));
  }
  return blocks;
}

function assertBlocks(blocks: readonly Uint8Array[]): void {
  if (blocks.length === 0) {
    throw new RangeError('a Merkle tree needs at least one block (splitBlocks never returns none)');
  }
}

/** The next level up: pairs combined left to right, an odd last node promoted unchanged. */
function parentLevel(level: readonly Uint8Array[]): Uint8Array[] {
  const parents: Uint8Array[] = [];
  for (let i = 0; i + 1 < level.length; i += 2) parents.push(nodeHash(level[i]!, level[i + 1]!));
  if (level.length % 2 === 1) parents.push(level[level.length - 1]!);
  return parents;
}

/** The root the owner signs and the TPA keeps: 32 bytes that commit to every block and their order. */
export function merkleRoot(blocks: readonly Uint8Array[]): Uint8Array {
  assertBlocks(blocks);
  let level = blocks.map(leafHash);
  while (level.length > 1) level = parentLevel(level);
  return level[0]!;
}

function assertIndex(index: number, leafCount: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leafCount) {
    throw new RangeError(`index must be an integer in [0, ${leafCount - 1}], received ${index}`);
  }
}

/** The authentication path of `blocks[index]`, which the cloud sends with the block to the TPA. */
export function merkleProof(blocks: readonly Uint8Array[], index: number): MerkleProof {
  assertBlocks(blocks);
  assertIndex(index, blocks.length);
  const proof: MerkleSibling[] = [];
  let level = blocks.map(leafHash);
  let position = index;
  while (level.length > 1) {
    if (position % 2 === 1) {
      proof.push(Object.freeze({ side: 'left', hash: level[position - 1]! }));
    } else if (position + 1 < level.length) {
      proof.push(Object.freeze({ side: 'right', hash: level[position + 1]! }));
    }
    level = parentLevel(level);
    position = Math.floor(position / 2);
  }
  return Object.freeze(proof);
}

/**
 * Whether `block` is the `index`-th of `leafCount` blocks under `root`. The shape of a path is fixed
 * by the index and the leaf count (which side each sibling is on, which levels promote), so the
 * verifier derives it and refuses a proof of any other shape; the sides in the proof must agree
 * with it. This is what makes a proof for one index useless for another.
 */
export function verifyMerkleProof(
  root: Uint8Array,
  index: number,
  block: Uint8Array,
  proof: MerkleProof,
  leafCount: number,
): boolean {
  if (!Number.isSafeInteger(leafCount) || leafCount < 1) return false;
  if (!Number.isSafeInteger(index) || index < 0 || index >= leafCount) return false;
  let hash = leafHash(block);
  let position = index;
  let width = leafCount;
  let used = 0;
  while (width > 1) {
    const expected: MerkleSide | undefined =
      position % 2 === 1 ? 'left' : position + 1 < width ? 'right' : undefined;
    if (expected !== undefined) {
      const sibling = proof[used];
      if (sibling === undefined || sibling.side !== expected || sibling.hash.length !== 32) return false;
      hash = expected === 'left' ? nodeHash(sibling.hash, hash) : nodeHash(hash, sibling.hash);
      used++;
    }
    position = Math.floor(position / 2);
    width = Math.ceil(width / 2);
  }
  return used === proof.length && constantTimeEqual(hash, root);
}
