/**
 * A PHR user (doctor, pharmacist, family, insurer, researcher; SPEC section 2): it holds its key
 * pair, the R_U the SRS handed it, downloaded ciphertexts, what it decrypted, and (only in the
 * `otp-leak` variant) consent codes the server should never have shown it. It decrypts with what
 * it holds (rule 33): a cached R of an older version is tried on a newer ciphertext, and the tag
 * check says no, which is how a revoked user meets forward access control.
 * @module
 */
import { openPartition } from '../crypto/dem.ts';
import type { Rng } from '../crypto/rng.ts';
import { decapsulate, type Gt } from '../crypto/sesphr-kem.ts';
import type { FileId, PrincipalId, UserRole } from '../ids.ts';
import { type Knowledge, type KnowledgeFact, knowledgeOf, type ObjectRef, objectKey } from '../knowledge.ts';
import { type Outcome, ok } from '../outcome.ts';
import type { ActorContext } from './context.ts';
import type { Holdings, KnowledgeHolder } from './holdings.ts';
import { Principal } from './principal.ts';
import { partitionSearchKey } from './search-key.ts';

/** R_U as the SRS hands it to a user (rule 31), with what it is for. */
export interface IssuedParameter extends ObjectRef {
  readonly owner: PrincipalId;
  /** The user whose secret key turns it into K. */
  readonly subject: PrincipalId;
  readonly rU: Gt;
  readonly issuedAt: number;
}

/** A one-time code a user came to hold (only ever through the `otp-leak` flaw). */
export interface HeldOtp {
  readonly file: FileId;
  readonly code: string;
  readonly receivedAt: number;
}

/** A PHR user. */
export class User extends Principal implements KnowledgeHolder {
  override readonly role: UserRole;
  readonly #ctx: ActorContext;
  readonly #parameters = new Map<string, IssuedParameter>();
  readonly #otps: HeldOtp[] = [];

  constructor(ctx: ActorContext, id: PrincipalId, role: UserRole, rng: Rng) {
    super(id, role, rng);
    this.role = role;
    this.#ctx = ctx;
  }

  /** Keeps R_U from the SRS (rule 31, or a forward). */
  receiveParameter(p: IssuedParameter): void {
    this.#parameters.set(objectKey(p), Object.freeze({ ...p }));
  }

  /** Keeps a consent code the server returned (the `otp-leak` flaw makes this happen). */
  receiveOtp(file: FileId, code: string): void {
    this.#otps.push(Object.freeze({ file, code, receivedAt: this.#ctx.clock.now() }));
  }

  /** The newest consent code this user holds for `file`, if any. */
  otpFor(file: FileId): string | undefined {
    for (let i = this.#otps.length - 1; i >= 0; i--)
      if (this.#otps[i]!.file === file) return this.#otps[i]!.code;
    return undefined;
  }

  /**
   * Rule 33 (Decrypt_C): K = R_U^{1/x_U}, then the AES-GCM open. Uses R for exactly this version
   * when held, else the newest R it holds for the partition (a cached, stale one), which fails the
   * tag check on a newer version. The ciphertext must already be held (rule 30 comes first).
   */
  decrypt(ref: ObjectRef): Outcome<Uint8Array> {
    const where = objectKey(ref);
    const refuse = (
      reason: 'out-of-order' | 'no-parameter' | 'unapproved' | 'tag-check-failed',
      detail: string,
    ) => this.#ctx.deny({ refusedBy: this.id, actor: this.id, operation: 'decrypt', reason, detail });
    const sealed = this.ciphertextOf(ref);
    if (sealed === undefined) {
      return refuse('out-of-order', `${this.id} holds no ciphertext of ${where}; download it first`);
    }
    const keys = this.keys;
    if (keys === undefined) return refuse('unapproved', `${this.id} never received a key pair from the SRS`);
    const parameter = this.#parameters.get(where) ?? this.#newestParameter(ref);
    if (parameter === undefined) {
      return refuse('no-parameter', `${this.id} never obtained R for ${ref.file}/${ref.partition}`);
    }
    const k = decapsulate(parameter.rU, keys.sk);
    const opened = openPartition(k, { fileId: ref.file, label: ref.partition, version: ref.version }, sealed);
    if (opened.kind === 'tag-mismatch') {
      const stale =
        parameter.version !== ref.version ? ` with the cached R of version ${parameter.version}` : '';
      return refuse('tag-check-failed', `${where}${stale}: the AES-GCM tag does not verify`);
    }
    this.keepPlaintext(ref, opened.plaintext);
    return ok(opened.plaintext);
  }

  /**
   * The search keys this user can derive for the given current versions: one per version it holds
   * R for. Nothing else: without K there is no trapdoor.
   */
  searchKeys(current: readonly ObjectRef[]): { readonly ref: ObjectRef; readonly key: Uint8Array }[] {
    const keys = this.keys;
    if (keys === undefined) return [];
    return current.flatMap((ref) => {
      const p = this.#parameters.get(objectKey(ref));
      return p === undefined ? [] : [{ ref, key: partitionSearchKey(decapsulate(p.rU, keys.sk), ref) }];
    });
  }

  knowledge(): Knowledge {
    const facts: KnowledgeFact[] = this.baseFacts();
    for (const p of this.#parameters.values()) {
      facts.push({
        kind: 'parameter',
        subject: p.subject,
        file: p.file,
        partition: p.partition,
        version: p.version,
      });
    }
    for (const o of this.#otps) facts.push({ kind: 'otp', file: o.file, subject: this.id });
    return knowledgeOf(facts);
  }

  holdings(): Holdings {
    return Object.freeze({
      secretKeys: this.ownSecretKeys(),
      ownerParameters: Object.freeze([]),
      userParameters: Object.freeze(
        [...this.#parameters.values()].map(({ file, partition, version, subject, rU }) =>
          Object.freeze({ file, partition, version, subject, rU }),
        ),
      ),
      ciphertexts: Object.freeze([...this.ciphertexts.values()]),
      plaintexts: Object.freeze([...this.plaintexts.values()]),
    });
  }

  #newestParameter(ref: ObjectRef): IssuedParameter | undefined {
    let newest: IssuedParameter | undefined;
    for (const p of this.#parameters.values()) {
      if (
        p.file === ref.file &&
        p.partition === ref.partition &&
        (newest === undefined || p.version > newest.version)
      ) {
        newest = p;
      }
    }
    return newest;
  }
}
