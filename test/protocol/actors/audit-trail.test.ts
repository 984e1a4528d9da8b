import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../src/protocol/actors/audit-trail.ts';
import {
  type AuditEntry,
  type AuditRecord,
  anchorOf,
  appendEntry,
} from '../../../src/protocol/crypto/hash-chain.ts';

const records: readonly AuditRecord[] = Array.from({ length: 40 }, (_, i) => ({
  time: 1_700_000_000 + i,
  actor: i % 3 === 0 ? 'srs' : 'cloud',
  action: i % 2 === 0 ? 'upload' : 'download',
  detail: `step ${i}`,
}));

function trailOf(count: number): AuditTrail {
  const trail = new AuditTrail();
  for (const record of records.slice(0, count)) trail.append(record);
  return trail;
}

describe('the TPA’s audit trail', () => {
  it('stores exactly the log appendEntry builds, and anchors its head', () => {
    const trail = trailOf(40);
    const expected = records.reduce<readonly AuditEntry[]>((log, r) => appendEntry(log, r), []);
    expect(trail.entries()).toEqual(expected);
    expect(trail.anchor).toEqual(anchorOf(expected));
    expect(trail.verify()).toEqual({ kind: 'intact', length: 40 });
  });

  it('returns what append stored, as the last entry', () => {
    const trail = trailOf(3);
    const entry = trail.append(records[3]!);
    expect(entry.index).toBe(3);
    expect(trail.entries()[3]).toBe(entry);
  });

  it('hands out frozen snapshots that later appends, rewrites and cuts do not reach', () => {
    const trail = trailOf(5);
    const before = trail.entries();
    expect(Object.isFrozen(before)).toBe(true);
    expect(trail.entries()).toBe(before);
    trail.append(records[5]!);
    trail.rewrite(0, 'forged');
    trail.truncate(2);
    expect(before).toHaveLength(5);
    expect(before[0]?.detail).toBe('step 0');
    expect(trail.entries()).toHaveLength(2);
    expect(trail.entries()[0]?.detail).toBe('forged');
  });

  it('finds an insider rewrite at the rewritten entry', () => {
    const trail = trailOf(10);
    trail.rewrite(6, 'nothing happened');
    expect(trail.verify()).toMatchObject({ kind: 'broken', at: 6 });
    expect(() => trail.rewrite(10, 'x')).toThrow(RangeError);
  });

  it('finds a cut at the end through the kept anchor, even after later appends', () => {
    const trail = trailOf(10);
    trail.truncate(7);
    expect(trail.verify()).toMatchObject({ kind: 'broken', at: 7 });
    trail.append(records[10]!);
    trail.append(records[11]!);
    expect(trail.anchor.length).toBe(12);
    expect(trail.verify().kind).toBe('broken');
  });
});
