/**
 * The setup and re-encryption server (SPEC 3.1, paper §3.3): semi-trusted. It generates every key
 * pair and keeps them (rule 23, paper §4), hands each to its principal (rule 24), stores the owners'
 * R_P per file, partition and version (rule 29), keeps each owner's ACL, and answers requests for
 * parameters (rules 31 and 32): certificate, file, window (against the time server's signed time),
 * ACL and history policy, then the re-encryption key g2^{x_U/x_P} and R_U = e(R_P, RK).
 *
 * It never sees a ciphertext, which is the only thing between it and every plaintext: it holds
 * every secret key. Revocation removes the user from the owner's ACL, drops the re-encryption key
 * and, once the user is in no group any more, deletes its key pair; nothing is re-encrypted.
 * @module
 */

import type { Certificate } from '../crypto/certificate.ts';
import { constantTimeEqual } from '../crypto/constant-time.ts';
import { encodeG2 } from '../crypto/encoding.ts';
import { forkRng, type Rng } from '../crypto/rng.ts';
import { type G2, generateKeyPair, type KeyPair, reEncrypt, reEncryptionKey } from '../crypto/sesphr-kem.ts';
import type { FileId, PrincipalId, Role, UserRole } from '../ids.ts';
import { type Knowledge, type KnowledgeFact, knowledgeOf, type ObjectRef, objectKey } from '../knowledge.ts';
import { type DenialReason, type Outcome, ok } from '../outcome.ts';
import type { PartitionLabel } from '../phr/partition.ts';
import { type AclSnapshot, type HistoryPolicy, type Membership, OwnerAcl } from './acl.ts';
import type { Admin } from './admin.ts';
import type { CertificateAuthority } from './ca.ts';
import type { ActorContext } from './context.ts';
import type { Authenticated, Gatekeeper } from './gatekeeper.ts';
import type { HeldOwnerParameter, Holdings, KnowledgeHolder } from './holdings.ts';
import type { ParameterPackage } from './owner.ts';
import { type TimeServer, trustedTime } from './time-server.ts';
import type { IssuedParameter } from './user.ts';
import { inWindow, type TimeWindow } from './window.ts';

/** R_P as the SRS stores it. */
interface StoredParameter extends HeldOwnerParameter {
  readonly level: number;
  readonly createdAt: number;
}

interface SrsFile {
  readonly owner: PrincipalId;
  window: TimeWindow | undefined;
  readonly current: Map<PartitionLabel, number>;
}

/** What revocation did, for the caller to report. */
export interface RevocationResult {
  readonly owner: PrincipalId;
  readonly user: PrincipalId;
  /** Whether the user's key pair was deleted (it was in no other owner's group). */
  readonly keysDeleted: boolean;
}

/** A principal as the SRS's owner-side operations name it: id and the certificate it presents. */
export interface Presented {
  readonly principal: PrincipalId;
  readonly certificate: Certificate | undefined;
}

/** The SRS. */
export class Srs implements KnowledgeHolder {
  readonly id = 'srs' as const;
  readonly #ctx: ActorContext;
  readonly #rng: Rng;
  readonly #gate: Gatekeeper;
  readonly #admin: Admin;
  readonly #ca: CertificateAuthority;
  readonly #timeServer: TimeServer;
  readonly #timeKey: Uint8Array;
  readonly #keys = new Map<PrincipalId, KeyPair>();
  readonly #acls = new Map<PrincipalId, OwnerAcl>();
  readonly #files = new Map<FileId, SrsFile>();
  readonly #parameters = new Map<string, StoredParameter>();
  readonly #reKeys = new Map<string, G2>();
  readonly #issued: IssuedParameter[] = [];

  /** `ca` is where the SRS looks up the certificate of a user an owner admits by name. */
  constructor(
    ctx: ActorContext,
    rng: Rng,
    gate: Gatekeeper,
    admin: Admin,
    ca: CertificateAuthority,
    timeServer: TimeServer,
  ) {
    this.#ctx = ctx;
    this.#rng = rng;
    this.#gate = gate;
    this.#admin = admin;
    this.#ca = ca;
    this.#timeServer = timeServer;
    this.#timeKey = timeServer.publicKey;
  }

