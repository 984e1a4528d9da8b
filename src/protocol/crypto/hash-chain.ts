/**
 * The tamper-evident audit log: an append-only list in which every entry commits to the hash of
 * the one before it (the first to 32 zero bytes). Editing, deleting, inserting or reordering any
 * past entry breaks a link at that entry, so a check finds where the history was changed.
 *
 * What a chain alone cannot show is a cut at the end: a log with its last entries removed is still
 * a valid chain. Whoever checks therefore keeps an anchor, the length and head hash it last saw
 * (the TPA keeps it apart from the log), and passes it to {@link verifyChain}.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { encodeCanonical } from './canonical-encoding.ts';

/** What the writer of an entry says: when, who, what, and the details. */
export interface AuditRecord {
  readonly time: number;
  readonly actor: string;
  readonly action: string;
  readonly detail: string;
}

/**
 * An entry of the log: its record, its position, the hash of the entry before it (`prev`, hex) and
 * its own hash (`hash`, hex) over all of these.
 */
export interface AuditEntry extends AuditRecord {
  readonly index: number;
  readonly prev: string;
  readonly hash: string;
}

/** What a checker remembers of a log it has seen, to detect a later truncation. */
export interface ChainAnchor {
  readonly length: number;
  readonly head: string;
}

/** The verdict on a log: intact with its length, or broken at the first entry that does not fit. */
export type ChainCheck =
  | { readonly kind: 'intact'; readonly length: number }
  | { readonly kind: 'broken'; readonly at: number; readonly reason: string };

/** The `prev` of the first entry: 32 zero bytes, in hex. */
export const GENESIS_HASH = '00'.repeat(32);

const DOMAIN = 'sesphr-lab/audit-entry/v1';

/**
 * The hash an entry at `index` with predecessor `prev` and this record must carry: SHA-256 of the
 * canonical encoding of all of them. Throws a RangeError for fields with no canonical encoding
 * (non-finite time, strings with lone surrogates) or a `prev` that is not hex.
 */
export function entryHash(index: number, prev: string, record: AuditRecord): string {
  const body = encodeCanonical(DOMAIN, [
    index,
    record.time,
    record.actor,
    record.action,
    record.detail,
    hexToBytes(prev),
  ]);
  return bytesToHex(sha256(body));
}

/**
 * The entry `appendEntry(log, record)` adds: at index `log.length`, linked to the last entry's
 * hash. It reads only the last entry, so a writer that keeps its own growing array (the TPA's
 * `AuditTrail`) appends in constant time, where `appendEntry`'s fresh copy costs the whole log.
 */
export function nextEntry(log: readonly AuditEntry[], record: AuditRecord): AuditEntry {
  const index = log.length;
  const prev = log[index - 1]?.hash ?? GENESIS_HASH;
  const { time, actor, action, detail } = record;
  return Object.freeze({
    index,
    time,
    actor,
    action,
    detail,
    prev,
    hash: entryHash(index, prev, record),
  });
}

/** The log with `record` appended; the given log is not changed. */
export function appendEntry(log: readonly AuditEntry[], record: AuditRecord): readonly AuditEntry[] {
  return Object.freeze([...log, nextEntry(log, record)]);
}

/** The anchor a checker keeps after seeing `log`. */
export function anchorOf(log: readonly AuditEntry[]): ChainAnchor {
  return Object.freeze({ length: log.length, head: log[log.length - 1]?.hash ?? GENESIS_HASH });
}

function broken(at: number, reason: string): ChainCheck {
  return Object.freeze({ kind: 'broken', at, reason });
}

function checkEntry(entry: AuditEntry, at: number, expectedPrev: string): ChainCheck | undefined {
  if (entry.index !== at) return broken(at, `entry ${at} carries index ${entry.index}`);
  if (entry.prev !== expectedPrev) {
    return broken(at, `entry ${at} does not link to the hash of the entry before it`);
  }
  let computed: string;
  try {
    computed = entryHash(at, entry.prev, entry);
  } catch (error) {
    return broken(at, `entry ${at} is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (computed !== entry.hash)
    return broken(at, `entry ${at} does not match its hash (its contents changed)`);
  return undefined;
}

/**
 * Whether `log` is an unbroken chain from the genesis hash and, given the `anchor` a checker kept,
 * whether it still holds the anchored prefix unchanged. A broken verdict names the first entry
 * that does not fit: the edited, inserted or moved entry, the one after a deletion, or, for a
 * truncation, the index of the first missing entry.
 */
export function verifyChain(log: readonly AuditEntry[], anchor?: ChainAnchor): ChainCheck {
  let prev = GENESIS_HASH;
  for (let at = 0; at < log.length; at++) {
    const entry = log[at]!;
    const problem = checkEntry(entry, at, prev);
    if (problem !== undefined) return problem;
    prev = entry.hash;
  }
  if (anchor !== undefined) {
    if (!Number.isSafeInteger(anchor.length) || anchor.length < 0) {
      throw new RangeError(`anchor length must be a non-negative integer, received ${anchor.length}`);
    }
    if (log.length < anchor.length) {
      return broken(
        log.length,
        `truncated: the anchor records ${anchor.length} entries, the log has ${log.length}`,
      );
    }
    const head = anchor.length === 0 ? GENESIS_HASH : log[anchor.length - 1]!.hash;
    if (head !== anchor.head) {
      return broken(
        Math.max(anchor.length - 1, 0),
        `the first ${anchor.length} entries are not the ones the anchor recorded (the history was rewritten)`,
      );
    }
  }
  return Object.freeze({ kind: 'intact', length: log.length });
}
