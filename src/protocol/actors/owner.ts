/**
 * The PHR owner (SPEC section 2): splits its PHR into partitions, encrypts each with a fresh r per
 * access level and uploads, in the paper's fine-grained steps so the net can fire one rule at a
 * time: prepare → draw r per level (rule 25) → encrypt each partition (26) → compute R per level
 * (27) → send each ciphertext to the cloud (28) → send each R to the SRS (29). An update is the same
 * for one partition, as a new version with a fresh r. The owner also holds its OTP device (the
 * secret it shares with the cloud) and the Ed25519 key that signs its storage commitments.
 *
 * Partitions of one access level share that level's r (paper eqs. 6–9): whoever may read one of
 * them holds the K of all of them. Owners who want partitions apart put them on different levels.
 * @module
 */
import { openPartition, sealPartition } from '../crypto/dem.ts';
import { totp } from '../crypto/otp.ts';
import type { Rng } from '../crypto/rng.ts';
import {
  type G1,
  type Gt,
  ownerDecapsulate,
  ownerParameter,
  randomScalar,
  type Scalar,
  sessionKey,
} from '../crypto/sesphr-kem.ts';
import { generateSigningKey, type SigningKey } from '../crypto/signing.ts';
import { buildIndex, type SearchIndex } from '../crypto/sse.ts';
import type { FileId, PrincipalId } from '../ids.ts';
import { type Knowledge, type KnowledgeFact, knowledgeOf, type ObjectRef, objectKey } from '../knowledge.ts';
import { type DenialReason, type Outcome, ok } from '../outcome.ts';
import { keywordsOf } from '../phr/fhir-keywords.ts';
import type { AccessLevel, PartitionLabel, Phr } from '../phr/partition.ts';
import { commit, type SignedCommitment } from './commitment.ts';
import type { ActorContext } from './context.ts';
import type { HeldPlaintext, Holdings, KnowledgeHolder } from './holdings.ts';
import { Principal } from './principal.ts';
import { partitionSearchKey } from './search-key.ts';
import type { TimeWindow } from './window.ts';

/** What the owner sends the cloud for one partition version (rule 28), with its TPA commitment. */
export interface CiphertextPackage extends ObjectRef {
  readonly owner: PrincipalId;
  readonly sealed: Uint8Array;
  readonly index: SearchIndex;
  readonly commitment: SignedCommitment;
  /** Whether downloads of the file need the owner's OTP consent. */
  readonly consent: boolean;
}

/** What the owner sends the SRS for one partition version (rule 29). */
export interface ParameterPackage extends ObjectRef {
  readonly owner: PrincipalId;
  readonly level: AccessLevel;
  readonly rP: G1;
  /** When the version was written: what the `from-join` history policy compares join dates with. */
  readonly createdAt: number;
  /** The file's access window, sent with the first version of an upload. */
  readonly window?: TimeWindow;
}

/** A draft as the net and the tests see it: which partition versions and levels it will produce. */
export interface DraftView {
  readonly file: FileId;
  readonly kind: 'upload' | 'update';
  readonly createdAt: number;
  readonly partitions: readonly {
    readonly partition: PartitionLabel;
    readonly level: AccessLevel;
    readonly version: number;
  }[];
  readonly levels: readonly AccessLevel[];
}

/** One partition of an owned file: its level and every version written so far. */
export interface OwnedPartition {
  readonly partition: PartitionLabel;
  readonly level: AccessLevel;
  readonly current: number;
  readonly versions: readonly number[];
}

/** An owned file as the owner lists its reports. */
export interface OwnedFile {
  readonly file: FileId;
  readonly consent: boolean;
  readonly partitions: readonly OwnedPartition[];
}

interface DraftPartition {
  readonly partition: PartitionLabel;
  readonly level: AccessLevel;
  readonly version: number;
  readonly plaintext: Uint8Array;
  sealed?: Uint8Array;
  index?: SearchIndex;
  commitment?: SignedCommitment;
  ciphertextSent: boolean;
  parameterSent: boolean;
}

interface Draft {
  readonly file: FileId;
  readonly kind: 'upload' | 'update';
  readonly createdAt: number;
  readonly window: TimeWindow | undefined;
  readonly consent: boolean;
  readonly partitions: Map<PartitionLabel, DraftPartition>;
  readonly r: Map<AccessLevel, Scalar>;
  readonly k: Map<AccessLevel, Gt>;
  readonly rP: Map<AccessLevel, G1>;
}

interface Version {
  readonly version: number;
  readonly plaintext: Uint8Array;
  readonly rP: G1;
  readonly createdAt: number;
}

