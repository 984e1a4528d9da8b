import { describe, expect, it } from 'vitest';
import { netInstanceOf } from '../../../src/protocol/net/index.ts';
import { CLINIC, START } from './fixtures.ts';

describe('netInstanceOf', () => {
  it('derives every bound from the run', () => {
    const instance = netInstanceOf({
      ...CLINIC,
      start: START,
      ops: [
        {
          op: 'upload',
          owner: 'alice',
          file: 'f1',
          consent: false,
          window: { start: START + 60, end: START + 7200 },
        },
        { op: 'tick', by: 3600 },
        { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
        { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
        { op: 'revoke', owner: 'alice', user: 'bob' },
        { op: 'delete', owner: 'alice', file: 'f1' },
        { op: 'upload', owner: 'alice', file: 'f1', consent: true },
        { op: 'tick', by: 86_400 },
        { op: 'search', user: 'bob', keyword: 'glucose' },
        { op: 'collude', members: ['srs', 'bob'], file: 'f1', partition: 'medical' },
        { op: 'request', user: 'carol', file: 'f2', partition: 'medical' },
      ],
    });
    expect(instance.times).toEqual([START, START + 3600, START + 3600 + 86_400]);
    expect(instance.windows).toEqual([{ start: START + 60, end: START + 7200, lo: 1, hi: 1 }]);
    expect(instance.maxVersion).toBe(3);
    expect(instance.maxRevocations).toBe(1);
    expect(instance.maxUploads).toBe(2);
    expect(instance.files).toEqual(['f1', 'f2']);
    expect(instance.partitions).toEqual(['personal', 'medical', 'insurance', 'prescription']);
    expect(instance.maxLevel).toBe(4);
    expect(instance.roles).toEqual(['owner', 'doctor', 'pharmacist']);
    expect(instance.keywords).toEqual(['glucose']);
    expect(instance.coalitions.map((c) => c.name)).toEqual(['cloud', 'srs', 'cloud+srs', 'bob+srs']);
  });

  it('accepts one-time codes within a step either side and counts steps of 30 s', () => {
    const instance = netInstanceOf({ ...CLINIC, start: 0, times: [0, 20, 50, 100] });
    const T = 4;
    const pairs = (codes: readonly number[]) => codes.map((c) => [Math.floor(c / T), c % T]);
    // steps: 0 -> 0, 20 -> 0, 50 -> 1, 100 -> 3
    expect(pairs(instance.otpSameStep)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(pairs(instance.otpAccepted)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(instance.expired).toEqual([]);
  });

  it('knows when a certificate issued at one instant has expired at another', () => {
    const instance = netInstanceOf({ ...CLINIC, start: 0, times: [0, 100, 500], certificateValidity: 200 });
    expect(instance.expired).toEqual([0 * 3 + 2, 1 * 3 + 2]);
  });

  it('maps windows to the clock indices inside them, empty when none is', () => {
    const instance = netInstanceOf({
      ...CLINIC,
      start: 0,
      times: [0, 100, 200],
      windows: [
        { start: 50, end: 250 },
        { start: 0, end: 0 },
        { start: 300, end: 400 },
      ],
    });
    expect(instance.windows.map((w) => [w.lo, w.hi])).toEqual([
      [1, 2],
      [0, 0],
      [3, 2],
    ]);
  });

  it('refuses what no instance can hold, naming it', () => {
    expect(() =>
      netInstanceOf({ principals: [{ name: 'srs', role: 'doctor', status: 'approved' }] }),
    ).toThrow(/principal srs: the name is reserved/);
    expect(() =>
      netInstanceOf({
        principals: [
          { name: 'bob', role: 'doctor', status: 'approved' },
          { name: 'bob', role: 'owner', status: 'approved' },
        ],
      }),
    ).toThrow(/principal bob: is declared twice/);
    expect(() =>
      netInstanceOf({
        ...CLINIC,
        owners: {
          alice: { partitions: { a: 1 }, grants: { doctor: ['b'] }, history: 'all', consent: false },
        },
      }),
    ).toThrow(/owner alice grants doctor: 'b' is not one of its partitions/);
    expect(() => netInstanceOf({ ...CLINIC, ops: [{ op: 'tick', by: 0 }] })).toThrow(
      /tick: expected seconds > 0/,
    );
    expect(() => netInstanceOf({ ...CLINIC, windows: [{ start: 10, end: 5 }] })).toThrow(/ends \(5\) before/);
    expect(() => netInstanceOf({ ...CLINIC, coalitions: [['mallory']] })).toThrow(/'mallory' is neither/);
    expect(() =>
      netInstanceOf({ ...CLINIC, hits: [{ keyword: 'k', file: 'f9', partition: 'medical', version: 1 }] }),
    ).toThrow(/file 'f9' is not in the instance/);
  });

  it('gives an owner without a policy the paper’s four partitions and no grants', () => {
    const instance = netInstanceOf({ principals: [{ name: 'olga', role: 'owner', status: 'pending' }] });
    expect(instance.owners[0]!.partitions.map((p) => `${p.label}:${p.level}`)).toEqual([
      'personal:1',
      'medical:2',
      'insurance:3',
      'prescription:4',
    ]);
    expect(instance.owners[0]!.grants.doctor).toEqual([]);
  });
});
