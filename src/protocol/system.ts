/**
 * The SeSPHR system: every actor of SPEC section 2 wired in-process around one simulated clock and
 * one seed. Each method is one operation of the scenario table (issue 4) or one fine-grained step
 * mirroring a rule of the paper's net (23–33), so the net can fire one transition per call. Every
 * method returns an `Outcome`; every refusal is in the attack log (with who refused) and every
 * step, granted or refused, in the TPA's hash-chained audit trail.
 *
 * Composite operations (`approve`, `upload`, `update`, `decrypt`) run the fine-grained steps in the
 * paper's order and stop at the first refusal, returning it.
 * @module
 */

import type { AclSnapshot, HistoryPolicy, Membership } from './actors/acl.ts';
import { Admin, type Registration } from './actors/admin.ts';
import { type AttackEntry, type AttackerSummary, AttackLog } from './actors/attack-log.ts';
import { type CoalitionDecryption, coalitionDecrypt, coalitionKnowledge } from './actors/attacker.ts';
import { AuditTrail } from './actors/audit-trail.ts';
import { CertificateAuthority } from './actors/ca.ts';
import {
  Cloud,
  type ConsentRequest,
  type ConsentTicket,
  type InsiderObject,
  type ReportListing,
  type StoredView,
  type TamperReport,
  type TamperTarget,
  type Transaction,
} from './actors/cloud.ts';
import { type ActorContext, createContext } from './actors/context.ts';
import { Gatekeeper } from './actors/gatekeeper.ts';
import { type HeldCiphertext, type KnowledgeHolder, NO_HOLDINGS } from './actors/holdings.ts';
import { type DraftView, type OwnedFile, Owner } from './actors/owner.ts';
import { type Presented, type RevocationResult, Srs } from './actors/srs.ts';
import { TimeServer } from './actors/time-server.ts';
import { type AuditReport, Tpa } from './actors/tpa.ts';
import { type IssuedParameter, User } from './actors/user.ts';
import type { TimeWindow } from './actors/window.ts';
import { assertInstant, DEFAULT_START, SimClock } from './clock.ts';
import type { Certificate } from './crypto/certificate.ts';
import type { AuditEntry, ChainCheck } from './crypto/hash-chain.ts';
import { forkRng, type Rng, seededRng } from './crypto/rng.ts';
import type { G1, KeyPair, Scalar } from './crypto/sesphr-kem.ts';
import { trapdoor } from './crypto/sse.ts';
import {
  type ActorId,
  type FileId,
  INFRASTRUCTURE,
  type InfrastructureId,
  isInfrastructure,
  type PrincipalId,
  type Role,
  type UserRole,
} from './ids.ts';
import type { Knowledge, ObjectRef } from './knowledge.ts';
import { knowledgeOf, objectKey } from './knowledge.ts';
import { type DenialReason, type Outcome, ok } from './outcome.ts';
import { type AccessLevel, DEFAULT_PARTITIONS, type PartitionLabel, type Phr } from './phr/partition.ts';
import { syntheticPhr } from './phr/synthetic.ts';
import type { Variant } from './variant.ts';

/** How a partition scheme is given: label → access level, several labels per level allowed. */
export type PartitionScheme = ReadonlyMap<PartitionLabel, AccessLevel>;

/** What `createSystem` accepts; everything but the seed has a default. */
export interface SystemOptions {
  /** The one seed every key, r, nonce, bucket and challenge derives from. */
  readonly seed: string;
  /** Default `secure`. */
  readonly variant?: Variant;
  /** Unix seconds; default 2026-01-01T00:00:00Z. */
  readonly start?: number;
  /** Buckets ciphertexts are spread over; default 1 (no chunking). */
  readonly buckets?: number;
  /** Every owner's partition scheme until it sets its own; default the paper's four. */
  readonly partitions?: PartitionScheme;
  /** Seconds a certificate is valid from its issue; default 365 days. */
  readonly certificateValidity?: number;
  /** Bytes per Merkle block of the storage commitments; default 256. */
  readonly blockSize?: number;
  /** Blocks the TPA challenges per stored version; default 8. */
  readonly auditSamples?: number;
  /** Size of the synthetic PHR an upload makes when given neither size nor PHR; default 4 KiB. */
  readonly uploadBytes?: number;
}

/** The options with every default filled in. */
export interface SystemConfig {
  readonly seed: string;
  readonly variant: Variant;
  readonly start: number;
  readonly buckets: number;
  readonly partitions: PartitionScheme;
  readonly certificateValidity: number;
  readonly blockSize: number;
  readonly auditSamples: number;
  readonly uploadBytes: number;
}

/** Fills in the defaults of {@link SystemOptions}, checking what is given. */
export function resolveSystemOptions(options: SystemOptions): SystemConfig {
  const positive = (name: string, value: number): number => {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`${name}: expected a positive integer, got ${value}`);
    }
    return value;
  };
  if (typeof options.seed !== 'string') {
    throw new TypeError(`seed: expected a string, got ${typeof options.seed}`);
  }
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  if (partitions.size === 0) throw new RangeError('partitions: a scheme needs at least one partition');
  return Object.freeze({
    seed: options.seed,
    variant: options.variant ?? 'secure',
    start: assertInstant(options.start ?? DEFAULT_START, 'start'),
    buckets: positive('buckets', options.buckets ?? 1),
    partitions: new Map(partitions),
    certificateValidity: positive('certificateValidity', options.certificateValidity ?? 365 * 86_400),
    blockSize: positive('blockSize', options.blockSize ?? 256),
    auditSamples: positive('auditSamples', options.auditSamples ?? 8),
    uploadBytes: positive('uploadBytes', options.uploadBytes ?? 4096),
  });
}