interface FileRecord {
  readonly file: FileId;
  consent: boolean;
  readonly partitions: Map<
    PartitionLabel,
    { readonly level: AccessLevel; readonly versions: Map<number, Version> }
  >;
}

const OTP_SECRET_BYTES = 20;

/** A PHR owner. */
export class Owner extends Principal implements KnowledgeHolder {
  override readonly role = 'owner' as const;
  readonly #ctx: ActorContext;
  readonly #signingKey: SigningKey;
  readonly #otpSecret: Uint8Array;
  readonly #files = new Map<FileId, FileRecord>();
  readonly #drafts = new Map<FileId, Draft>();
  readonly #blockSize: number;

  /** `blockSize` is how the owner cuts ciphertexts for its Merkle commitments. */
  constructor(ctx: ActorContext, id: PrincipalId, rng: Rng, blockSize: number) {
    super(id, 'owner', rng);
    this.#ctx = ctx;
    this.#blockSize = blockSize;
    this.#signingKey = generateSigningKey(this.rng);
    this.#otpSecret = this.rng.bytes(OTP_SECRET_BYTES);
  }

  /** The public half of the key that signs storage commitments, registered with the TPA. */
  get commitmentKey(): Uint8Array {
    return this.#signingKey.publicKey;
  }

  /** The OTP device's secret, shared with the cloud at enrolment and never with a requester. */
  get otpSecret(): Uint8Array {
    return this.#otpSecret;
  }

