/**
 * The cloud server (SPEC section 2), untrusted for confidentiality: it stores ciphertexts, cut into
 * chunks placed in randomly chosen buckets; authenticates every download (certificate, and the
 * owner's OTP consent where the owner asks for it); matches search trapdoors against stored
 * indexes; answers the TPA's challenges; keeps the transaction log and the listing views.
 *
 * It shares each owner's OTP secret (to verify codes) but, in the secure protocol, never gives a
 * code to anyone. In the `otp-leak` variant it answers a requester's consent request with the
 * owner's current code, the flaw P12 is about.
 * @module
 */
import { type MerkleProof, merkleProofs, splitBlocks } from '../crypto/merkle.ts';
import { matchTotpStep, totp } from '../crypto/otp.ts';
import type { Rng } from '../crypto/rng.ts';
import { matches, type SearchIndex } from '../crypto/sse.ts';
import type { ActorId, FileId, PrincipalId, Role } from '../ids.ts';
import { type Knowledge, type KnowledgeFact, knowledgeOf, type ObjectRef, objectKey } from '../knowledge.ts';
import { type DenialReason, denied, type Outcome, ok } from '../outcome.ts';
import type { PartitionLabel } from '../phr/partition.ts';
import type { AttackerSummary, AttackLog } from './attack-log.ts';
import type { ActorContext } from './context.ts';
import { randomIndex, randomPermutation } from './draws.ts';
import type { Gatekeeper } from './gatekeeper.ts';
import type { HeldCiphertext, Holdings, KnowledgeHolder } from './holdings.ts';
import type { CiphertextPackage } from './owner.ts';
import type { Presented } from './srs.ts';

/** One chunk of a stored ciphertext and the bucket it sits in. */
export interface StoredChunk {
  readonly bucket: number;
  readonly bytes: Uint8Array;
}

/** Where a stored partition version went. */
export interface StoredView extends ObjectRef {
  readonly owner: PrincipalId;
  readonly length: number;
  readonly buckets: readonly number[];
}

/** One line of the cloud's transaction log. */
export interface Transaction {
  readonly time: number;
  readonly actor: ActorId;
  readonly operation: string;
  readonly file?: FileId;
  readonly outcome: 'ok' | DenialReason;
}

/** The answer to a consent request; `code` is present only when the server leaks it. */
export interface ConsentRequest {
  readonly file: FileId;
  readonly requester: PrincipalId;
  readonly required: boolean;
  readonly code?: string;
}

/** The owner's consent as the cloud recorded it: one download of `file` by `user`. */
export interface ConsentTicket {
  readonly file: FileId;
  readonly user: PrincipalId;
  readonly grantedAt: number;
}

/** What the cloud sends the TPA for one challenge: each challenged block with its Merkle path. */
export interface StorageProof {
  readonly leafCount: number;
  readonly blocks: readonly {
    readonly index: number;
    readonly block: Uint8Array;
    readonly proof: MerkleProof;
  }[];
}

/** Where a tamper struck: the object, the chunk and bucket, the byte within the object and the bit. */
export interface TamperReport extends ObjectRef {
  readonly chunk: number;
  readonly bucket: number;
  readonly offset: number;
  readonly bit: number;
}

/** Which bit to flip; any field left out is drawn at random (a current version by default). */
export interface TamperTarget {
  readonly file: FileId;
  readonly partition?: PartitionLabel;
  readonly version?: number;
  readonly offset?: number;
  readonly bit?: number;
}

/** A stored object as the insider sees it: the owner's name, the layout and the ciphertext. */
export interface InsiderObject extends HeldCiphertext {
  readonly owner: PrincipalId;
  readonly chunks: readonly StoredChunk[];
  readonly indexSize: number;
}

/** A file in the cloud's report listing. */
export interface ReportListing {
  readonly owner: PrincipalId;
  readonly file: FileId;
  readonly consent: boolean;
  readonly partitions: readonly {
    readonly partition: PartitionLabel;
    readonly version: number;
    readonly bytes: number;
    readonly buckets: readonly number[];
  }[];
}

/** Which stored versions a download asks for. */
export interface DownloadSelection {
  readonly partition?: PartitionLabel;
  readonly version?: number;
  /** A consent code the requester presents itself (the owner's code, however it came by it). */
  readonly otp?: string;
}