/** What `approve` returns: the approved principal's certificate and public key. */
export interface Approval {
  readonly principal: PrincipalId;
  readonly role: Role;
  readonly certificate: Certificate;
}

/** One partition version an upload or update produced. */
export interface UploadedPartition {
  readonly partition: PartitionLabel;
  readonly level: AccessLevel;
  readonly version: number;
  readonly bytes: number;
  readonly buckets: readonly number[];
}

/** What `upload` and `update` return. */
export interface UploadReceipt {
  readonly owner: PrincipalId;
  readonly file: FileId;
  readonly partitions: readonly UploadedPartition[];
}

/** A principal as the system lists it. */
export interface PrincipalView {
  readonly principal: PrincipalId;
  readonly role: Role;
  readonly status: Registration['status'];
  readonly hasKeys: boolean;
  readonly certificate?: string;
}

/** Either a role or one user, as `grant` and `ungrant` take them. */
export type Grantee = { readonly role: UserRole } | { readonly user: PrincipalId };

/** Creates a system from its options (see {@link SystemOptions}). */
export function createSystem(options: SystemOptions): SeSphrSystem {
  return new SeSphrSystem(resolveSystemOptions(options));
}

/** The whole protocol, in-process. Construct it with {@link createSystem}. */
export class SeSphrSystem {
  readonly config: SystemConfig;
  readonly #clock: SimClock;
  readonly #root: Rng;
  readonly #ctx: ActorContext;
  readonly #attackLog = new AttackLog();
  readonly #trail = new AuditTrail();
  readonly #admin: Admin;
  readonly #ca: CertificateAuthority;
  readonly #timeServer: TimeServer;
  readonly #gate: Gatekeeper;
  readonly #srs: Srs;
  readonly #cloud: Cloud;
  readonly #tpa: Tpa;
  readonly #principals = new Map<PrincipalId, Owner | User>();
  readonly #schemes = new Map<PrincipalId, PartitionScheme>();
  readonly #phrSizes = new Map<FileId, number>();

  constructor(config: SystemConfig) {
    this.config = config;
    this.#clock = new SimClock(config.start);
    this.#root = seededRng(config.seed);
    this.#ctx = createContext(this.#clock, config.variant, this.#attackLog);
    this.#admin = new Admin(this.#ctx);
    this.#ca = new CertificateAuthority(
      this.#ctx,
      forkRng(this.#root, 'ca'),
      this.#admin,
      config.certificateValidity,
    );
    this.#timeServer = new TimeServer(this.#clock, forkRng(this.#root, 'time-server'));
    this.#gate = new Gatekeeper(this.#ctx, this.#admin, this.#ca);
    this.#srs = new Srs(
      this.#ctx,
      forkRng(this.#root, 'srs'),
      this.#gate,
      this.#admin,
      this.#ca,
      this.#timeServer,
    );
    this.#cloud = new Cloud(
      this.#ctx,
      forkRng(this.#root, 'cloud'),
      this.#gate,
      this.#attackLog,
      config.buckets,
    );
    this.#tpa = new Tpa(this.#ctx, forkRng(this.#root, 'tpa'), this.#cloud, this.#trail, config.auditSamples);
  }

  /** The variant in force. */
  get variant(): Variant {
    return this.config.variant;
  }

  /** The simulated time, unix seconds. */
  now(): number {
    return this.#clock.now();
  }

  // ---------------------------------------------------------------- registration and certificates

  /** A principal registers with a role; the admin files it as pending. */
  register(args: { readonly principal: PrincipalId; readonly role: Role }): Outcome<Registration> {
    return this.#step(args.principal, 'register', `${args.principal} as ${args.role}`, () => {
      const outcome = this.#admin.register(args.principal, args.role);
      if (outcome.kind === 'ok') {
        const rng = forkRng(this.#root, `principal:${args.principal}`);
        this.#principals.set(
          args.principal,
          args.role === 'owner'
            ? new Owner(this.#ctx, args.principal, rng, this.config.blockSize)
            : new User(this.#ctx, args.principal, args.role, rng),
        );
      }
      return outcome;
    });
  }

  /** The admin approves a pending registration only (no keys, no certificate yet). */
  approveRegistration(args: { readonly principal: PrincipalId }): Outcome<Registration> {
    return this.#step('admin', 'approve', `${args.principal}`, () => this.#admin.approve(args.principal));
  }

  /** The admin rejects a pending registration; the principal stays `unapproved` everywhere. */
  reject(args: { readonly principal: PrincipalId }): Outcome<Registration> {
    return this.#step('admin', 'reject', `${args.principal}`, () => this.#admin.reject(args.principal));
  }

  /** Rule 23 (Gen_Keys): the SRS makes and keeps the approved principal's key pair. */
  genKeys(args: { readonly principal: PrincipalId }): Outcome<KeyPair> {
    return this.#step('srs', 'gen-keys', `${args.principal}`, () => this.#srs.genKeys(args.principal));
  }