  /** The code the owner's device shows now (RFC 6238 TOTP, 30 s steps, 6 digits). */
  otpCode(): string {
    return totp(this.#otpSecret, this.#ctx.clock.now());
  }

  /** Whether this owner has uploaded `file` (and not deleted it). */
  owns(file: FileId): boolean {
    return this.#files.has(file);
  }

  /** The current version of a partition, if the owner has the file and partition. */
  currentVersion(file: FileId, partition: PartitionLabel): number | undefined {
    const versions = this.#files.get(file)?.partitions.get(partition)?.versions;
    return versions === undefined ? undefined : Math.max(...versions.keys());
  }

  /** The owner's reports (SPEC: list own reports). */
  files(): readonly OwnedFile[] {
    return Object.freeze(
      [...this.#files.values()].map((f) =>
        Object.freeze({
          file: f.file,
          consent: f.consent,
          partitions: Object.freeze(
            [...f.partitions].map(([partition, p]) => {
              const versions = Object.freeze([...p.versions.keys()].sort((a, b) => a - b));
              return Object.freeze({
                partition,
                level: p.level,
                current: versions[versions.length - 1]!,
                versions,
              });
            }),
          ),
        }),
      ),
    );
  }

  /**
   * Splits `phr` into a draft upload of `file`: every partition becomes version 1 at the access level
   * `levels` gives it. Nothing is encrypted yet; the draft records what the next steps will do.
   */
  prepareUpload(
    file: FileId,
    phr: Phr,
    levels: ReadonlyMap<PartitionLabel, AccessLevel>,
    options: { readonly window?: TimeWindow; readonly consent: boolean },
  ): Outcome<DraftView> {
    const operation = 'prepare-upload';
    if (this.keys === undefined) {
      return this.#refuse(operation, 'unapproved', `${this.id} has no key pair yet`);
    }
    if (this.#files.has(file)) {
      return this.#refuse(operation, 'already-exists', `${this.id} already uploaded ${file}`);
    }
    if (this.#drafts.has(file)) {
      return this.#refuse(operation, 'out-of-order', `${file} already has an upload in progress`);
    }
    const partitions = new Map<PartitionLabel, DraftPartition>();
    for (const [partition, plaintext] of phr.partitions) {
      const level = levels.get(partition);
      if (level === undefined) {
        return this.#refuse(
          operation,
          'unknown-partition',
          `${partition} has no access level in ${this.id}'s scheme`,
        );
      }
      partitions.set(partition, draftPartition(partition, level, 1, plaintext));
    }
    if (partitions.size === 0) {
      return this.#refuse(operation, 'unknown-partition', `the PHR for ${file} has no partitions`);
    }
    return ok(this.#startDraft(file, 'upload', partitions, options.window, options.consent));
  }

  /** Drafts a new version of one partition of an owned file, to be encrypted under a fresh r. */
  prepareUpdate(file: FileId, partition: PartitionLabel, plaintext: Uint8Array): Outcome<DraftView> {
    const operation = 'prepare-update';
    const record = this.#files.get(file);
    if (record === undefined) {
      return this.#refuse(operation, 'unknown-file', `${this.id} has no file ${file}`);
    }
    if (this.#drafts.has(file)) {
      return this.#refuse(operation, 'out-of-order', `${file} already has a change in progress`);
    }
    const p = record.partitions.get(partition);
    if (p === undefined) {
      return this.#refuse(operation, 'unknown-partition', `${file} has no partition ${partition}`);
    }
    const version = Math.max(...p.versions.keys()) + 1;
    const partitions = new Map([[partition, draftPartition(partition, p.level, version, plaintext)]]);
    return ok(this.#startDraft(file, 'update', partitions, undefined, record.consent));
  }

  /** Rule 25 (Gen_ri): a fresh r for one access level of the draft. */
  drawR(
    file: FileId,
    level: AccessLevel,
  ): Outcome<{ readonly file: FileId; readonly level: AccessLevel; readonly r: Scalar }> {
    const operation = 'draw-r';
    const draft = this.#drafts.get(file);
    if (draft === undefined) {
      return this.#refuse(operation, 'out-of-order', `${file} has no draft; prepare it first`);
    }
    if (![...draft.partitions.values()].some((p) => p.level === level)) {
      return this.#refuse(
        operation,
        'unknown-partition',
        `the draft of ${file} has no partition at level ${level}`,
      );
    }
    if (draft.r.has(level)) {
      return this.#refuse(operation, 'out-of-order', `r for level ${level} of ${file} is already drawn`);
    }
    const r = randomScalar(this.rng);
    draft.r.set(level, r);
    return ok(Object.freeze({ file, level, r }));
  }

  /**
   * Rule 26 (Encrypt_Pi): seals the partition under K = Z^r of its level, builds its keyword index
   * under the version's search key, and signs the Merkle root over the ciphertext's blocks.
   */
  encryptPartition(
    file: FileId,
    partition: PartitionLabel,
  ): Outcome<ObjectRef & { readonly sealed: Uint8Array }> {
    const operation = 'encrypt-partition';
    const found = this.#draftPartition(operation, file, partition);
    if (found.kind === 'denied') return found;
    const { draft, p } = found.value;
    if (p.sealed !== undefined) {
      return this.#refuse(operation, 'out-of-order', `${partition} of ${file} is already encrypted`);
    }
    const r = draft.r.get(p.level);
    if (r === undefined) return this.#refuse(operation, 'out-of-order', `draw r for level ${p.level} first`);
    const k = draft.k.get(p.level) ?? sessionKey(r);
    draft.k.set(p.level, k);
    const ref: ObjectRef = { file, partition, version: p.version };
    p.sealed = sealPartition(
      k,
      { fileId: file, label: partition, version: p.version },
      p.plaintext,
      this.rng,
    );
    p.index = buildIndex(partitionSearchKey(k, ref), keywordsOf(p.plaintext), this.rng);
    p.commitment = commit(this.id, ref, p.sealed, this.#blockSize, this.#signingKey);
    return ok(Object.freeze({ ...ref, sealed: p.sealed }));
  }

  /** Rule 27 (Compt_R): R_P = g1^{r·x_P} for one access level of the draft. */
  computeR(
    file: FileId,
    level: AccessLevel,
  ): Outcome<{ readonly file: FileId; readonly level: AccessLevel; readonly rP: G1 }> {
    const operation = 'compute-r';
    const draft = this.#drafts.get(file);
    if (draft === undefined) {
      return this.#refuse(operation, 'out-of-order', `${file} has no draft; prepare it first`);
    }
    const r = draft.r.get(level);
    if (r === undefined) {
      return this.#refuse(operation, 'out-of-order', `draw r for level ${level} of ${file} first`);
    }
    const keys = this.keys;
    if (keys === undefined) return this.#refuse(operation, 'unapproved', `${this.id} has no key pair`);
    const rP = draft.rP.get(level) ?? ownerParameter(r, keys.sk);
    draft.rP.set(level, rP);
    return ok(Object.freeze({ file, level, rP }));
  }

  /** What rule 28 (Send_C) carries; `markCiphertextSent` once the cloud accepted it. */
  ciphertextPackage(file: FileId, partition: PartitionLabel): Outcome<CiphertextPackage> {
    const operation = 'send-ciphertext';
    const found = this.#draftPartition(operation, file, partition);
    if (found.kind === 'denied') return found;
    const { draft, p } = found.value;
    if (p.sealed === undefined || p.index === undefined || p.commitment === undefined) {
      return this.#refuse(operation, 'out-of-order', `encrypt ${partition} of ${file} first`);
    }
    if (p.ciphertextSent) {
      return this.#refuse(operation, 'out-of-order', `${partition} of ${file} was already sent`);
    }
    return ok(
      Object.freeze({
        owner: this.id,
        file,
        partition,
        version: p.version,
        sealed: p.sealed,
        index: p.index,
        commitment: p.commitment,
        consent: draft.consent,
      }),
    );
  }

  /** What rule 29 (Send_Ri) carries; `markParameterSent` once the SRS accepted it. */
  parameterPackage(file: FileId, partition: PartitionLabel): Outcome<ParameterPackage> {
    const operation = 'send-r';
    const found = this.#draftPartition(operation, file, partition);
    if (found.kind === 'denied') return found;
    const { draft, p } = found.value;
    const rP = draft.rP.get(p.level);
    if (rP === undefined) {
      return this.#refuse(operation, 'out-of-order', `compute R for level ${p.level} of ${file} first`);
    }
    if (p.parameterSent) {
      return this.#refuse(operation, 'out-of-order', `R of ${partition} of ${file} was already sent`);
    }
    const base = {
      owner: this.id,
      file,
      partition,
      version: p.version,
      level: p.level,
      rP,
      createdAt: draft.createdAt,
    };
    return ok(Object.freeze(draft.window === undefined ? base : { ...base, window: draft.window }));
  }

  markCiphertextSent(file: FileId, partition: PartitionLabel): void {
    this.#mark(file, partition, 'ciphertextSent');
  }

  markParameterSent(file: FileId, partition: PartitionLabel): void {
    this.#mark(file, partition, 'parameterSent');
  }

  /** The draft of `file` in progress, if any. */
  draft(file: FileId): DraftView | undefined {
    const draft = this.#drafts.get(file);
    return draft === undefined ? undefined : viewOf(draft);
  }

  /** Forgets a deleted file (the owner keeps no copy of what it deleted). */
  forget(file: FileId): void {
    this.#files.delete(file);
    this.#drafts.delete(file);
  }

  /** Changes whether downloads of `file` need OTP consent. */
  setConsent(file: FileId, consent: boolean): void {
    const record = this.#files.get(file);
    if (record !== undefined) record.consent = consent;
  }

  /**
   * The owner decrypts its own data from a downloaded ciphertext: K = e(R_P, g2)^{1/x_P} with the
   * R_P it computed for that version, then the AES-GCM open (a tampered copy fails the tag check).
   */
  decrypt(ref: ObjectRef): Outcome<Uint8Array> {
    const operation = 'decrypt';
    const where = objectKey(ref);
    const sealed = this.ciphertextOf(ref);
    if (sealed === undefined) {
      return this.#refuse(operation, 'out-of-order', `${this.id} holds no ciphertext of ${where}`);
    }
    const version = this.#files.get(ref.file)?.partitions.get(ref.partition)?.versions.get(ref.version);
    if (version === undefined) {
      return this.#refuse(operation, 'no-parameter', `${this.id} has no R_P for ${where}`);
    }
    const keys = this.keys;
    if (keys === undefined) return this.#refuse(operation, 'unapproved', `${this.id} has no key pair`);
    const k = ownerDecapsulate(version.rP, keys.sk);
    const opened = openPartition(k, { fileId: ref.file, label: ref.partition, version: ref.version }, sealed);
    if (opened.kind === 'tag-mismatch') {
      return this.#refuse(operation, 'tag-check-failed', `${where}: the AES-GCM tag does not verify`);
    }
    return ok(opened.plaintext);
  }

  /** The search keys of the given current versions that are this owner's (K from its own R_P). */
  searchKeys(current: readonly ObjectRef[]): { readonly ref: ObjectRef; readonly key: Uint8Array }[] {
    const keys = this.keys;
    if (keys === undefined) return [];
    return current.flatMap((ref) => {
      const v = this.#files.get(ref.file)?.partitions.get(ref.partition)?.versions.get(ref.version);
      return v === undefined ? [] : [{ ref, key: partitionSearchKey(ownerDecapsulate(v.rP, keys.sk), ref) }];
    });
  }

  knowledge(): Knowledge {
    const facts: KnowledgeFact[] = this.baseFacts();
    facts.push({ kind: 'otp-secret', subject: this.id });
    for (const p of this.#allPlaintexts())
      facts.push({ kind: 'plaintext', file: p.file, partition: p.partition, version: p.version });
    for (const p of this.#ownerParameters()) {
      facts.push({
        kind: 'parameter',
        subject: this.id,
        file: p.file,
        partition: p.partition,
        version: p.version,
      });
    }
    return knowledgeOf(facts);
  }

  holdings(): Holdings {
    return Object.freeze({
      secretKeys: this.ownSecretKeys(),
      ownerParameters: Object.freeze(this.#ownerParameters()),
      userParameters: Object.freeze([]),
      ciphertexts: Object.freeze([...this.ciphertexts.values()]),
      plaintexts: Object.freeze(this.#allPlaintexts()),
    });
  }

  #ownerParameters(): {
    owner: PrincipalId;
    file: FileId;
    partition: PartitionLabel;
    version: number;
    rP: G1;
  }[] {
    const out: { owner: PrincipalId; file: FileId; partition: PartitionLabel; version: number; rP: G1 }[] =
      [];
    for (const f of this.#files.values()) {
      for (const [partition, p] of f.partitions) {
        for (const v of p.versions.values())
          out.push({ owner: this.id, file: f.file, partition, version: v.version, rP: v.rP });
      }
    }
    return out;
  }

  #allPlaintexts(): HeldPlaintext[] {
    const out: HeldPlaintext[] = [];
    for (const f of this.#files.values()) {
      for (const [partition, p] of f.partitions) {
        for (const v of p.versions.values())
          out.push({ file: f.file, partition, version: v.version, plaintext: v.plaintext });
      }
    }
    for (const d of this.#drafts.values()) {
      for (const p of d.partitions.values()) {
        out.push({ file: d.file, partition: p.partition, version: p.version, plaintext: p.plaintext });
      }
    }
    return out;
  }

  #startDraft(
    file: FileId,
    kind: 'upload' | 'update',
    partitions: Map<PartitionLabel, DraftPartition>,
    window: TimeWindow | undefined,
    consent: boolean,
  ): DraftView {
    const draft: Draft = {
      file,
      kind,
      createdAt: this.#ctx.clock.now(),
      window,
      consent,
      partitions,
      r: new Map(),
      k: new Map(),
      rP: new Map(),
    };
    this.#drafts.set(file, draft);
    return viewOf(draft);
  }

  #draftPartition(
    operation: string,
    file: FileId,
    partition: PartitionLabel,
  ): Outcome<{ readonly draft: Draft; readonly p: DraftPartition }> {
    const draft = this.#drafts.get(file);
    if (draft === undefined) {
      return this.#refuse(operation, 'out-of-order', `${file} has no draft; prepare it first`);
    }
    const p = draft.partitions.get(partition);
    if (p === undefined) {
      return this.#refuse(
        operation,
        'unknown-partition',
        `the draft of ${file} has no partition ${partition}`,
      );
    }
    return ok({ draft, p });
  }