  /**
   * Rule 23 (Gen_Keys): x ← Z_q*, PK = g2^x for an approved principal. The pair is drawn from a
   * stream forked per principal, so who registers first does not change anyone's keys.
   */
  genKeys(principal: PrincipalId): Outcome<KeyPair> {
    const operation = 'gen-keys';
    const registration = this.#admin.registration(principal);
    if (registration === undefined) {
      return this.#refuse(principal, operation, 'unknown-principal', `${principal} never registered`);
    }
    if (registration.status !== 'approved') {
      return this.#refuse(
        principal,
        operation,
        'unapproved',
        `the admin has not approved ${principal} (${registration.status})`,
      );
    }
    if (this.#keys.has(principal)) {
      return this.#refuse(principal, operation, 'already-exists', `${principal} already has keys`);
    }
    const pair = generateKeyPair(forkRng(this.#rng, `keys:${principal}`));
    this.#keys.set(principal, pair);
    return ok(pair);
  }

  /** Rule 24 (Send_Keys): the key pair for its principal, over the secure channel of the paper. */
  sendKeys(principal: PrincipalId): Outcome<KeyPair> {
    const pair = this.#keys.get(principal);
    if (pair === undefined) {
      return this.#refuse(
        principal,
        'send-keys',
        'out-of-order',
        `the SRS holds no key pair for ${principal}`,
      );
    }
    return ok(pair);
  }

  /** The public key the SRS made for `principal`, for the CA to certify. */
  publicKeyOf(principal: PrincipalId): G2 | undefined {
    return this.#keys.get(principal)?.pk;
  }