interface StoredObject extends ObjectRef {
  readonly owner: PrincipalId;
  readonly length: number;
  readonly chunks: { readonly bucket: number; readonly bytes: Uint8Array }[];
  readonly index: SearchIndex;
}

interface CloudFile {
  readonly owner: PrincipalId;
  consent: boolean;
  readonly current: Map<PartitionLabel, number>;
}

/** The cloud server. */
export class Cloud implements KnowledgeHolder {
  readonly id = 'cloud' as const;
  readonly #ctx: ActorContext;
  readonly #rng: Rng;
  readonly #gate: Gatekeeper;
  readonly #attackLog: AttackLog;
  readonly #buckets: number;
  readonly #objects = new Map<string, StoredObject>();
  readonly #files = new Map<FileId, CloudFile>();
  readonly #otpSecrets = new Map<PrincipalId, Uint8Array>();
  readonly #tickets = new Map<string, ConsentTicket>();
  readonly #pending = new Map<string, ConsentRequest>();
  readonly #usedCodes = new Set<string>();
  readonly #seen = new Map<PrincipalId, Role>();
  readonly #transactions: Transaction[] = [];

  /** `buckets`: how many buckets ciphertexts are spread over (1 = no chunking). */
  constructor(ctx: ActorContext, rng: Rng, gate: Gatekeeper, attackLog: AttackLog, buckets: number) {
    if (!Number.isSafeInteger(buckets) || buckets < 1) {
      throw new RangeError(`cloud: expected a positive whole number of buckets, got ${buckets}`);
    }
    this.#ctx = ctx;
    this.#rng = rng;
    this.#gate = gate;
    this.#attackLog = attackLog;
    this.#buckets = buckets;
  }

  /** Enrols an owner's OTP device: the cloud keeps the shared secret to verify its codes. */
  enrolDevice(owner: PrincipalId, secret: Uint8Array): void {
    this.#otpSecrets.set(owner, Uint8Array.from(secret));
  }

