import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditRecord,
  anchorOf,
  appendEntry,
  GENESIS_HASH,
  nextEntry,
  verifyChain,
} from '../../../src/protocol/crypto/hash-chain.ts';

function build(records: readonly AuditRecord[]): readonly AuditEntry[] {
  return records.reduce<readonly AuditEntry[]>((log, record) => appendEntry(log, record), []);
}

function flipHex(hex: string): string {
  return `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
}

/** The first position where `tampered` differs from `original` (by content); the broken verdict's index. */
function firstDifference(original: readonly AuditEntry[], tampered: readonly AuditEntry[]): number {
  let at = 0;
  while (
    at < original.length &&
    at < tampered.length &&
    JSON.stringify(original[at]) === JSON.stringify(tampered[at])
  ) {
    at++;
  }
  return at;
}

const record: fc.Arbitrary<AuditRecord> = fc.record({
  time: fc.integer({ min: 0, max: 2 ** 40 }),
  actor: fc.string({ maxLength: 8 }),
  action: fc.constantFrom('upload', 'download', 'revoke', 'audit', 'grant'),
  detail: fc.string({ maxLength: 16, unit: 'grapheme' }),
});
const logs = fc.array(record, { minLength: 2, maxLength: 16 }).map(build);
const PROPERTY = { seed: 2459, numRuns: 150 } as const;

const first: AuditRecord = {
  time: 1700000000,
  actor: 'alice',
  action: 'upload',
  detail: 'file f1, partition medical',
};
const second: AuditRecord = {
  time: 1700000060,
  actor: 'tpa',
  action: 'audit',
  detail: 'file f1: 3 blocks ok',
};

describe('hash-chained audit log', () => {
  it('hashes the canonical encoding of each entry, linked from 32 zero bytes (pinned values)', () => {
    const log = build([first, second]);
    expect(log[0]).toEqual({
      ...first,
      index: 0,
      prev: GENESIS_HASH,
      hash: 'eeb7c7ece91a32d5f04faa9600dc124a2b060ea85871a925b0b442a9a387695a',
    });
    expect(log[1]?.prev).toBe(log[0]?.hash);
    expect(log[1]?.hash).toBe('f034a14a985fe771b7e8230c805753a3bc9577796173cac62f451086a218bc4c');
    expect(verifyChain(log)).toEqual({ kind: 'intact', length: 2 });
    expect(verifyChain([])).toEqual({ kind: 'intact', length: 0 });
  });

  it('leaves the log it appends to unchanged and freezes what it returns', () => {
    const one = build([first]);
    const two = appendEntry(one, second);
    expect(one).toHaveLength(1);
    expect(Object.isFrozen(two) && Object.isFrozen(two[1])).toBe(true);
  });

  it('nextEntry links the record after the last entry, so the longer log verifies, and is frozen', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }).map(build), record, (log, next) => {
        const entry = nextEntry(log, next);
        expect(entry).toMatchObject({ ...next, index: log.length, prev: log.at(-1)?.hash ?? GENESIS_HASH });
        expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(verifyChain([...log, entry])).toEqual({ kind: 'intact', length: log.length + 1 });
        expect(Object.isFrozen(entry)).toBe(true);
      }),
      PROPERTY,
    );
  });

  it('nextEntry after the pinned two-entry log (pinned value)', () => {
    const third: AuditRecord = {
      time: 1700000120,
      actor: 'bob',
      action: 'download',
      detail: 'file f1, partition medical',
    };
    expect(nextEntry(build([first, second]), third)).toEqual({
      ...third,
      index: 2,
      prev: 'f034a14a985fe771b7e8230c805753a3bc9577796173cac62f451086a218bc4c',
      hash: '799d3679bd801895278f2eb553b31d1e47ba11230e9d4d328718ecbc5456446f',
    });
  });

  it('refuses records with no canonical encoding', () => {
    expect(() => appendEntry([], { ...first, time: Number.NaN })).toThrow(RangeError);
    expect(() => appendEntry([], { ...first, detail: '\ud800' })).toThrow(RangeError);
    expect(() => nextEntry([], { ...first, time: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });

  it('reports a malformed entry as broken rather than throwing', () => {
    const log = build([first, second]);
    const malformed = [log[0]!, { ...log[1]!, time: Number.POSITIVE_INFINITY }];
    expect(verifyChain(malformed)).toMatchObject({ kind: 'broken', at: 1 });
  });

  it('accepts an anchor taken earlier, once more entries were appended', () => {
    const log = build([first]);
    const anchor = anchorOf(log);
    expect(verifyChain(appendEntry(log, second), anchor)).toEqual({ kind: 'intact', length: 2 });
    expect(verifyChain([], anchorOf([]))).toEqual({ kind: 'intact', length: 0 });
    expect(() => verifyChain(log, { length: -1, head: GENESIS_HASH })).toThrow(RangeError);
  });

  it('property: an edit of any field of any entry is detected at that entry', () => {
    const edits: readonly ((e: AuditEntry) => AuditEntry)[] = [
      (e) => ({ ...e, time: e.time + 1 }),
      (e) => ({ ...e, actor: `${e.actor}x` }),
      (e) => ({ ...e, action: `${e.action}x` }),
      (e) => ({ ...e, detail: `${e.detail}x` }),
      (e) => ({ ...e, index: e.index + 1 }),
      (e) => ({ ...e, prev: flipHex(e.prev) }),
      (e) => ({ ...e, hash: flipHex(e.hash) }),
    ];
    fc.assert(
      fc.property(logs, fc.nat(), fc.nat({ max: edits.length - 1 }), (log, k, edit) => {
        const at = k % log.length;
        const tampered = log.map((e, i) => (i === at ? edits[edit]!(e) : e));
        expect(verifyChain(tampered)).toMatchObject({ kind: 'broken', at });
      }),
      PROPERTY,
    );
  });

  it('property: deleting an entry is detected where it was (the last one given the anchor)', () => {
    fc.assert(
      fc.property(logs, fc.nat(), (log, k) => {
        const at = k % log.length;
        const tampered = log.filter((_, i) => i !== at);
        expect(verifyChain(tampered, anchorOf(log))).toMatchObject({ kind: 'broken', at });
        if (at < log.length - 1) expect(verifyChain(tampered)).toMatchObject({ kind: 'broken', at });
      }),
      PROPERTY,
    );
  });

  it('property: inserting a copy of any entry anywhere is detected at the first changed position', () => {
    fc.assert(
      fc.property(logs, fc.nat(), fc.nat(), (log, k, m) => {
        const position = k % (log.length + 1);
        const tampered = [...log.slice(0, position), log[m % log.length]!, ...log.slice(position)];
        expect(verifyChain(tampered)).toMatchObject({ kind: 'broken', at: firstDifference(log, tampered) });
      }),
      PROPERTY,
    );
  });

  it('property: a well-formed forged entry inserted before the end is detected at the entry it displaced', () => {
    fc.assert(
      fc.property(logs, fc.nat(), record, (log, k, forged) => {
        const position = k % log.length;
        const prefix = appendEntry(log.slice(0, position), forged);
        const tampered = [...prefix, ...log.slice(position)];
        expect(verifyChain(tampered)).toMatchObject({ kind: 'broken', at: position + 1 });
      }),
      PROPERTY,
    );
  });

  it('property: swapping two entries is detected at the earlier one', () => {
    fc.assert(
      fc.property(logs, fc.nat(), fc.nat(), (log, a, b) => {
        const i = a % log.length;
        const j = b % log.length;
        fc.pre(i !== j);
        const tampered = [...log];
        tampered[i] = log[j]!;
        tampered[j] = log[i]!;
        expect(verifyChain(tampered)).toMatchObject({ kind: 'broken', at: Math.min(i, j) });
      }),
      PROPERTY,
    );
  });

  it('property: truncation passes as a chain and is caught, at the first missing entry, by the anchor', () => {
    fc.assert(
      fc.property(logs, fc.nat(), (log, k) => {
        const length = k % log.length;
        const truncated = log.slice(0, length);
        expect(verifyChain(truncated)).toEqual({ kind: 'intact', length });
        expect(verifyChain(truncated, anchorOf(log))).toMatchObject({ kind: 'broken', at: length });
      }),
      PROPERTY,
    );
  });

  it('property: a history rewritten from scratch is caught by the anchor alone', () => {
    fc.assert(
      fc.property(logs, fc.nat(), (log, k) => {
        const at = k % log.length;
        const rewritten = build(log.map((e, i) => (i === at ? { ...e, detail: `${e.detail}!` } : e)));
        expect(verifyChain(rewritten).kind).toBe('intact');
        expect(verifyChain(rewritten, anchorOf(log))).toMatchObject({ kind: 'broken', at: log.length - 1 });
      }),
      PROPERTY,
    );
  });
});