  #mark(file: FileId, partition: PartitionLabel, what: 'ciphertextSent' | 'parameterSent'): void {
    const draft = this.#drafts.get(file);
    const p = draft?.partitions.get(partition);
    if (draft === undefined || p === undefined) return;
    p[what] = true;
    if ([...draft.partitions.values()].every((d) => d.ciphertextSent && d.parameterSent)) {
      this.#complete(draft);
    }
  }

  /** Every partition went to the cloud and its R to the SRS: the versions become the owner's record. */
  #complete(draft: Draft): void {
    const record: FileRecord = this.#files.get(draft.file) ?? {
      file: draft.file,
      consent: draft.consent,
      partitions: new Map(),
    };
    for (const p of draft.partitions.values()) {
      const entry = record.partitions.get(p.partition) ?? {
        level: p.level,
        versions: new Map<number, Version>(),
      };
      entry.versions.set(p.version, {
        version: p.version,
        plaintext: p.plaintext,
        rP: draft.rP.get(p.level)!,
        createdAt: draft.createdAt,
      });
      record.partitions.set(p.partition, entry);
    }
    this.#files.set(draft.file, record);
    this.#drafts.delete(draft.file);
  }

  #refuse(operation: string, reason: DenialReason, detail: string) {
    return this.#ctx.deny({ refusedBy: this.id, actor: this.id, operation, reason, detail });
  }
}

function draftPartition(
  partition: PartitionLabel,
  level: AccessLevel,
  version: number,
  plaintext: Uint8Array,
): DraftPartition {
  return { partition, level, version, plaintext, ciphertextSent: false, parameterSent: false };
}

function viewOf(draft: Draft): DraftView {
  const partitions = [...draft.partitions.values()].map((p) =>
    Object.freeze({ partition: p.partition, level: p.level, version: p.version }),
  );
  return Object.freeze({
    file: draft.file,
    kind: draft.kind,
    createdAt: draft.createdAt,
    partitions: Object.freeze(partitions),
    levels: Object.freeze([...new Set(partitions.map((p) => p.level))].sort((a, b) => a - b)),
  });
}