  /**
   * Rule 28 (Send_C): stores one partition version, cut into as many chunks as there are buckets
   * (never more than bytes), each in a different bucket drawn at random.
   */
  store(owner: Presented, pkg: CiphertextPackage): Outcome<StoredView> {
    const operation = 'send-ciphertext';
    const auth = this.#authenticate(owner, operation, pkg.file);
    if (auth.kind === 'denied') return auth;
    const file = this.#files.get(pkg.file);
    if (file !== undefined && file.owner !== owner.principal) {
      return this.#refuse(
        owner.principal,
        operation,
        pkg.file,
        'not-owner',
        `${pkg.file} belongs to ${file.owner}`,
      );
    }
    const key = objectKey(pkg);
    if (this.#objects.has(key)) {
      return this.#refuse(owner.principal, operation, pkg.file, 'already-exists', `${key} is already stored`);
    }
    const count = Math.min(this.#buckets, pkg.sealed.length);
    const buckets = randomPermutation(this.#rng, this.#buckets).slice(0, count);
    const size = Math.ceil(pkg.sealed.length / count);
    const chunks = buckets.map((bucket, i) => ({
      bucket,
      bytes: pkg.sealed.slice(i * size, (i + 1) * size),
    }));
    const { file: f, partition, version } = pkg;
    this.#objects.set(key, {
      owner: owner.principal,
      file: f,
      partition,
      version,
      length: pkg.sealed.length,
      chunks,
      index: pkg.index,
    });
    const record: CloudFile = file ?? { owner: owner.principal, consent: pkg.consent, current: new Map() };
    record.current.set(partition, Math.max(record.current.get(partition) ?? 0, version));
    this.#files.set(f, record);
    return this.#log(
      owner.principal,
      operation,
      f,
      ok(
        Object.freeze({
          owner: owner.principal,
          file: f,
          partition,
          version,
          length: pkg.sealed.length,
          buckets: Object.freeze(buckets),
        }),
      ),
    );
  }

  /**
   * Rule 30 (D_C): the requested ciphertexts (by default the current version of every partition),
   * reassembled from their buckets, to an authenticated principal; for a consent-protected file
   * only with the owner's consent ticket or a valid, unused code.
   */
  download(
    who: Presented,
    file: FileId,
    selection: DownloadSelection = {},
  ): Outcome<readonly HeldCiphertext[]> {
    const operation = 'download';
    const auth = this.#authenticate(who, operation, file);
    if (auth.kind === 'denied') return auth;
    const record = this.#files.get(file);
    if (record === undefined) {
      return this.#refuse(who.principal, operation, file, 'unknown-file', `the cloud stores no ${file}`);
    }
    const refs = this.#select(record, file, selection);
    if (refs.kind === 'denied') return this.#refuse(who.principal, operation, file, refs.reason, refs.detail);
    if (record.consent && who.principal !== record.owner) {
      const consent = this.#consume(record, file, who.principal, selection.otp);
      if (consent.kind === 'denied') {
        return this.#refuse(who.principal, operation, file, consent.reason, consent.detail);
      }
    }
    const out = refs.value.map((ref) => {
      const { file: f, partition, version } = ref;
      return Object.freeze({
        file: f,
        partition,
        version,
        sealed: this.#bytesOf(this.#objects.get(objectKey(ref))!),
      });
    });
    return this.#log(who.principal, operation, file, ok(Object.freeze(out)));
  }

  /**
   * A user asks to download a consent-protected file: the request waits for the owner. The secure
   * server answers only whether consent is required; the `otp-leak` server also returns the owner's
   * current code.
   */
  requestConsent(who: Presented, file: FileId): Outcome<ConsentRequest> {
    const operation = 'request-consent';
    const auth = this.#authenticate(who, operation, file);
    if (auth.kind === 'denied') return auth;
    const record = this.#files.get(file);
    if (record === undefined) {
      return this.#refuse(who.principal, operation, file, 'unknown-file', `the cloud stores no ${file}`);
    }
    const base = { file, requester: who.principal, required: record.consent };
    if (!record.consent) return this.#log(who.principal, operation, file, ok(Object.freeze(base)));
    this.#pending.set(ticketKey(file, who.principal), Object.freeze(base));
    const secret = this.#otpSecrets.get(record.owner);
    const leaked = this.#ctx.variant === 'otp-leak' && secret !== undefined;
    const answer: ConsentRequest = leaked ? { ...base, code: totp(secret, this.#ctx.clock.now()) } : base;
    return this.#log(who.principal, operation, file, ok(Object.freeze(answer)));
  }

  /** Consent requests waiting for `owner`. */
  pendingConsents(owner: PrincipalId): readonly ConsentRequest[] {
    return Object.freeze([...this.#pending.values()].filter((r) => this.#files.get(r.file)?.owner === owner));
  }

  /**
   * The owner's device code for one download of `file` by `user`, sent by the owner straight to the
   * cloud. A valid, unused code becomes a one-download ticket.
   */
  consent(owner: Presented, file: FileId, user: PrincipalId, code: string): Outcome<ConsentTicket> {
    const operation = 'consent';
    const found = this.#ownedFile(owner, file, operation);
    if (found.kind === 'denied') return found;
    const checked = this.#checkCode(found.value, file, user, code);
    if (checked.kind === 'denied') {
      return this.#refuse(owner.principal, operation, file, checked.reason, checked.detail);
    }
    const ticket: ConsentTicket = Object.freeze({ file, user, grantedAt: this.#ctx.clock.now() });
    this.#tickets.set(ticketKey(file, user), ticket);
    this.#pending.delete(ticketKey(file, user));
    return this.#log(owner.principal, operation, file, ok(ticket));
  }

  /** Sets whether downloads of an owner's file need its consent. */
  setConsent(owner: Presented, file: FileId, required: boolean): Outcome<boolean> {
    const found = this.#ownedFile(owner, file, 'set-consent');
    if (found.kind === 'denied') return found;
    found.value.consent = required;
    return this.#log(owner.principal, 'set-consent', file, ok(required));
  }

  /**
   * Matches trapdoors against the indexes of current versions. The cloud learns which stored index
   * a trapdoor matched, and nothing of the keyword.
   */
  search(
    who: Presented,
    queries: readonly { readonly ref: ObjectRef; readonly token: Uint8Array }[],
  ): Outcome<readonly ObjectRef[]> {
    const operation = 'search';
    const auth = this.#authenticate(who, operation, undefined);
    if (auth.kind === 'denied') return auth;
    const found = queries.filter(({ ref, token }) => {
      const object = this.#objects.get(objectKey(ref));
      return (
        object !== undefined &&
        this.currentVersion(ref.file, ref.partition) === ref.version &&
        matches(object.index, token)
      );
    });
    const refs = found.map(({ ref }) =>
      Object.freeze({ file: ref.file, partition: ref.partition, version: ref.version }),
    );
    return this.#log(who.principal, operation, undefined, ok(Object.freeze(refs)));
  }

  /** Deletes every version of an owner's file from every bucket. */
  delete(owner: Presented, file: FileId): Outcome<FileId> {
    const found = this.#ownedFile(owner, file, 'delete');
    if (found.kind === 'denied') return found;
    for (const [key, o] of this.#objects) if (o.file === file) this.#objects.delete(key);
    this.#files.delete(file);
    for (const [key, t] of this.#tickets) if (t.file === file) this.#tickets.delete(key);
    for (const [key, r] of this.#pending) if (r.file === file) this.#pending.delete(key);
    return this.#log(owner.principal, 'delete', file, ok(file));
  }

  /**
   * The cloud's answer to a TPA challenge: the challenged blocks of what it holds now, with Merkle
   * paths built from those same bytes. Undefined when it no longer holds the object at all.
   */
  prove(ref: ObjectRef, blockSize: number, indices: readonly number[]): StorageProof | undefined {
    const object = this.#objects.get(objectKey(ref));
    this.#transactions.push(
      Object.freeze({
        time: this.#ctx.clock.now(),
        actor: 'tpa',
        operation: 'prove',
        file: ref.file,
        outcome: object === undefined ? 'audit-failed' : 'ok',
      }),
    );
    if (object === undefined) return undefined;
    const blocks = splitBlocks(this.#bytesOf(object), blockSize);
    const held = indices.filter((i) => i < blocks.length);
    const proofs = merkleProofs(blocks, held);
    const answered = held.map((index, k) =>
      Object.freeze({ index, block: blocks[index]!, proof: proofs[k]! }),
    );
    return Object.freeze({ leafCount: blocks.length, blocks: Object.freeze(answered) });
  }

  /**
   * The insider cloud (or whoever holds the store) flips one bit of a stored chunk. Nothing is
   * logged: the change is for the TPA's audit and the readers' tag checks to find.
   */
  tamper(target: TamperTarget): Outcome<TamperReport> {
    const record = this.#files.get(target.file);
    if (record === undefined) {
      return this.#ctx.deny({
        refusedBy: 'cloud',
        actor: 'cloud',
        operation: 'tamper',
        reason: 'unknown-file',
        detail: `the cloud stores no ${target.file}`,
      });
    }
    const partitions = [...record.current.keys()];
    const partition = target.partition ?? partitions[randomIndex(this.#rng, partitions.length)]!;
    const version = target.version ?? record.current.get(partition);
    const object =
      version === undefined
        ? undefined
        : this.#objects.get(objectKey({ file: target.file, partition, version }));
    if (object === undefined) {
      return this.#ctx.deny({
        refusedBy: 'cloud',
        actor: 'cloud',
        operation: 'tamper',
        reason: 'unknown-partition',
        detail: `the cloud stores no ${target.file}/${partition} v${version ?? '?'}`,
      });
    }
    const offset = target.offset ?? randomIndex(this.#rng, object.length);
    const bit = target.bit ?? randomIndex(this.#rng, 8);
    if (
      !Number.isSafeInteger(offset) ||
      offset < 0 ||
      offset >= object.length ||
      !Number.isSafeInteger(bit) ||
      bit < 0 ||
      bit > 7
    ) {
      throw new RangeError(
        `tamper: offset must be in [0, ${object.length - 1}] and bit in [0, 7], got ${offset} and ${bit}`,
      );
    }
    let chunk = 0;
    let start = 0;
    while (start + object.chunks[chunk]!.bytes.length <= offset)
      start += object.chunks[chunk++]!.bytes.length;
    const stored = object.chunks[chunk]!;
    stored.bytes[offset - start]! ^= 1 << bit;
    return ok(
      Object.freeze({
        file: object.file,
        partition: object.partition,
        version: object.version,
        chunk,
        bucket: stored.bucket,
        offset,
        bit,
      }),
    );
  }

  /** What an insider sees: every stored ciphertext, its layout and index size. No plaintext, no key. */
  readStore(): readonly InsiderObject[] {
    return Object.freeze(
      [...this.#objects.values()].map((o) =>
        Object.freeze({
          owner: o.owner,
          file: o.file,
          partition: o.partition,
          version: o.version,
          sealed: this.#bytesOf(o),
          chunks: Object.freeze(
            o.chunks.map((c) => Object.freeze({ bucket: c.bucket, bytes: c.bytes.slice() })),
          ),
          indexSize: o.index.tokens.size,
        }),
      ),
    );
  }

  /** The current version of a stored partition. */
  currentVersion(file: FileId, partition: PartitionLabel): number | undefined {
    return this.#files.get(file)?.current.get(partition);
  }

  /** The current version of every partition of a file, in the order the owner uploaded them. */
  currentObjects(file: FileId): readonly ObjectRef[] {
    const record = this.#files.get(file);
    if (record === undefined) return [];
    return [...record.current].map(([partition, version]) => Object.freeze({ file, partition, version }));
  }

  /** Every file the cloud stores, with its owner. */
  storedFiles(): readonly { readonly file: FileId; readonly owner: PrincipalId }[] {
    return Object.freeze([...this.#files].map(([file, f]) => Object.freeze({ file, owner: f.owner })));
  }

  /** Listing view: the owners who store files, with how many. */
  dataProviders(): readonly { readonly owner: PrincipalId; readonly files: number }[] {
    const counts = new Map<PrincipalId, number>();
    for (const f of this.#files.values()) counts.set(f.owner, (counts.get(f.owner) ?? 0) + 1);
    return Object.freeze(
      [...counts]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([owner, files]) => Object.freeze({ owner, files })),
    );
  }

  /** Listing view: the users (not owners) who authenticated at the cloud, with their certified role. */
  users(): readonly { readonly principal: PrincipalId; readonly role: Role }[] {
    return Object.freeze(
      [...this.#seen]
        .filter(([, role]) => role !== 'owner')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([principal, role]) => Object.freeze({ principal, role })),
    );
  }

  /** Listing view: stored files (of one owner, or all) with their current versions and buckets. */
  reports(owner?: PrincipalId): readonly ReportListing[] {
    return Object.freeze(
      [...this.#files]
        .filter(([, f]) => owner === undefined || f.owner === owner)
        .map(([file, f]) =>
          Object.freeze({
            owner: f.owner,
            file,
            consent: f.consent,
            partitions: Object.freeze(
              [...f.current].map(([partition, version]) => {
                const o = this.#objects.get(objectKey({ file, partition, version }))!;
                return Object.freeze({
                  partition,
                  version,
                  bytes: o.length,
                  buckets: Object.freeze(o.chunks.map((c) => c.bucket)),
                });
              }),
            ),
          }),
        ),
    );
  }

  /** Listing view: the transaction log, oldest first. */
  transactions(): readonly Transaction[] {
    return Object.freeze([...this.#transactions]);
  }

  /** Listing view: the flagged attackers, from the system's attack log. */
  attackers(): readonly AttackerSummary[] {
    return this.#attackLog.attackers();
  }

  knowledge(): Knowledge {
    const facts: KnowledgeFact[] = [];
    for (const o of this.#objects.values())
      facts.push({ kind: 'ciphertext', file: o.file, partition: o.partition, version: o.version });
    for (const subject of this.#otpSecrets.keys()) facts.push({ kind: 'otp-secret', subject });
    return knowledgeOf(facts);
  }

  holdings(): Holdings {
    return Object.freeze({
      secretKeys: new Map(),
      ownerParameters: Object.freeze([]),
      userParameters: Object.freeze([]),
      ciphertexts: Object.freeze(
        [...this.#objects.values()].map((o) =>
          Object.freeze({
            file: o.file,
            partition: o.partition,
            version: o.version,
            sealed: this.#bytesOf(o),
          }),
        ),
      ),
      plaintexts: Object.freeze([]),
    });
  }

  #select(record: CloudFile, file: FileId, selection: DownloadSelection): Outcome<readonly ObjectRef[]> {
    if (selection.partition === undefined) {
      if (selection.version !== undefined) {
        return denied('unknown-partition', 'a version is asked for without its partition');
      }
      return ok([...record.current].map(([partition, version]) => ({ file, partition, version })));
    }
    const current = record.current.get(selection.partition);
    if (current === undefined) {
      return denied('unknown-partition', `${file} has no partition ${selection.partition}`);
    }
    const ref = { file, partition: selection.partition, version: selection.version ?? current };
    if (!this.#objects.has(objectKey(ref))) {
      return denied('unknown-file', `the cloud stores no ${objectKey(ref)}`);
    }
    return ok([ref]);
  }

  #consume(record: CloudFile, file: FileId, user: PrincipalId, otp: string | undefined): Outcome<true> {
    const key = ticketKey(file, user);
    if (this.#tickets.delete(key)) return ok(true);
    if (otp === undefined) {
      return denied('no-consent', `${record.owner} has not consented to ${user} downloading ${file}`);
    }
    const checked = this.#checkCode(record, file, user, otp);
    if (checked.kind === 'denied') return checked;
    this.#pending.delete(key);
    return ok(true);
  }

  /**
   * Whether `code` is the owner's TOTP within one step of now and was not used before for this file
   * and requester (RFC 6238 §5.2: a verified code is not accepted a second time).
   */
  #checkCode(record: CloudFile, file: FileId, user: PrincipalId, code: string): Outcome<true> {
    const secret = this.#otpSecrets.get(record.owner);
    if (secret === undefined) return denied('bad-otp', `${record.owner} has no enrolled OTP device`);
    const matched = matchTotpStep(secret, code, this.#ctx.clock.now());
    if (matched === undefined) {
      return denied('bad-otp', `the code is not ${record.owner}'s current one-time code`);
    }
    const used = `${record.owner}|${matched}|${file}|${user}`;
    if (this.#usedCodes.has(used)) return denied('bad-otp', 'the code was already used (replay)');
    this.#usedCodes.add(used);
    return ok(true);
  }

  #authenticate(who: Presented, operation: string, file: FileId | undefined): Outcome<true> {
    const auth = this.#gate.authenticate('cloud', operation, who.principal, who.certificate);
    if (auth.kind === 'denied') return this.#log(who.principal, operation, file, auth);
    this.#seen.set(who.principal, auth.value.role);
    return ok(true);
  }

  #ownedFile(owner: Presented, file: FileId, operation: string): Outcome<CloudFile> {
    const auth = this.#authenticate(owner, operation, file);
    if (auth.kind === 'denied') return auth;
    const record = this.#files.get(file);
    if (record === undefined) {
      return this.#refuse(owner.principal, operation, file, 'unknown-file', `the cloud stores no ${file}`);
    }
    if (record.owner !== owner.principal) {
      return this.#refuse(
        owner.principal,
        operation,
        file,
        'not-owner',
        `${file} belongs to ${record.owner}`,
      );
    }
    return ok(record);
  }

  #bytesOf(object: StoredObject): Uint8Array {
    const out = new Uint8Array(object.length);
    let offset = 0;
    for (const c of object.chunks) {
      out.set(c.bytes, offset);
      offset += c.bytes.length;
    }
    return out;
  }

  #refuse(
    actor: PrincipalId,
    operation: string,
    file: FileId | undefined,
    reason: DenialReason,
    detail: string,
  ) {
    return this.#log(
      actor,
      operation,
      file,
      this.#ctx.deny({ refusedBy: 'cloud', actor, operation, reason, detail }),
    );
  }

  #log<T extends Outcome<unknown>>(
    actor: ActorId,
    operation: string,
    file: FileId | undefined,
    outcome: T,
  ): T {
    const base = {
      time: this.#ctx.clock.now(),
      actor,
      operation,
      outcome: outcome.kind === 'ok' ? ('ok' as const) : outcome.reason,
    };
    this.#transactions.push(Object.freeze(file === undefined ? base : { ...base, file }));
    return outcome;
  }
}

function ticketKey(file: FileId, user: PrincipalId): string {
  return `${file}|${user}`;
}
