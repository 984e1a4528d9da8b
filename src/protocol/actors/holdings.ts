/**
 * The real material behind a principal's knowledge: keys, parameters, ciphertexts and plaintexts.
 * Facts say what someone knows; holdings are what a coalition pools to find out what follows.
 * @module
 */
import type { G1, Gt, Scalar } from '../crypto/sesphr-kem.ts';
import type { ActorId, PrincipalId } from '../ids.ts';
import type { Knowledge, ObjectRef } from '../knowledge.ts';

/** R_P as the owner computed it and the SRS stores it. */
export interface HeldOwnerParameter extends ObjectRef {
  readonly owner: PrincipalId;
  readonly rP: G1;
}

/** R_U as the SRS computed it for `subject`. */
export interface HeldUserParameter extends ObjectRef {
  readonly subject: PrincipalId;
  readonly rU: Gt;
}

/** A sealed partition version (nonce ‖ AES-GCM ciphertext ‖ tag). */
export interface HeldCiphertext extends ObjectRef {
  readonly sealed: Uint8Array;
}

/** A partition version in the clear. */
export interface HeldPlaintext extends ObjectRef {
  readonly plaintext: Uint8Array;
}

/** Everything an actor holds that could open a partition. */
export interface Holdings {
  readonly secretKeys: ReadonlyMap<PrincipalId, Scalar>;
  readonly ownerParameters: readonly HeldOwnerParameter[];
  readonly userParameters: readonly HeldUserParameter[];
  readonly ciphertexts: readonly HeldCiphertext[];
  readonly plaintexts: readonly HeldPlaintext[];
}

/** Anyone whose knowledge can be asked for and pooled: every principal and the SRS, cloud, CA, ... */
export interface KnowledgeHolder {
  readonly id: ActorId;
  /** The abstract facts this actor holds. */
  knowledge(): Knowledge;
  /** The real material behind those facts. */
  holdings(): Holdings;
}

/** Holdings with nothing in them (the CA, the admin, the time server hold no PHR material). */
export const NO_HOLDINGS: Holdings = Object.freeze({
  secretKeys: new Map(),
  ownerParameters: Object.freeze([]),
  userParameters: Object.freeze([]),
  ciphertexts: Object.freeze([]),
  plaintexts: Object.freeze([]),
});