  /** Rule 29 (Send_Ri): stores R_P of one partition version of an owner's file. */
  receiveParameter(owner: Presented, pkg: ParameterPackage): Outcome<ObjectRef> {
    const operation = 'send-r';
    const auth = this.#authenticateOwner(owner, operation);
    if (auth.kind === 'denied') return auth;
    const file = this.#files.get(pkg.file);
    if (file !== undefined && file.owner !== owner.principal) {
      return this.#refuse(owner.principal, operation, 'not-owner', `${pkg.file} belongs to ${file.owner}`);
    }
    const key = objectKey(pkg);
    if (this.#parameters.has(key)) {
      return this.#refuse(owner.principal, operation, 'already-exists', `R of ${key} is already stored`);
    }
    const record: SrsFile = file ?? { owner: owner.principal, window: pkg.window, current: new Map() };
    const current = record.current.get(pkg.partition) ?? 0;
    record.current.set(pkg.partition, Math.max(current, pkg.version));
    this.#files.set(pkg.file, record);
    const { file: f, partition, version, rP, level, createdAt } = pkg;
    this.#parameters.set(
      key,
      Object.freeze({ owner: owner.principal, file: f, partition, version, rP, level, createdAt }),
    );
    return ok(Object.freeze({ file: f, partition, version }));
  }

  /** Sets or changes the access window of an owner's file. */
  setWindow(owner: Presented, file: FileId, window: TimeWindow): Outcome<TimeWindow> {
    const found = this.#ownedFile(owner, file, 'window');
    if (found.kind === 'denied') return found;
    found.value.window = Object.freeze({ ...window });
    return ok(found.value.window);
  }

  /** Forgets every R_P and the window of a deleted file. */
  deleteFile(owner: Presented, file: FileId): Outcome<FileId> {
    const found = this.#ownedFile(owner, file, 'delete');
    if (found.kind === 'denied') return found;
    for (const [key, p] of this.#parameters) if (p.file === file) this.#parameters.delete(key);
    this.#files.delete(file);
    return ok(file);
  }

  /** Sets the owner's history policy for joining users. */
  setHistory(owner: Presented, policy: HistoryPolicy): Outcome<HistoryPolicy> {
    const auth = this.#authenticateOwner(owner, 'history');
    if (auth.kind === 'denied') return auth;
    this.#acl(owner.principal).setHistory(policy);
    return ok(policy);
  }

  /** Grants (or, with `add` false, withdraws) partitions to every member with `role`. */
  grantRole(
    owner: Presented,
    role: UserRole,
    partitions: readonly PartitionLabel[],
    add: boolean,
  ): Outcome<AclSnapshot> {
    const auth = this.#authenticateOwner(owner, add ? 'grant' : 'ungrant');
    if (auth.kind === 'denied') return auth;
    const acl = this.#acl(owner.principal);
    if (add) acl.grantRole(role, partitions);
    else acl.ungrantRole(role, partitions);
    return ok(acl.snapshot());
  }

  /**
   * Grants (or withdraws) partitions to one user. Granting to a user outside the group admits it
   * first, as of now: a grant by name is the owner's decision to share with that person.
   */
  grantUser(
    owner: Presented,
    user: PrincipalId,
    partitions: readonly PartitionLabel[],
    add: boolean,
  ): Outcome<AclSnapshot> {
    const operation = add ? 'grant' : 'ungrant';
    const auth = this.#authenticateOwner(owner, operation);
    if (auth.kind === 'denied') return auth;
    const acl = this.#acl(owner.principal);
    if (add && acl.membership(user) === undefined) {
      const joined = this.#admit(acl, user, undefined, operation);
      if (joined.kind === 'denied') return joined;
    }
    if (add) acl.grantUser(user, partitions);
    else acl.ungrantUser(user, partitions);
    return ok(acl.snapshot());
  }

  /** The owner admits `user` to its group now (SPEC 8: the owner approves joins, the SRS enforces). */
  join(owner: Presented, user: PrincipalId, role: Role | undefined): Outcome<Membership> {
    const auth = this.#authenticateOwner(owner, 'join');
    if (auth.kind === 'denied') return auth;
    const acl = this.#acl(owner.principal);
    if (acl.membership(user) !== undefined) {
      return this.#refuse(
        owner.principal,
        'join',
        'already-exists',
        `${user} is already in ${owner.principal}'s group`,
      );
    }
    return this.#admit(acl, user, role, 'join');
  }

  /**
   * The owner revokes `user`: out of the ACL (the `revocation-keeps-acl` variant forgets this), the
   * re-encryption key dropped, and the key pair deleted once no owner's ACL lists the user.
   */
  revoke(owner: Presented, user: PrincipalId): Outcome<RevocationResult> {
    const operation = 'revoke';
    const auth = this.#authenticateOwner(owner, operation);
    if (auth.kind === 'denied') return auth;
    const acl = this.#acl(owner.principal);
    if (acl.membership(user) === undefined) {
      return this.#refuse(
        owner.principal,
        operation,
        'not-in-acl',
        `${user} is not in ${owner.principal}'s group`,
      );
    }
    acl.revoke(user, this.#ctx.clock.now(), this.#ctx.variant !== 'revocation-keeps-acl');
    this.#reKeys.delete(reKeyName(owner.principal, user));
    const stillListed = [...this.#acls.values()].some((a) => a.membership(user) !== undefined);
    const keysDeleted = !stillListed && this.#keys.delete(user);
    return ok(Object.freeze({ owner: owner.principal, user, keysDeleted }));
  }

  /**
   * Rules 31 (D_R_S) and 32 (D_R_F): the guard on a request for R of one partition version (the
   * current one unless `version` says otherwise). Granted: R_U = e(R_P, g2^{x_U/x_P}) for the user.
   * Refused: nothing changes but the refusal, which goes to the attack log.
   */
  request(
    user: Presented,
    file: FileId,
    partition: PartitionLabel,
    version: number | undefined,
  ): Outcome<IssuedParameter> {
    const operation = 'request';
    const auth = this.#gate.authenticate('srs', operation, user.principal, user.certificate);
    if (auth.kind === 'denied') return auth;
    return this.#issue(auth.value, file, partition, version, operation, user.principal);
  }

  /**
   * A doctor forwards a partition to another doctor, through the owner's policy: the sender must
   * itself be granted the partition, and the target gets R only if the owner's ACL grants it too.
   */
  forward(from: Presented, to: Presented, file: FileId, partition: PartitionLabel): Outcome<IssuedParameter> {
    const operation = 'forward';
    const sender = this.#gate.authenticate('srs', operation, from.principal, from.certificate);
    if (sender.kind === 'denied') return sender;
    if (sender.value.role !== 'doctor') {
      return this.#refuse(
        from.principal,
        operation,
        'not-in-acl',
        `only doctors forward; ${from.principal} is a ${sender.value.role}`,
      );
    }
    const target = this.#gate.authenticate('srs', operation, to.principal, to.certificate);
    if (target.kind === 'denied') return target;
    if (target.value.role !== 'doctor') {
      return this.#refuse(
        from.principal,
        operation,
        'not-in-acl',
        `records are forwarded to doctors; ${to.principal} is a ${target.value.role}`,
      );
    }
    const own = this.#guard(from.principal, file, partition, undefined, operation, from.principal);
    if (own.kind === 'denied') return own;
    return this.#issue(target.value, file, partition, own.value.version, operation, from.principal);
  }

  /** The window of a file, if one is set. */
  windowOf(file: FileId): TimeWindow | undefined {
    return this.#files.get(file)?.window;
  }

  /** A copy of one owner's ACL. */
  acl(owner: PrincipalId): AclSnapshot {
    return this.#acl(owner).snapshot();
  }

  /** Whether the SRS still holds a key pair for `principal` (revocation may have deleted it). */
  holdsKeysOf(principal: PrincipalId): boolean {
    return this.#keys.has(principal);
  }

  knowledge(): Knowledge {
    const facts: KnowledgeFact[] = [];
    for (const subject of this.#keys.keys()) facts.push({ kind: 'secret-key', subject });
    for (const p of this.#parameters.values()) {
      facts.push({
        kind: 'parameter',
        subject: p.owner,
        file: p.file,
        partition: p.partition,
        version: p.version,
      });
    }
    for (const p of this.#issued) {
      facts.push({
        kind: 'parameter',
        subject: p.subject,
        file: p.file,
        partition: p.partition,
        version: p.version,
      });
    }
    return knowledgeOf(facts);
  }

  holdings(): Holdings {
    return Object.freeze({
      secretKeys: new Map([...this.#keys].map(([id, pair]) => [id, pair.sk] as const)),
      ownerParameters: Object.freeze(
        [...this.#parameters.values()].map(({ owner, file, partition, version, rP }) =>
          Object.freeze({ owner, file, partition, version, rP }),
        ),
      ),
      userParameters: Object.freeze(
        this.#issued.map(({ subject, file, partition, version, rU }) =>
          Object.freeze({ subject, file, partition, version, rU }),
        ),
      ),
      ciphertexts: Object.freeze([]),
      plaintexts: Object.freeze([]),
    });
  }

  /** The guard then the re-encryption, for `who` (authenticated); `actor` is who the log blames. */
  #issue(
    who: Authenticated,
    file: FileId,
    partition: PartitionLabel,
    version: number | undefined,
    operation: string,
    actor: PrincipalId,
  ): Outcome<IssuedParameter> {
    const guard = this.#guard(who.principal, file, partition, version, operation, actor);
    if (guard.kind === 'denied') return guard;
    const stored = guard.value;
    const userKeys = this.#keys.get(who.principal);
    if (userKeys === undefined) {
      return this.#refuse(
        actor,
        operation,
        'revoked',
        `the SRS deleted ${who.principal}'s key pair at revocation`,
      );
    }
    if (!constantTimeEqual(encodeG2(userKeys.pk), who.certificate.publicKey)) {
      return this.#refuse(
        actor,
        operation,
        'bad-certificate',
        `${who.principal}'s certificate binds another key than the SRS made`,
      );
    }
    const ownerKeys = this.#keys.get(stored.owner);
    if (ownerKeys === undefined) {
      return this.#refuse(
        actor,
        operation,
        'revoked',
        `the SRS holds no key pair for the owner ${stored.owner}`,
      );
    }
    const name = reKeyName(stored.owner, who.principal);
    const rk = this.#reKeys.get(name) ?? reEncryptionKey(ownerKeys.sk, userKeys.sk);
    this.#reKeys.set(name, rk);
    const issued: IssuedParameter = Object.freeze({
      owner: stored.owner,
      subject: who.principal,
      file,
      partition,
      version: stored.version,
      rU: reEncrypt(stored.rP, rk),
      issuedAt: this.#ctx.clock.now(),
    });
    this.#issued.push(issued);
    return ok(issued);
  }

  /** File, version, window, ACL and history checks for `user`; the stored R_P when all pass. */
  #guard(
    user: PrincipalId,
    file: FileId,
    partition: PartitionLabel,
    version: number | undefined,
    operation: string,
    actor: PrincipalId,
  ): Outcome<StoredParameter> {
    const record = this.#files.get(file);
    if (record === undefined) {
      return this.#refuse(actor, operation, 'unknown-file', `the SRS holds no parameters of ${file}`);
    }
    const current = record.current.get(partition);
    if (current === undefined) {
      return this.#refuse(actor, operation, 'unknown-partition', `${file} has no partition ${partition}`);
    }
    const wanted = version ?? current;
    const stored = this.#parameters.get(objectKey({ file, partition, version: wanted }));
    if (stored === undefined) {
      return this.#refuse(actor, operation, 'unknown-file', `${file}/${partition} has no version ${wanted}`);
    }
    if (record.window !== undefined) {
      const now = trustedTime(this.#timeServer, this.#timeKey, this.#rng);
      if (now === undefined) {
        return this.#refuse(actor, operation, 'outside-window', 'the signed time did not verify');
      }
      if (!inWindow(record.window, now)) {
        return this.#refuse(
          actor,
          operation,
          'outside-window',
          `signed time ${now} is outside ${file}'s window [${record.window.start}, ${record.window.end}]`,
        );
      }
    }
    const decision = this.#acl(record.owner).decide(user, partition, stored.createdAt);
    if (decision.kind === 'deny') return this.#refuse(actor, operation, decision.reason, decision.detail);
    return ok(stored);
  }

  #admit(acl: OwnerAcl, user: PrincipalId, role: Role | undefined, operation: string): Outcome<Membership> {
    const auth = this.#gate.authenticate('srs', operation, user, this.#ca.certificateOf(user));
    if (auth.kind === 'denied') return auth;
    if (auth.value.role === 'owner') {
      return this.#refuse(acl.owner, operation, 'not-in-acl', `${user} is an owner; groups are of users`);
    }
    if (role !== undefined && role !== auth.value.role) {
      return this.#refuse(
        acl.owner,
        operation,
        'bad-certificate',
        `${user} is certified as ${auth.value.role}, not ${role}`,
      );
    }
    if (!this.#keys.has(user)) {
      return this.#refuse(
        acl.owner,
        operation,
        'revoked',
        `the SRS deleted ${user}'s key pair at an earlier revocation`,
      );
    }
    acl.join(user, auth.value.role, this.#ctx.clock.now());
    return ok(acl.membership(user)!);
  }

  #authenticateOwner(owner: Presented, operation: string): Outcome<Authenticated> {
    const auth = this.#gate.authenticate('srs', operation, owner.principal, owner.certificate);
    if (auth.kind === 'denied') return auth;
    if (auth.value.role !== 'owner') {
      return this.#refuse(
        owner.principal,
        operation,
        'not-owner',
        `${owner.principal} is a ${auth.value.role}, not an owner`,
      );
    }
    return auth;
  }

  #ownedFile(owner: Presented, file: FileId, operation: string): Outcome<SrsFile> {
    const auth = this.#authenticateOwner(owner, operation);
    if (auth.kind === 'denied') return auth;
    const record = this.#files.get(file);
    if (record === undefined) {
      return this.#refuse(
        owner.principal,
        operation,
        'unknown-file',
        `the SRS holds no parameters of ${file}`,
      );
    }
    if (record.owner !== owner.principal) {
      return this.#refuse(owner.principal, operation, 'not-owner', `${file} belongs to ${record.owner}`);
    }
    return ok(record);
  }

  #acl(owner: PrincipalId): OwnerAcl {
    const existing = this.#acls.get(owner);
    if (existing !== undefined) return existing;
    const acl = new OwnerAcl(owner);
    this.#acls.set(owner, acl);
    return acl;
  }

  #refuse(actor: PrincipalId, operation: string, reason: DenialReason, detail: string) {
    return this.#ctx.deny({ refusedBy: 'srs', actor, operation, reason, detail });
  }
}

function reKeyName(owner: PrincipalId, user: PrincipalId): string {
  return `${owner}->${user}`;
}
