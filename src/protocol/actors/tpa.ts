/**
 * The third-party auditor (SPEC 3.2): keeps the owners' signed Merkle roots, challenges the cloud
 * on randomly chosen blocks of every stored version of a file and checks each answer against the
 * root, without ever seeing a plaintext. A block that does not verify, or an object the cloud no
 * longer has, is a corruption alert: it goes to the hash-chained audit trail the TPA keeps and, as
 * `audit-failed` against the cloud, to the attack log.
 * @module
 */
import { verifyMerkleProof } from '../crypto/merkle.ts';
import type { Rng } from '../crypto/rng.ts';
import type { FileId, PrincipalId } from '../ids.ts';
import { type Knowledge, knowledgeOf, type ObjectRef, objectKey } from '../knowledge.ts';
import { type Outcome, ok } from '../outcome.ts';
import type { AuditTrail } from './audit-trail.ts';
import type { Cloud } from './cloud.ts';
import { type SignedCommitment, verifyCommitment } from './commitment.ts';
import type { ActorContext } from './context.ts';
import { randomSample } from './draws.ts';
import { type Holdings, type KnowledgeHolder, NO_HOLDINGS } from './holdings.ts';

/** The audit of one stored version: which blocks were challenged and which failed. */
export interface AuditFinding extends ObjectRef {
  readonly state: 'intact' | 'corrupted' | 'missing';
  readonly challenged: readonly number[];
  readonly failed: readonly number[];
}

/** The result of auditing a file: `clean`, or `detected` with the findings that say where. */
export interface AuditReport {
  readonly file: FileId;
  readonly verdict: 'clean' | 'detected';
  readonly findings: readonly AuditFinding[];
}

/** The TPA. */
export class Tpa implements KnowledgeHolder {
  readonly id = 'tpa' as const;
  readonly #ctx: ActorContext;
  readonly #rng: Rng;
  readonly #cloud: Cloud;
  readonly #trail: AuditTrail;
  readonly #samples: number;
  readonly #ownerKeys = new Map<PrincipalId, Uint8Array>();
  readonly #commitments = new Map<string, SignedCommitment>();

  /** `samples`: how many blocks of each stored version one audit challenges. */
  constructor(ctx: ActorContext, rng: Rng, cloud: Cloud, trail: AuditTrail, samples: number) {
    if (!Number.isSafeInteger(samples) || samples < 1) {
      throw new RangeError(`tpa: expected a positive whole number of samples, got ${samples}`);
    }
    this.#ctx = ctx;
    this.#rng = rng;
    this.#cloud = cloud;
    this.#trail = trail;
    this.#samples = samples;
  }

  /** Registers the key an owner signs its commitments with. */
  registerOwner(owner: PrincipalId, publicKey: Uint8Array): void {
    this.#ownerKeys.set(owner, Uint8Array.from(publicKey));
  }

  /** Keeps an owner's signed commitment for one stored version, if the signature is the owner's. */
  commit(c: SignedCommitment): Outcome<ObjectRef> {
    const key = this.#ownerKeys.get(c.owner);
    if (key === undefined || !verifyCommitment(key, c)) {
      return this.#ctx.deny({
        refusedBy: 'tpa',
        actor: c.owner,
        operation: 'send-ciphertext',
        reason: 'bad-certificate',
        detail: `the commitment to ${objectKey(c)} does not carry ${c.owner}'s signature`,
      });
    }
    this.#commitments.set(objectKey(c), c);
    return ok(Object.freeze({ file: c.file, partition: c.partition, version: c.version }));
  }

  /** Drops the commitments of a deleted file. */
  forget(file: FileId): void {
    for (const [key, c] of this.#commitments) if (c.file === file) this.#commitments.delete(key);
  }

  /**
   * Challenges the cloud on `samples` random blocks (the TPA's default unless given; all of them
   * when the version has fewer) of every version of `file` it holds a commitment for.
   */
  audit(file: FileId, samples: number = this.#samples): Outcome<AuditReport> {
    const commitments = [...this.#commitments.values()].filter((c) => c.file === file);
    if (commitments.length === 0) {
      return this.#ctx.deny({
        refusedBy: 'tpa',
        actor: 'tpa',
        operation: 'audit',
        reason: 'unknown-file',
        detail: `the TPA holds no commitment for ${file}`,
      });
    }
    const findings = commitments.map((c) => this.#check(c, samples));
    const bad = findings.filter((f) => f.state !== 'intact');
    const verdict = bad.length === 0 ? 'clean' : 'detected';
    const where = bad.map(
      (f) => `${objectKey(f)} ${f.state}${f.failed.length > 0 ? ` (blocks ${f.failed.join(', ')})` : ''}`,
    );
    this.#trail.append({
      time: this.#ctx.clock.now(),
      actor: 'tpa',
      action: verdict === 'clean' ? 'audit-clean' : 'corruption-alert',
      detail:
        verdict === 'clean'
          ? `${file}: ${findings.length} version(s) intact`
          : `${file}: ${where.join('; ')}`,
    });
    if (verdict === 'detected') {
      // The audit itself succeeded; the alert against the cloud goes to the attack log.
      this.#ctx.deny({
        refusedBy: 'tpa',
        actor: 'cloud',
        operation: 'audit',
        reason: 'audit-failed',
        detail: `${file}: ${where.join('; ')}`,
      });
    }
    return ok(Object.freeze({ file, verdict, findings: Object.freeze(findings) }));
  }

  knowledge(): Knowledge {
    return knowledgeOf([]);
  }

  holdings(): Holdings {
    return NO_HOLDINGS;
  }

  #check(c: SignedCommitment, samples: number): AuditFinding {
    const challenged = Object.freeze(randomSample(this.#rng, c.leafCount, samples));
    const ref = { file: c.file, partition: c.partition, version: c.version };
    const answer = this.#cloud.prove(ref, c.blockSize, challenged);
    if (answer === undefined) {
      return Object.freeze({ ...ref, state: 'missing', challenged, failed: challenged });
    }
    const answered = new Map(answer.blocks.map((b) => [b.index, b] as const));
    const failed = challenged.filter((index) => {
      const b = answered.get(index);
      return (
        answer.leafCount !== c.leafCount ||
        b === undefined ||
        !verifyMerkleProof(c.root, index, b.block, b.proof, c.leafCount)
      );
    });
    return Object.freeze({
      ...ref,
      state: failed.length === 0 ? 'intact' : 'corrupted',
      challenged,
      failed: Object.freeze(failed),
    });
  }
}
