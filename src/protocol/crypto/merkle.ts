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
 *
 * SHA-256 is node:crypto's (native): the same bytes as a pure-JS SHA-256 at about a third of the
 * cost of a 256-byte leaf (for inputs this short the per-call overhead, not the compression,
 * dominates) and much less for larger blocks. A level of the tree is one contiguous buffer of
 * 32-byte hashes, so a tree costs one allocation per level rather than one per node, and
 * `commitToData` hashes the blocks where they lie instead of copying them out.
 */
import * as nodeCrypto from 'node:crypto';
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
const HASH_BYTES = 32;

/**
 * SHA-256 of one input: node:crypto's one-shot `hash` (Node ≥ 20.12, no hasher object per call),
 * or a `createHash` object where it is missing. Both give the digest bytes.
 */
const sha256: (input: Uint8Array) => Uint8Array =
  typeof nodeCrypto.hash === 'function'
    ? (input) => nodeCrypto.hash('sha256', input, 'buffer')
    : (input) => nodeCrypto.createHash('sha256').update(input).digest();

/**
 * H(prefix ‖ body) through a scratch buffer whose first byte is the prefix and which has room for
 * the body: one copy of the body instead of a hasher with two updates.
 */
function prefixedHash(scratch: Uint8Array, body: Uint8Array): Uint8Array {
  scratch.set(body, 1);
  return sha256(scratch.subarray(0, 1 + body.length));
}

/** A scratch buffer for `prefixedHash` of bodies up to `room` bytes. */
function scratchFor(prefix: Uint8Array, room: number): Uint8Array {
  const scratch = new Uint8Array(1 + room);
  scratch.set(prefix);
  return scratch;
}

/** The leaf hash H(0x00 ‖ block). */
export function leafHash(block: Uint8Array): Uint8Array {
  return Uint8Array.from(prefixedHash(scratchFor(LEAF_PREFIX, block.length), block));
}

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const scratch = scratchFor(NODE_PREFIX, left.length + right.length);
  scratch.set(left, 1);
  scratch.set(right, 1 + left.length);
  return Uint8Array.from(sha256(scratch));
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

/**
 * The leaf level of `count` blocks of at most `room` bytes, block i given by `blockAt(i)`:
 * count·32 bytes.
 */
function leafLevel(count: number, room: number, blockAt: (i: number) => Uint8Array): Uint8Array {
  const level = new Uint8Array(count * HASH_BYTES);
  const scratch = scratchFor(LEAF_PREFIX, room);
  for (let i = 0; i < count; i++) level.set(prefixedHash(scratch, blockAt(i)), i * HASH_BYTES);
  return level;
}

/** The leaf level of a list of blocks. */
function leavesOf(blocks: readonly Uint8Array[]): Uint8Array {
  const room = blocks.reduce((max, b) => Math.max(max, b.length), 0);
  return leafLevel(blocks.length, room, (i) => blocks[i]!);
}

/**
 * The next level up: pairs H(0x01 ‖ left ‖ right) left to right (a pair is 64 contiguous bytes of
 * the level), an odd last node promoted unchanged.
 */
function parentLevel(level: Uint8Array): Uint8Array {
  const count = level.length / HASH_BYTES;
  const parents = new Uint8Array(Math.ceil(count / 2) * HASH_BYTES);
  const scratch = scratchFor(NODE_PREFIX, 2 * HASH_BYTES);
  let out = 0;
  for (let at = 0; at + 2 * HASH_BYTES <= level.length; at += 2 * HASH_BYTES) {
    parents.set(prefixedHash(scratch, level.subarray(at, at + 2 * HASH_BYTES)), out);
    out += HASH_BYTES;
  }
  if (count % 2 === 1) parents.set(level.subarray(level.length - HASH_BYTES), out);
  return parents;
}

/** The root of a leaf level: its levels folded up to one hash, returned as its own 32 bytes. */
function rootOf(leaves: Uint8Array): Uint8Array {
  let level = leaves;
  while (level.length > HASH_BYTES) level = parentLevel(level);
  return level.slice(0, HASH_BYTES);
}

/** The root the owner signs and the TPA keeps: 32 bytes that commit to every block and their order. */
export function merkleRoot(blocks: readonly Uint8Array[]): Uint8Array {
  assertBlocks(blocks);
  return rootOf(leavesOf(blocks));
}

/** What `commitToData` returns: the root and the number of blocks (leaves) under it. */
export interface DataRoot {
  readonly root: Uint8Array;
  readonly leafCount: number;
}

/**
 * The root of `data` cut into `blockSize`-byte blocks, the same as `merkleRoot(splitBlocks(data,
 * blockSize))` with its leaf count, but hashing each block where it lies in `data` instead of
 * copying it out: the owner commits to every ciphertext it seals, up to 100 MiB in the benchmark.
 */
export function commitToData(data: Uint8Array, blockSize: number): DataRoot {
  assertBlockSize(blockSize);
  const leafCount = Math.max(1, Math.ceil(data.length / blockSize));
  const leaves = leafLevel(leafCount, blockSize, (i) => data.subarray(i * blockSize, (i + 1) * blockSize));
  return Object.freeze({ root: rootOf(leaves), leafCount });
}

function assertIndex(index: number, leafCount: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leafCount) {
    throw new RangeError(`index must be an integer in [0, ${leafCount - 1}], received ${index}`);
  }
}

/** The authentication path of `blocks[index]`, which the cloud sends with the block to the TPA. */
export function merkleProof(blocks: readonly Uint8Array[], index: number): MerkleProof {
  return merkleProofs(blocks, [index])[0]!;
}

/**
 * The authentication paths of several blocks, in the order of `indices`, from one tree: the cloud
 * answers a TPA challenge of many blocks, and building the tree once per block would make an audit
 * cost (challenged blocks) × (whole file).
 */
export function merkleProofs(
  blocks: readonly Uint8Array[],
  indices: readonly number[],
): readonly MerkleProof[] {
  assertBlocks(blocks);
  for (const index of indices) assertIndex(index, blocks.length);
  const proofs: MerkleSibling[][] = indices.map(() => []);
  const positions = [...indices];
  let level = leavesOf(blocks);
  const hashAt = (i: number) => level.slice(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  while (level.length > HASH_BYTES) {
    const width = level.length / HASH_BYTES;
    for (const [k, position] of positions.entries()) {
      if (position % 2 === 1) {
        proofs[k]!.push(Object.freeze({ side: 'left', hash: hashAt(position - 1) }));
      } else if (position + 1 < width) {
        proofs[k]!.push(Object.freeze({ side: 'right', hash: hashAt(position + 1) }));
      }
      positions[k] = Math.floor(position / 2);
    }
    level = parentLevel(level);
  }
  return Object.freeze(proofs.map((proof) => Object.freeze(proof)));
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
