import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitToData,
  leafHash,
  type MerkleProof,
  merkleProof,
  merkleProofs,
  merkleRoot,
  splitBlocks,
  verifyMerkleProof,
} from '../../../src/protocol/crypto/merkle.ts';
import vectors from './vectors/rfc6962-merkle.json' with { type: 'json' };

const ctLeaves = vectors.leavesHex.map((hex) => hexToBytes(hex));

/** RFC 6962's recursive definition (split at the largest power of two below n), as an oracle. */
function rfc6962Root(blocks: readonly Uint8Array[]): Uint8Array {
  if (blocks.length === 1) return sha256(concatBytes(Uint8Array.of(0), blocks[0]!));
  let k = 1;
  while (k * 2 < blocks.length) k *= 2;
  return sha256(concatBytes(Uint8Array.of(1), rfc6962Root(blocks.slice(0, k)), rfc6962Root(blocks.slice(k))));
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[Math.floor(bit / 8) % copy.length]! ^= 1 << (bit % 8);
  return copy;
}

const blockLists = fc.array(fc.uint8Array({ minLength: 1, maxLength: 24 }), { minLength: 1, maxLength: 40 });
const PROPERTY = { seed: 6962, numRuns: 150 } as const;

describe('Merkle tree', () => {
  it.each(vectors.roots)('matches the RFC 6962 reference root of $leaves leaves', ({ leaves, rootHex }) => {
    expect(bytesToHex(merkleRoot(ctLeaves.slice(0, leaves)))).toBe(rootHex);
  });

  it('hashes a leaf as H(0x00 ‖ block): the empty leaf of RFC 6962', () => {
    expect(bytesToHex(leafHash(new Uint8Array(0)))).toBe(vectors.roots[0]!.rootHex);
  });

  it('does not give a list and the list with its last block repeated the same root (CVE-2012-2459)', () => {
    const three = ctLeaves.slice(1, 4);
    expect(bytesToHex(merkleRoot(three))).not.toBe(bytesToHex(merkleRoot([...three, three[2]!])));
  });

  it('splits data into full blocks and a shorter last one, and empty data into one empty block', () => {
    const data = Uint8Array.from({ length: 10 }, (_, i) => i);
    expect(splitBlocks(data, 4).map((b) => [...b])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(splitBlocks(data, 5).map((b) => b.length)).toEqual([5, 5]);
    expect(splitBlocks(new Uint8Array(0), 4).map((b) => b.length)).toEqual([0]);
    expect(() => splitBlocks(data, 0)).toThrow(RangeError);
    expect(() => splitBlocks(data, 1.5)).toThrow(RangeError);
  });

  it('copies blocks, so tampering with one does not change the data', () => {
    const data = Uint8Array.of(1, 2, 3);
    splitBlocks(data, 2)[0]![0] = 9;
    expect([...data]).toEqual([1, 2, 3]);
  });

  it('gives proofs of log2(n) siblings for a full tree and skips promoted levels', () => {
    expect(merkleProof(ctLeaves, 5)).toHaveLength(3);
    // Of 5 leaves, the last is promoted twice and meets only the root of the first four.
    const proof = merkleProof(ctLeaves.slice(0, 5), 4);
    expect(proof.map((s) => s.side)).toEqual(['left']);
    expect(bytesToHex(proof[0]!.hash)).toBe(vectors.roots[3]!.rootHex);
  });

  it('refuses empty block lists and out-of-range indices', () => {
    expect(() => merkleRoot([])).toThrow(RangeError);
    expect(() => merkleProof(ctLeaves, 8)).toThrow(RangeError);
    expect(() => merkleProof(ctLeaves, -1)).toThrow(RangeError);
    const root = merkleRoot(ctLeaves);
    expect(verifyMerkleProof(root, 8, ctLeaves[0]!, merkleProof(ctLeaves, 0), 8)).toBe(false);
    expect(verifyMerkleProof(root, 0, ctLeaves[0]!, merkleProof(ctLeaves, 0), 0)).toBe(false);
  });

  it('property: the root equals the RFC 6962 recursive definition for every leaf count', () => {
    fc.assert(
      fc.property(blockLists, (blocks) => {
        expect(bytesToHex(merkleRoot(blocks))).toBe(bytesToHex(rfc6962Root(blocks)));
      }),
      PROPERTY,
    );
  });

  it('property: commitToData gives merkleRoot(splitBlocks(data)) and its leaf count, as plain bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.integer({ min: 1, max: 300 }), (data, blockSize) => {
        const blocks = splitBlocks(data, blockSize);
        const { root, leafCount } = commitToData(data, blockSize);
        expect(leafCount).toBe(blocks.length);
        expect(bytesToHex(root)).toBe(bytesToHex(merkleRoot(blocks)));
        expect(bytesToHex(root)).toBe(bytesToHex(rfc6962Root(blocks)));
        expect(Object.getPrototypeOf(root)).toBe(Uint8Array.prototype);
      }),
      PROPERTY,
    );
    expect(bytesToHex(commitToData(new Uint8Array(0), 256).root)).toBe(vectors.roots[0]!.rootHex);
    expect(() => commitToData(new Uint8Array(4), 0)).toThrow(RangeError);
  });

  it('returns roots, leaf hashes and proof hashes as plain Uint8Arrays of their own', () => {
    const root = merkleRoot(ctLeaves);
    const leaf = leafHash(ctLeaves[0]!);
    const sibling = merkleProof(ctLeaves, 2)[0]!.hash;
    for (const bytes of [root, leaf, sibling]) {
      expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
      expect(bytes.byteLength).toBe(32);
      expect(bytes.buffer.byteLength).toBe(32);
    }
  });

  it('property: every proof of every block verifies', () => {
    fc.assert(
      fc.property(blockLists, (blocks) => {
        const root = merkleRoot(blocks);
        blocks.forEach((block, index) => {
          expect(verifyMerkleProof(root, index, block, merkleProof(blocks, index), blocks.length)).toBe(true);
        });
      }),
      PROPERTY,
    );
  });

  it("property: the proofs of a whole challenge from one tree are each block's own proof, in challenge order", () => {
    const challenges = blockLists.chain((blocks) =>
      fc.record({
        blocks: fc.constant(blocks),
        indices: fc.array(fc.nat({ max: blocks.length - 1 }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(challenges, ({ blocks, indices }) => {
        const root = merkleRoot(blocks);
        const proofs = merkleProofs(blocks, indices);
        expect(proofs).toHaveLength(indices.length);
        indices.forEach((index, k) => {
          expect(proofs[k]).toEqual(merkleProof(blocks, index));
          expect(verifyMerkleProof(root, index, blocks[index]!, proofs[k]!, blocks.length)).toBe(true);
        });
      }),
      PROPERTY,
    );
    expect(() => merkleProofs(ctLeaves, [0, 8])).toThrow(RangeError);
  });

  it('property: a single flipped bit in the block, a proof element, the index or the root fails', () => {
    const cases = blockLists.chain((blocks) =>
      fc.record({
        blocks: fc.constant(blocks),
        index: fc.nat({ max: blocks.length - 1 }),
        bit: fc.nat({ max: 8 * 24 - 1 }),
        indexBit: fc.nat({ max: 30 }),
        element: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(cases, ({ blocks, index, bit, indexBit, element }) => {
        const root = merkleRoot(blocks);
        const block = blocks[index]!;
        const proof = merkleProof(blocks, index);
        const n = blocks.length;
        expect(verifyMerkleProof(root, index, flipBit(block, bit), proof, n)).toBe(false);
        expect(verifyMerkleProof(flipBit(root, bit), index, block, proof, n)).toBe(false);
        expect(verifyMerkleProof(root, index ^ (1 << indexBit), block, proof, n)).toBe(false);
        if (proof.length > 0) {
          const at = element % proof.length;
          const flippedHash: MerkleProof = proof.map((s, i) =>
            i === at ? { ...s, hash: flipBit(s.hash, bit) } : s,
          );
          const flippedSide: MerkleProof = proof.map((s, i) =>
            i === at ? { ...s, side: s.side === 'left' ? 'right' : 'left' } : s,
          );
          expect(verifyMerkleProof(root, index, block, flippedHash, n)).toBe(false);
          expect(verifyMerkleProof(root, index, block, flippedSide, n)).toBe(false);
          expect(verifyMerkleProof(root, index, block, proof.slice(1), n)).toBe(false);
        }
        expect(verifyMerkleProof(root, index, block, [...proof, { side: 'left', hash: root }], n)).toBe(
          false,
        );
      }),
      PROPERTY,
    );
  });
});
