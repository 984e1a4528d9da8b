/**
 * The owner's storage commitment for one stored partition version (SPEC 3.2, storage integrity):
 * the Merkle root over the ciphertext's blocks, signed with the owner's Ed25519 key at upload. The
 * TPA keeps it and audits the cloud against it; the cloud cannot substitute a root of its own.
 * @module
 */
import { encodeCanonical } from '../crypto/canonical-encoding.ts';
import { commitToData } from '../crypto/merkle.ts';
import { type SigningKey, signBytes, verifySignature } from '../crypto/signing.ts';
import type { PrincipalId } from '../ids.ts';
import type { ObjectRef } from '../knowledge.ts';

/** What the owner signs: which version, how it was cut, and the root over the blocks. */
export interface Commitment extends ObjectRef {
  readonly owner: PrincipalId;
  readonly blockSize: number;
  readonly leafCount: number;
  readonly length: number;
  readonly root: Uint8Array;
}

/** A commitment with the owner's signature over it. */
export interface SignedCommitment extends Commitment {
  readonly signature: Uint8Array;
}

const DOMAIN = 'sesphr-lab/storage-commitment/v1';

function message(c: Commitment): Uint8Array {
  return encodeCanonical(DOMAIN, [
    c.owner,
    c.file,
    c.partition,
    c.version,
    c.blockSize,
    c.leafCount,
    c.length,
    c.root,
  ]);
}

/** The commitment of `owner` to `sealed` as stored under `ref`, cut into `blockSize`-byte blocks. */
export function commit(
  owner: PrincipalId,
  ref: ObjectRef,
  sealed: Uint8Array,
  blockSize: number,
  signingKey: SigningKey,
): SignedCommitment {
  const { root, leafCount } = commitToData(sealed, blockSize);
  const body: Commitment = {
    owner,
    file: ref.file,
    partition: ref.partition,
    version: ref.version,
    blockSize,
    leafCount,
    length: sealed.length,
    root,
  };
  return Object.freeze({ ...body, signature: signBytes(signingKey, message(body)) });
}

/** Whether the commitment carries the owner's signature (checked by the TPA before keeping it). */
export function verifyCommitment(publicKey: Uint8Array, c: SignedCommitment): boolean {
  return verifySignature(publicKey, message(c), c.signature);
}
