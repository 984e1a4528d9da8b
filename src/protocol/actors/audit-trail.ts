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
  type ChainAnchor,
  type ChainCheck,
  nextEntry,
  verifyChain,
} from '../crypto/hash-chain.ts';

/**
 * The hash-chained audit log with its separately kept anchor. The stored entries are one private
 * array that appends grow in place (a system with 10,000 users writes tens of thousands of
 * entries, and copying the log on each append made that quadratic); readers get frozen snapshots.
 */
export class AuditTrail {
  #entries: AuditEntry[] = [];
  /** The frozen copy `entries()` last handed out, until the stored entries change. */
  #snapshot: readonly AuditEntry[] | undefined;
  #anchor: ChainAnchor = anchorOf([]);

  /**
   * Appends to the stored entries and advances the kept anchor by one from where the TPA left it,
   * not from what storage now holds, so an earlier cut is not papered over by the next entry.
   */
  append(record: AuditRecord): AuditEntry {
    const entry = nextEntry(this.#entries, record);
    this.#entries.push(entry);
    this.#snapshot = undefined;
    this.#anchor = Object.freeze({ length: this.#anchor.length + 1, head: entry.hash });
    return entry;
  }

  /** The entries as stored (after any insider rewrite), as a frozen snapshot. */
  entries(): readonly AuditEntry[] {
    this.#snapshot ??= Object.freeze([...this.#entries]);
    return this.#snapshot;
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
    this.#entries[index] = Object.freeze({ ...entry, detail });
    this.#snapshot = undefined;
  }

  /** Attack: an insider deletes the stored entries from `length` on. */
  truncate(length: number): void {
    this.#entries = this.#entries.slice(0, length);
    this.#snapshot = undefined;
  }
}
