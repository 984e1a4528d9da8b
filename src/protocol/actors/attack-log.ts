/**
 * Attack tracking (SPEC 3.2): every refused request, failed authentication, failed tag check and
 * audit failure, with who attempted it and who refused. One log for the whole system, because an
 * attacker probing the SRS and the cloud in turn is one attacker; the cloud's "attackers" view and
 * the SRS's refusal log are both read from it.
 * @module
 */
import type { ActorId } from '../ids.ts';
import type { DenialReason } from '../outcome.ts';

/** One refusal. */
export interface AttackEntry {
  /** Simulated unix seconds. */
  readonly time: number;
  /** Who attempted the operation. */
  readonly actor: ActorId;
  /** The operation's name as the system exposes it (`request`, `download`, `decrypt`, ...). */
  readonly operation: string;
  readonly reason: DenialReason;
  readonly detail: string;
  /** Who refused: the SRS, the cloud, the CA, the admin, the TPA, or the principal itself (tag check). */
  readonly refusedBy: ActorId;
}

/** Per attempting actor: how often it was refused and for what, the cloud's "flag attackers" view. */
export interface AttackerSummary {
  readonly actor: ActorId;
  readonly refusals: number;
  readonly reasons: readonly DenialReason[];
}

/** The append-only refusal log. */
export class AttackLog {
  readonly #entries: AttackEntry[] = [];

  append(entry: AttackEntry): void {
    this.#entries.push(Object.freeze({ ...entry }));
  }

  /** Every refusal so far, oldest first. */
  entries(): readonly AttackEntry[] {
    return Object.freeze([...this.#entries]);
  }

  /** The refusals `by` made (the SRS's refusal log is `refusedBy('srs')`). */
  refusedBy(by: ActorId): readonly AttackEntry[] {
    return Object.freeze(this.#entries.filter((e) => e.refusedBy === by));
  }

  /** Everyone refused at least once, most refused first (ties by name), with the distinct reasons. */
  attackers(): readonly AttackerSummary[] {
    const byActor = new Map<ActorId, { refusals: number; reasons: Set<DenialReason> }>();
    for (const e of this.#entries) {
      const summary = byActor.get(e.actor) ?? { refusals: 0, reasons: new Set<DenialReason>() };
      summary.refusals++;
      summary.reasons.add(e.reason);
      byActor.set(e.actor, summary);
    }
    return Object.freeze(
      [...byActor]
        .map(([actor, s]) =>
          Object.freeze({ actor, refusals: s.refusals, reasons: Object.freeze([...s.reasons]) }),
        )
        .sort((a, b) => b.refusals - a.refusals || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0)),
    );
  }
}
