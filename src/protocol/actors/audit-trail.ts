/**
 * The secure audit storage at the TPA (SPEC 3.2): a hash-chained, append-only log of every
 * operation of the system and every audit result. The anchor (length and head hash) is kept apart
 * from the entries, so that rewriting, deleting or cutting off entries is found on verification.
 * The two attacker methods are what an insider with write access to the log's storage could do.
 * @module
 */
import {
  type AuditEntry,
  type AuditRecord,
  anchorOf,
  appendEntry,
  type ChainAnchor,
  type ChainCheck,
  verifyChain,
} from '../crypto/hash-chain.ts';

/** The hash-chained audit log with its separately kept anchor. */
export class AuditTrail {
  #entries: readonly AuditEntry[] = [];
  #anchor: ChainAnchor = anchorOf([]);

  /**
   * Appends to the stored entries and advances the kept anchor by one from where the TPA left it,
   * not from what storage now holds, so an earlier cut is not papered over by the next entry.
   */
  append(record: AuditRecord): AuditEntry {
    this.#entries = appendEntry(this.#entries, record);
    const entry = this.#entries[this.#entries.length - 1]!;
    this.#anchor = Object.freeze({ length: this.#anchor.length + 1, head: entry.hash });
    return entry;
  }

  /** The entries as stored (after any insider rewrite). */
  entries(): readonly AuditEntry[] {
    return this.#entries;
  }

  /** The anchor the TPA keeps apart from the stored entries. */
  get anchor(): ChainAnchor {
    return this.#anchor;
  }

  /** Checks the stored entries against their chain and the kept anchor. */
  verify(): ChainCheck {
    return verifyChain(this.#entries, this.#anchor);
  }

  /** Attack: an insider overwrites the detail of entry `index` in storage (hashes left as they were). */
  rewrite(index: number, detail: string): void {
    const entry = this.#entries[index];
    if (entry === undefined) {
      throw new RangeError(`audit trail: no entry ${index} (length ${this.#entries.length})`);
    }
    this.#entries = Object.freeze(
      this.#entries.map((e, i) => (i === index ? Object.freeze({ ...e, detail }) : e)),
    );
  }

  /** Attack: an insider deletes the stored entries from `length` on. */
  truncate(length: number): void {
    this.#entries = Object.freeze(this.#entries.slice(0, length));
  }
}