  /**
   * Rule 24 (Send_Keys): the SRS hands the key pair to its principal. An owner's OTP device and
   * commitment key are enrolled with the cloud and the TPA at the same time.
   */
  sendKeys(args: { readonly principal: PrincipalId }): Outcome<KeyPair> {
    return this.#step('srs', 'send-keys', `${args.principal}`, () => {
      const outcome = this.#srs.sendKeys(args.principal);
      const principal = this.#principals.get(args.principal);
      if (outcome.kind === 'ok' && principal !== undefined) {
        principal.receiveKeys(outcome.value);
        if (principal instanceof Owner) {
          this.#cloud.enrolDevice(principal.id, principal.otpSecret);
          this.#tpa.registerOwner(principal.id, principal.commitmentKey);
        }
      }
      return outcome;
    });
  }

  /** The CA certifies (id, role, PK, validity) of an approved principal with keys. */
  issueCertificate(args: { readonly principal: PrincipalId }): Outcome<Certificate> {
    return this.#step('ca', 'issue-certificate', `${args.principal}`, () => {
      const outcome = this.#ca.issue(args.principal, this.#srs.publicKeyOf(args.principal));
      if (outcome.kind === 'ok') this.#principals.get(args.principal)?.receiveCertificate(outcome.value);
      return outcome;
    });
  }

  /** Composite: the admin approves, the SRS makes and sends the keys, the CA certifies. */
  approve(args: { readonly principal: PrincipalId }): Outcome<Approval> {
    const approved = this.approveRegistration(args);
    if (approved.kind === 'denied') return approved;
    const keys = this.genKeys(args);
    if (keys.kind === 'denied') return keys;
    const sent = this.sendKeys(args);
    if (sent.kind === 'denied') return sent;
    const certificate = this.issueCertificate(args);
    if (certificate.kind === 'denied') return certificate;
    return ok(
      Object.freeze({ principal: args.principal, role: approved.value.role, certificate: certificate.value }),
    );
  }

  /** The CA puts a principal's certificate on its revocation list: it gets nothing from now on. */
  revokeCertificate(args: { readonly principal: PrincipalId }): Outcome<Certificate> {
    return this.#step('ca', 'revoke-certificate', `${args.principal}`, () => this.#ca.revoke(args.principal));
  }

  // ---------------------------------------------------------------- owner: policy

  /** Sets the owner's partition scheme for its future uploads (label → access level). */
  setPartitions(args: {
    readonly owner: PrincipalId;
    readonly partitions: PartitionScheme;
  }): Outcome<PartitionScheme> {
    return this.#step(
      args.owner,
      'set-partitions',
      `${args.owner}: ${[...args.partitions].map(([l, n]) => `${l}:${n}`).join(', ')}`,
      () => {
        const owner = this.#owner(args.owner, 'set-partitions');
        if (owner.kind === 'denied') return owner;
        if (args.partitions.size === 0) {
          return this.#deny(
            args.owner,
            args.owner,
            'set-partitions',
            'unknown-partition',
            'a scheme needs at least one partition',
          );
        }
        const scheme: PartitionScheme = new Map(args.partitions);
        this.#schemes.set(args.owner, scheme);
        return ok(scheme);
      },
    );
  }

  /** The owner's history policy for joining users: `all` (default) or `from-join`. */
  history(args: { readonly owner: PrincipalId; readonly policy: HistoryPolicy }): Outcome<HistoryPolicy> {
    return this.#step(args.owner, 'history', `${args.owner}: ${args.policy}`, () =>
      this.#srs.setHistory(this.#presented(args.owner), args.policy),
    );
  }

  /** The owner grants partitions to a role or to one user (a user outside its group joins now). */
  grant(
    args: { readonly owner: PrincipalId; readonly partitions: readonly PartitionLabel[] } & Grantee,
  ): Outcome<AclSnapshot> {
    return this.#grant(args, true);
  }

  /** The owner withdraws partitions from a role or a user. */
  ungrant(
    args: { readonly owner: PrincipalId; readonly partitions: readonly PartitionLabel[] } & Grantee,
  ): Outcome<AclSnapshot> {
    return this.#grant(args, false);
  }

  /** The owner admits a user to its group now (its join date counts for `from-join`). */
  join(args: {
    readonly owner: PrincipalId;
    readonly user: PrincipalId;
    readonly role?: Role;
  }): Outcome<Membership> {
    return this.#step(
      args.owner,
      'join',
      `${args.user}${args.role === undefined ? '' : ` as ${args.role}`}`,
      () => this.#srs.join(this.#presented(args.owner), args.user, args.role),
    );
  }

  /** The owner revokes a user (SPEC 3.1: ACL entry removed, keys deleted, nothing re-encrypted). */
  revoke(args: { readonly owner: PrincipalId; readonly user: PrincipalId }): Outcome<RevocationResult> {
    return this.#step(args.owner, 'revoke', `${args.user}`, () =>
      this.#srs.revoke(this.#presented(args.owner), args.user),
    );
  }

  /** The owner sets a file's access window [start, end] (unix seconds, ends included). */
  window(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly start: number;
    readonly end: number;
  }): Outcome<TimeWindow> {
    assertInstant(args.start, 'window start');
    assertInstant(args.end, 'window end');
    if (args.end < args.start) throw new RangeError(`window: end ${args.end} is before start ${args.start}`);
    return this.#step(args.owner, 'window', `${args.file} [${args.start}, ${args.end}]`, () =>
      this.#srs.setWindow(this.#presented(args.owner), args.file, { start: args.start, end: args.end }),
    );
  }

  /** The owner sets whether downloads of a file need its OTP consent. */
  setConsent(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly required: boolean;
  }): Outcome<boolean> {
    return this.#step(args.owner, 'set-consent', `${args.file}: ${args.required}`, () => {
      const outcome = this.#cloud.setConsent(this.#presented(args.owner), args.file, args.required);
      const owner = this.#principals.get(args.owner);
      if (outcome.kind === 'ok' && owner instanceof Owner) owner.setConsent(args.file, args.required);
      return outcome;
    });
  }

  // ---------------------------------------------------------------- owner: upload, update, delete

  /**
   * Splits a PHR into a draft upload (version 1 of every partition). Without `phr`, a synthetic FHIR
   * record of `size` bytes (default from the config) is made from the seed, the owner and the file.
   */
  prepareUpload(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly size?: number;
    readonly phr?: Phr;
    readonly window?: TimeWindow;
    readonly consent?: boolean;
  }): Outcome<DraftView> {
    return this.#step(args.owner, 'prepare-upload', `${args.file}`, () => {
      const owner = this.#owner(args.owner, 'prepare-upload');
      if (owner.kind === 'denied') return owner;
      const holder = this.#cloud.storedFiles().find((f) => f.file === args.file)?.owner;
      if (holder !== undefined && holder !== args.owner) {
        return this.#deny(
          'cloud',
          args.owner,
          'prepare-upload',
          'already-exists',
          `the file id ${args.file} is ${holder}'s`,
        );
      }
      const scheme = this.#scheme(args.owner);
      const size = args.size ?? this.config.uploadBytes;
      const phr = args.phr ?? this.#synthetic(args.owner, args.file, 1, size, scheme);
      const options = {
        consent: args.consent ?? false,
        ...(args.window === undefined ? {} : { window: args.window }),
      };
      const draft = owner.value.prepareUpload(args.file, phr, scheme, options);
      if (draft.kind === 'ok') this.#phrSizes.set(args.file, size);
      return draft;
    });
  }

  /**
   * Drafts a new version of one partition. Without `content`, the partition of a fresh synthetic
   * record (seeded by file and version) is the new content.
   */
  prepareUpdate(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
    readonly content?: Uint8Array;
  }): Outcome<DraftView> {
    return this.#step(args.owner, 'prepare-update', `${args.file}/${args.partition}`, () => {
      const owner = this.#owner(args.owner, 'prepare-update');
      if (owner.kind === 'denied') return owner;
      const version = (owner.value.currentVersion(args.file, args.partition) ?? 0) + 1;
      const content = args.content ?? this.#updatedContent(args.owner, args.file, args.partition, version);
      return owner.value.prepareUpdate(args.file, args.partition, content);
    });
  }

  /** Rule 25 (Gen_ri): the owner draws a fresh r for one access level of its draft. */
  drawR(args: { readonly owner: PrincipalId; readonly file: FileId; readonly level: AccessLevel }): Outcome<{
    readonly file: FileId;
    readonly level: AccessLevel;
    readonly r: Scalar;
  }> {
    return this.#step(args.owner, 'draw-r', `${args.file} level ${args.level}`, () =>
      this.#ownerStep(args.owner, 'draw-r', (o) => o.drawR(args.file, args.level)),
    );
  }

  /** Rule 26 (Encrypt_Pi): the owner seals one partition of its draft under its level's K. */
  encryptPartition(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
  }): Outcome<ObjectRef & { readonly sealed: Uint8Array }> {
    return this.#step(args.owner, 'encrypt-partition', `${args.file}/${args.partition}`, () =>
      this.#ownerStep(args.owner, 'encrypt-partition', (o) => o.encryptPartition(args.file, args.partition)),
    );
  }

  /** Rule 27 (Compt_R): the owner computes R_P for one access level of its draft. */
  computeR(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly level: AccessLevel;
  }): Outcome<{
    readonly file: FileId;
    readonly level: AccessLevel;
    readonly rP: G1;
  }> {
    return this.#step(args.owner, 'compute-r', `${args.file} level ${args.level}`, () =>
      this.#ownerStep(args.owner, 'compute-r', (o) => o.computeR(args.file, args.level)),
    );
  }

  /** Rule 28 (Send_C): the ciphertext goes to the cloud, its signed Merkle root to the TPA. */
  sendCiphertext(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
  }): Outcome<StoredView> {
    return this.#step(args.owner, 'send-ciphertext', `${args.file}/${args.partition}`, () =>
      this.#ownerStep(args.owner, 'send-ciphertext', (o) => {
        const pkg = o.ciphertextPackage(args.file, args.partition);
        if (pkg.kind === 'denied') return pkg;
        const stored = this.#cloud.store(this.#presented(args.owner), pkg.value);
        if (stored.kind === 'denied') return stored;
        const committed = this.#tpa.commit(pkg.value.commitment);
        if (committed.kind === 'denied') return committed;
        o.markCiphertextSent(args.file, args.partition);
        return stored;
      }),
    );
  }

  /** Rule 29 (Send_Ri): R_P goes to the SRS with the file id, partition and version. */
  sendR(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
  }): Outcome<ObjectRef> {
    return this.#step(args.owner, 'send-r', `${args.file}/${args.partition}`, () =>
      this.#ownerStep(args.owner, 'send-r', (o) => {
        const pkg = o.parameterPackage(args.file, args.partition);
        if (pkg.kind === 'denied') return pkg;
        const received = this.#srs.receiveParameter(this.#presented(args.owner), pkg.value);
        if (received.kind === 'ok') o.markParameterSent(args.file, args.partition);
        return received;
      }),
    );
  }

  /** Composite upload: prepare, then rules 25–29 for every level and partition. */
  upload(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly size?: number;
    readonly phr?: Phr;
    readonly window?: TimeWindow;
    readonly consent?: boolean;
  }): Outcome<UploadReceipt> {
    const draft = this.prepareUpload(args);
    if (draft.kind === 'denied') return draft;
    return this.#runDraft(args.owner, draft.value);
  }

  /** Composite update: a new version of one partition with a fresh r (rules 25–29). */
  update(args: {
    readonly owner: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
    readonly content?: Uint8Array;
  }): Outcome<UploadReceipt> {
    const draft = this.prepareUpdate(args);
    if (draft.kind === 'denied') return draft;
    return this.#runDraft(args.owner, draft.value);
  }

  /** The owner deletes a file: every version leaves the cloud, its R_P the SRS, its roots the TPA. */
  delete(args: { readonly owner: PrincipalId; readonly file: FileId }): Outcome<FileId> {
    return this.#step(args.owner, 'delete', `${args.file}`, () => {
      const deleted = this.#cloud.delete(this.#presented(args.owner), args.file);
      if (deleted.kind === 'denied') return deleted;
      this.#srs.deleteFile(this.#presented(args.owner), args.file);
      this.#tpa.forget(args.file);
      const owner = this.#principals.get(args.owner);
      if (owner instanceof Owner) owner.forget(args.file);
      return deleted;
    });
  }

  /** The owner lists its reports as the cloud stores them (authenticated). */
  reports(args: { readonly owner: PrincipalId }): Outcome<readonly ReportListing[]> {
    return this.#step(args.owner, 'reports', `${args.owner}`, () => {
      const auth = this.#gate.authenticate(
        'cloud',
        'reports',
        args.owner,
        this.#principals.get(args.owner)?.certificate,
      );
      if (auth.kind === 'denied') return auth;
      return ok(this.#cloud.reports(args.owner));
    });
  }

  // ---------------------------------------------------------------- users

  /**
   * Rules 31/32 (D_R_S / D_R_F): a user asks the SRS for R of a partition (the current version
   * unless `version` is given); granted, R_U is the user's.
   */
  request(args: {
    readonly user: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
    readonly version?: number;
  }): Outcome<IssuedParameter> {
    const version = args.version === undefined ? '' : ` v${args.version}`;
    return this.#step(args.user, 'request', `${args.file}/${args.partition}${version}`, () => {
      const outcome = this.#srs.request(this.#presented(args.user), args.file, args.partition, args.version);
      const user = this.#principals.get(args.user);
      if (outcome.kind === 'ok' && user instanceof User) user.receiveParameter(outcome.value);
      return outcome;
    });
  }

  /**
   * Rule 30 (D_C): the principal downloads ciphertexts (every current partition, or one partition
   * and version). For a consent-protected file it needs the owner's consent, or presents `otp`, or
   * a code it holds (which only the `otp-leak` server ever hands out).
   */
  download(args: {
    readonly user: PrincipalId;
    readonly file: FileId;
    readonly partition?: PartitionLabel;
    readonly version?: number;
    readonly otp?: string;
  }): Outcome<readonly HeldCiphertext[]> {
    const what = `${args.file}${args.partition === undefined ? '' : `/${args.partition}`}${args.version === undefined ? '' : ` v${args.version}`}`;
    return this.#step(args.user, 'download', what, () => {
      const principal = this.#principals.get(args.user);
      const otp = args.otp ?? (principal instanceof User ? principal.otpFor(args.file) : undefined);
      const selection = {
        ...(args.partition === undefined ? {} : { partition: args.partition }),
        ...(args.version === undefined ? {} : { version: args.version }),
        ...(otp === undefined ? {} : { otp }),
      };
      const outcome = this.#cloud.download(this.#presented(args.user), args.file, selection);
      if (outcome.kind === 'ok') for (const c of outcome.value) principal?.receiveCiphertext(c);
      return outcome;
    });
  }

  /**
   * Rule 33 (Decrypt_C): the principal decrypts with what it holds (the current version unless
   * `version` is given). Users use R_U (a cached older one fails the tag check), owners their R_P.
   */
  decryptPartition(args: {
    readonly user: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
    readonly version?: number;
  }): Outcome<Uint8Array> {
    return this.#step(
      args.user,
      'decrypt',
      `${args.file}/${args.partition}${args.version === undefined ? '' : ` v${args.version}`}`,
      () => {
        const principal = this.#principals.get(args.user);
        if (principal === undefined) {
          return this.#deny(
            args.user,
            args.user,
            'decrypt',
            'unknown-principal',
            `${args.user} never registered`,
          );
        }
        const version = args.version ?? this.#heldVersion(principal, args.file, args.partition);
        if (version === undefined) {
          return this.#deny(
            args.user,
            args.user,
            'decrypt',
            'out-of-order',
            `${args.user} holds no ciphertext of ${args.file}/${args.partition}`,
          );
        }
        return principal.decrypt({ file: args.file, partition: args.partition, version });
      },
    );
  }

  /**
   * Composite decrypt, as a scenario means it: download the version (the cloud's current one unless
   * `version` is given) if not already held, then decrypt it with what the principal holds.
   */
  decrypt(args: {
    readonly user: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
    readonly version?: number;
  }): Outcome<Uint8Array> {
    const version = args.version ?? this.#cloud.currentVersion(args.file, args.partition);
    const principal = this.#principals.get(args.user);
    if (
      version !== undefined &&
      principal?.ciphertextOf({ file: args.file, partition: args.partition, version }) === undefined
    ) {
      const downloaded = this.download({
        user: args.user,
        file: args.file,
        partition: args.partition,
        version,
      });
      if (downloaded.kind === 'denied') return downloaded;
    }
    return this.decryptPartition(version === undefined ? args : { ...args, version });
  }

  /**
   * Keyword search over the current versions of every stored file: the principal derives a trapdoor
   * for each version it can compute K for, the cloud matches them. With no such version there is no
   * trapdoor to send, and the search is refused (`not-in-acl`).
   */
  search(args: { readonly user: PrincipalId; readonly keyword: string }): Outcome<readonly ObjectRef[]> {
    return this.#step(args.user, 'search', JSON.stringify(args.keyword), () => {
      const principal = this.#principals.get(args.user);
      if (principal === undefined) {
        return this.#deny('cloud', args.user, 'search', 'unknown-principal', `${args.user} never registered`);
      }
      const current = this.#cloud.storedFiles().flatMap((f) => this.#cloud.currentObjects(f.file));
      const keys = principal.searchKeys(current);
      if (keys.length === 0) {
        return this.#deny(
          args.user,
          args.user,
          'search',
          'not-in-acl',
          `${args.user} holds R for no current version: it can make no trapdoor`,
        );
      }
      const queries = keys.map(({ ref, key }) => ({ ref, token: trapdoor(key, args.keyword) }));
      return this.#cloud.search(this.#presented(args.user), queries);
    });
  }

  /** A user asks to download a consent-protected file; the `otp-leak` server hands it the code. */
  requestConsent(args: { readonly user: PrincipalId; readonly file: FileId }): Outcome<ConsentRequest> {
    return this.#step(args.user, 'request-consent', `${args.file}`, () => {
      const outcome = this.#cloud.requestConsent(this.#presented(args.user), args.file);
      const user = this.#principals.get(args.user);
      if (outcome.kind === 'ok' && outcome.value.code !== undefined && user instanceof User) {
        user.receiveOtp(args.file, outcome.value.code);
      }
      return outcome;
    });
  }

  /**
   * The owner consents to one download of `file` by `user`: its device's current code goes straight
   * to the cloud (`code` overrides it, to show a wrong code being refused).
   */
  consent(args: {
    readonly owner: PrincipalId;
    readonly user: PrincipalId;
    readonly file: FileId;
    readonly code?: string;
  }): Outcome<ConsentTicket> {
    return this.#step(args.owner, 'consent', `${args.user} for ${args.file}`, () => {
      const owner = this.#owner(args.owner, 'consent');
      if (owner.kind === 'denied') return owner;
      return this.#cloud.consent(
        this.#presented(args.owner),
        args.file,
        args.user,
        args.code ?? owner.value.otpCode(),
      );
    });
  }

  /** Consent requests waiting for an owner. */
  pendingConsents(owner: PrincipalId): readonly ConsentRequest[] {
    return this.#cloud.pendingConsents(owner);
  }

  /** A doctor forwards a partition's current version to another doctor, through the owner's ACL. */
  forward(args: {
    readonly from: PrincipalId;
    readonly to: PrincipalId;
    readonly file: FileId;
    readonly partition: PartitionLabel;
  }): Outcome<IssuedParameter> {
    return this.#step(args.from, 'forward', `${args.file}/${args.partition} to ${args.to}`, () => {
      const outcome = this.#srs.forward(
        this.#presented(args.from),
        this.#presented(args.to),
        args.file,
        args.partition,
      );
      const target = this.#principals.get(args.to);
      if (outcome.kind === 'ok' && target instanceof User) target.receiveParameter(outcome.value);
      return outcome;
    });
  }

  // ---------------------------------------------------------------- clock, audit, attacks

  /** Moves the simulated clock forward by `seconds`. */
  tick(args: { readonly seconds: number }): Outcome<number> {
    return this.#step('time-server', 'tick', `+${args.seconds}s`, () =>
      ok(this.#clock.advance(args.seconds)),
    );
  }

  /** The TPA audits every stored version of a file: `clean` or `detected` with the findings. */
  audit(args: { readonly file: FileId; readonly samples?: number }): Outcome<AuditReport> {
    return this.#step('tpa', 'audit', `${args.file}`, () => this.#tpa.audit(args.file, args.samples));
  }

  /** The insider cloud flips one bit of a stored chunk (random unless the target says where). */
  tamper(args: TamperTarget): Outcome<TamperReport> {
    return this.#step('cloud', 'tamper', `${args.file}`, () => this.#cloud.tamper(args));
  }

  /** What an insider cloud sees: ciphertexts, their layout and index sizes. */
  readStore(): readonly InsiderObject[] {
    return this.#cloud.readStore();
  }

  /** Attack on the audit storage: overwrite an entry's detail (found by `verifyAuditLog`). */
  rewriteAuditEntry(args: { readonly index: number; readonly detail: string }): void {
    this.#trail.rewrite(args.index, args.detail);
  }

  /** Attack on the audit storage: cut it to `length` entries (found by `verifyAuditLog`). */
  truncateAuditLog(args: { readonly length: number }): void {
    this.#trail.truncate(args.length);
  }

  // ---------------------------------------------------------------- knowledge and coalitions

  /** What an actor knows, as abstract facts (secret keys, parameters, ciphertexts, plaintexts, OTPs). */
  knowledge(actor: ActorId): Knowledge {
    return this.#holder(actor).knowledge();
  }

  /** The union of the members' knowledge plus every plaintext their pooled material actually opens. */
  coalitionKnowledge(members: readonly ActorId[]): Knowledge {
    return coalitionKnowledge(members.map((m) => this.#holder(m)));
  }

  /** Whether the members, pooling keys, parameters and ciphertexts, can read the partition version. */
  coalitionCanDecrypt(members: readonly ActorId[], ref: ObjectRef): boolean {
    return this.coalitionDecrypt(members, ref).kind === 'decrypted';
  }

  /** Like `coalitionCanDecrypt`, with the plaintext and how it was obtained. */
  coalitionDecrypt(members: readonly ActorId[], ref: ObjectRef): CoalitionDecryption {
    return coalitionDecrypt(
      members.map((m) => this.#holder(m)),
      ref,
    );
  }

  // ---------------------------------------------------------------- views

  /** Every refusal so far (actor, operation, reason, time, who refused). */
  attackLog(): readonly AttackEntry[] {
    return this.#attackLog.entries();
  }

  /** The refusals of one actor (the SRS's refusal log is `refusals('srs')`). */
  refusals(by: ActorId): readonly AttackEntry[] {
    return this.#attackLog.refusedBy(by);
  }

  /** The cloud's "attackers" view. */
  attackers(): readonly AttackerSummary[] {
    return this.#cloud.attackers();
  }

  /** The cloud's transaction log. */
  transactions(): readonly Transaction[] {
    return this.#cloud.transactions();
  }

  /** The cloud's listing of data providers. */
  dataProviders(): readonly { readonly owner: PrincipalId; readonly files: number }[] {
    return this.#cloud.dataProviders();
  }

  /** The cloud's listing of users that authenticated with it. */
  users(): readonly { readonly principal: PrincipalId; readonly role: Role }[] {
    return this.#cloud.users();
  }

  /** The cloud's listing of stored reports (all owners). */
  storedReports(): readonly ReportListing[] {
    return this.#cloud.reports();
  }

  /** The hash-chained audit trail as stored. */
  auditLog(): readonly AuditEntry[] {
    return this.#trail.entries();
  }

  /** Verifies the audit trail against its chain and the TPA's separately kept anchor. */
  verifyAuditLog(): ChainCheck {
    return this.#trail.verify();
  }

  /** Every registered principal with its status. */
  principals(): readonly PrincipalView[] {
    return Object.freeze(
      this.#admin.registrations().map((r) => {
        const cert = this.#ca.certificateOf(r.principal);
        const base = {
          principal: r.principal,
          role: r.role,
          status: r.status,
          hasKeys: this.#srs.holdsKeysOf(r.principal),
        };
        return Object.freeze(cert === undefined ? base : { ...base, certificate: cert.serial });
      }),
    );
  }

  /** One owner's ACL as the SRS keeps it. */
  acl(owner: PrincipalId): AclSnapshot {
    return this.#srs.acl(owner);
  }

  /** The current version of a stored partition (the cloud's). */
  currentVersion(file: FileId, partition: PartitionLabel): number | undefined {
    return this.#cloud.currentVersion(file, partition);
  }

  /** An owner's own record of its files: partitions, levels and every version written. */
  ownerFiles(owner: PrincipalId): readonly OwnedFile[] {
    const principal = this.#principals.get(owner);
    return principal instanceof Owner ? principal.files() : Object.freeze([]);
  }

  /** The upload or update an owner has in progress for a file, between the fine-grained steps. */
  draft(owner: PrincipalId, file: FileId): DraftView | undefined {
    const principal = this.#principals.get(owner);
    return principal instanceof Owner ? principal.draft(file) : undefined;
  }

  /** A file's access window as the SRS enforces it, if one is set. */
  windowOf(file: FileId): TimeWindow | undefined {
    return this.#srs.windowOf(file);
  }

  /** The partition scheme an owner's uploads use. */
  scheme(owner: PrincipalId): PartitionScheme {
    return this.#scheme(owner);
  }

  /** The plaintexts the owner wrote, by version, for checking what users decrypt against. */
  ownerPlaintext(owner: PrincipalId, ref: ObjectRef): Uint8Array | undefined {
    const principal = this.#principals.get(owner);
    if (!(principal instanceof Owner)) return undefined;
    const key = objectKey(ref);
    return principal.holdings().plaintexts.find((p) => objectKey(p) === key)?.plaintext;
  }

  // ---------------------------------------------------------------- internals

  #runDraft(owner: PrincipalId, draft: DraftView): Outcome<UploadReceipt> {
    const { file } = draft;
    for (const level of draft.levels) {
      const drawn = this.drawR({ owner, file, level });
      if (drawn.kind === 'denied') return drawn;
    }
    for (const { partition } of draft.partitions) {
      const sealed = this.encryptPartition({ owner, file, partition });
      if (sealed.kind === 'denied') return sealed;
    }
    for (const level of draft.levels) {
      const computed = this.computeR({ owner, file, level });
      if (computed.kind === 'denied') return computed;
    }
    const uploaded: UploadedPartition[] = [];
    for (const { partition, level, version } of draft.partitions) {
      const stored = this.sendCiphertext({ owner, file, partition });
      if (stored.kind === 'denied') return stored;
      uploaded.push(
        Object.freeze({
          partition,
          level,
          version,
          bytes: stored.value.length,
          buckets: stored.value.buckets,
        }),
      );
    }
    for (const { partition } of draft.partitions) {
      const sent = this.sendR({ owner, file, partition });
      if (sent.kind === 'denied') return sent;
    }
    return ok(Object.freeze({ owner, file, partitions: Object.freeze(uploaded) }));
  }

  #grant(
    args: { readonly owner: PrincipalId; readonly partitions: readonly PartitionLabel[] } & Grantee,
    add: boolean,
  ): Outcome<AclSnapshot> {
    const operation = add ? 'grant' : 'ungrant';
    const who = 'role' in args ? `role ${args.role}` : `user ${args.user}`;
    return this.#step(args.owner, operation, `${who}: ${args.partitions.join(', ')}`, () => {
      const scheme = this.#scheme(args.owner);
      const unknown = args.partitions.filter((p) => !scheme.has(p));
      if (unknown.length > 0) {
        return this.#deny(
          'srs',
          args.owner,
          operation,
          'unknown-partition',
          `${args.owner}'s scheme has no ${unknown.join(', ')}`,
        );
      }
      const presented = this.#presented(args.owner);
      return 'role' in args
        ? this.#srs.grantRole(presented, args.role, args.partitions, add)
        : this.#srs.grantUser(presented, args.user, args.partitions, add);
    });
  }

  /** Runs one step and records it, granted or refused, in the audit trail. */
  #step<T>(actor: ActorId, action: string, detail: string, run: () => Outcome<T>): Outcome<T> {
    const outcome = run();
    const result = outcome.kind === 'ok' ? 'ok' : `denied ${outcome.reason}`;
    this.#trail.append({ time: this.#clock.now(), actor, action, detail: `${detail} -> ${result}` });
    return outcome;
  }

  #deny(refusedBy: ActorId, actor: ActorId, operation: string, reason: DenialReason, detail: string) {
    return this.#ctx.deny({ refusedBy, actor, operation, reason, detail });
  }

  #presented(principal: PrincipalId): Presented {
    return { principal, certificate: this.#principals.get(principal)?.certificate };
  }

  #owner(id: PrincipalId, operation: string): Outcome<Owner> {
    const principal = this.#principals.get(id);
    if (principal === undefined) {
      return this.#deny(id, id, operation, 'unknown-principal', `${id} never registered`);
    }
    if (!(principal instanceof Owner)) {
      return this.#deny(id, id, operation, 'not-owner', `${id} is a ${principal.role}, not an owner`);
    }
    return ok(principal);
  }

  #ownerStep<T>(id: PrincipalId, operation: string, run: (owner: Owner) => Outcome<T>): Outcome<T> {
    const owner = this.#owner(id, operation);
    return owner.kind === 'denied' ? owner : run(owner.value);
  }

  #scheme(owner: PrincipalId): PartitionScheme {
    return this.#schemes.get(owner) ?? this.config.partitions;
  }

  #synthetic(owner: PrincipalId, file: FileId, version: number, size: number, scheme: PartitionScheme): Phr {
    return syntheticPhr({
      owner,
      seed: `${this.config.seed}/${owner}/${file}/v${version}`,
      targetBytes: size,
      partitions: scheme,
    });
  }

  #updatedContent(owner: PrincipalId, file: FileId, partition: PartitionLabel, version: number): Uint8Array {
    const size = this.#phrSizes.get(file) ?? this.config.uploadBytes;
    return (
      this.#synthetic(owner, file, version, size, this.#scheme(owner)).partitions.get(partition) ??
      new Uint8Array(0)
    );
  }

  /** The newest version of a partition whose ciphertext the principal holds. */
  #heldVersion(principal: Owner | User, file: FileId, partition: PartitionLabel): number | undefined {
    const versions = principal
      .holdings()
      .ciphertexts.filter((c) => c.file === file && c.partition === partition)
      .map((c) => c.version);
    return versions.length === 0 ? undefined : Math.max(...versions);
  }

  #holder(actor: ActorId): KnowledgeHolder {
    if (isInfrastructure(actor)) return this.#infrastructure(actor);
    const principal = this.#principals.get(actor);
    if (principal === undefined) throw new RangeError(`knowledge: no actor ${JSON.stringify(actor)}`);
    return principal;
  }

  #infrastructure(actor: InfrastructureId): KnowledgeHolder {
    switch (actor) {
      case 'srs':
        return this.#srs;
      case 'cloud':
        return this.#cloud;
      case 'tpa':
        return this.#tpa;
      case 'ca':
      case 'time-server':
      case 'admin':
        return { id: actor, knowledge: () => knowledgeOf([]), holdings: () => NO_HOLDINGS };
      default: {
        const never: never = actor;
        throw new RangeError(`knowledge: no actor ${String(never)} among ${INFRASTRUCTURE.join(', ')}`);
      }
    }
  }
}
