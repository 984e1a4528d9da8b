/**
 * What owners and users have in common: an identity and role, the key pair the SRS handed over
 * (rule 24), the CA's certificate, an own random stream, and the ciphertexts and plaintexts they
 * came to hold. Owners and users add their own state on top.
 * @module
 */
import type { Certificate } from '../crypto/certificate.ts';
import type { Rng } from '../crypto/rng.ts';
import type { KeyPair } from '../crypto/sesphr-kem.ts';
import type { PrincipalId, Role } from '../ids.ts';
import { type KnowledgeFact, type ObjectRef, objectKey } from '../knowledge.ts';
import type { HeldCiphertext, HeldPlaintext } from './holdings.ts';

/** The state every principal keeps. */
export abstract class Principal {
  readonly id: PrincipalId;
  readonly role: Role;
  protected readonly rng: Rng;
  #keys: KeyPair | undefined;
  #certificate: Certificate | undefined;
  protected readonly ciphertexts = new Map<string, HeldCiphertext>();
  protected readonly plaintexts = new Map<string, HeldPlaintext>();

  protected constructor(id: PrincipalId, role: Role, rng: Rng) {
    this.id = id;
    this.role = role;
    this.rng = rng;
  }

  /** The key pair from the SRS (rule 24), once it arrived. */
  get keys(): KeyPair | undefined {
    return this.#keys;
  }

  /** The CA's certificate, presented with every request to the SRS and the cloud. */
  get certificate(): Certificate | undefined {
    return this.#certificate;
  }

  receiveKeys(keys: KeyPair): void {
    this.#keys = keys;
  }

  receiveCertificate(certificate: Certificate): void {
    this.#certificate = certificate;
  }

  /** Keeps a downloaded (or own) ciphertext of one partition version. */
  receiveCiphertext(c: HeldCiphertext): void {
    this.ciphertexts.set(objectKey(c), Object.freeze({ ...c }));
  }

  /** The ciphertext of `ref` this principal holds, if any. */
  ciphertextOf(ref: ObjectRef): Uint8Array | undefined {
    return this.ciphertexts.get(objectKey(ref))?.sealed;
  }

  protected keepPlaintext(ref: ObjectRef, plaintext: Uint8Array): void {
    const { file, partition, version } = ref;
    this.plaintexts.set(objectKey(ref), Object.freeze({ file, partition, version, plaintext }));
  }

  /** The facts common to every principal: its own key, ciphertexts and plaintexts it holds. */
  protected baseFacts(): KnowledgeFact[] {
    const facts: KnowledgeFact[] = [];
    if (this.#keys !== undefined) facts.push({ kind: 'secret-key', subject: this.id });
    for (const { file, partition, version } of this.ciphertexts.values()) {
      facts.push({ kind: 'ciphertext', file, partition, version });
    }
    for (const { file, partition, version } of this.plaintexts.values()) {
      facts.push({ kind: 'plaintext', file, partition, version });
    }
    return facts;
  }

  protected ownSecretKeys(): ReadonlyMap<PrincipalId, bigint> {
    return this.#keys === undefined ? new Map() : new Map([[this.id, this.#keys.sk]]);
  }
}
