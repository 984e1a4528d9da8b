import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alice, bob, f1, medical, personal, reason, value, world } from './fixtures.ts';

describe('storage integrity: tag check, TPA audit and the audit trail (SPEC P11, 3.2)', () => {
  it('any single-bit change to a stored chunk fails the reader’s tag check and the TPA audit', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 7 }),
        (seed, buckets, where, bit) => {
          const system = world({ seed, buckets, uploadBytes: 1024 });
          value(system.upload({ owner: alice, file: f1 }));
          for (const partition of [personal, medical])
            value(system.request({ user: bob, file: f1, partition }));
          expect(value(system.audit({ file: f1 })).verdict).toBe('clean');
          const length = system.readStore().find((o) => o.partition === medical)!.sealed.length;
          const offset = Math.floor(where * length);
          const report = value(system.tamper({ file: f1, partition: medical, offset, bit }));
          expect(report).toMatchObject({ file: f1, partition: medical, version: 1, offset, bit });
          expect(reason(system.decrypt({ user: bob, file: f1, partition: medical }))).toBe(
            'tag-check-failed',
          );
          const audit = value(system.audit({ file: f1 }));
          expect(audit.verdict).toBe('detected');
          expect(audit.findings.filter((f) => f.state !== 'intact').map((f) => f.partition)).toEqual([
            medical,
          ]);
          expect(system.attackLog().at(-1)).toMatchObject({
            actor: 'cloud',
            reason: 'audit-failed',
            refusedBy: 'tpa',
          });
          // The untouched partitions still open.
          value(system.decrypt({ user: bob, file: f1, partition: personal }));
        },
      ),
      { numRuns: 5 },
    );
  });

  it('spreads chunks over distinct buckets chosen from the seed and reassembles them on download', () => {
    const system = world({ seed: 'buckets', buckets: 6 });
    const receipt = value(system.upload({ owner: alice, file: f1 }));
    for (const p of receipt.partitions) {
      expect(p.buckets).toHaveLength(6);
      expect(new Set(p.buckets).size).toBe(6);
    }
    const again = world({ seed: 'buckets', buckets: 6 });
    expect(value(again.upload({ owner: alice, file: f1 })).partitions).toEqual(receipt.partitions);
    value(system.request({ user: bob, file: f1, partition: medical }));
    value(system.decrypt({ user: bob, file: f1, partition: medical }));
  });

  it('reports a deleted object as missing and refuses to audit an unknown file', () => {
    const system = world({ seed: 'missing' });
    value(system.upload({ owner: alice, file: f1 }));
    value(system.delete({ owner: alice, file: f1 }));
    expect(reason(system.audit({ file: f1 }))).toBe('unknown-file');
    expect(reason(system.download({ user: bob, file: f1 }))).toBe('unknown-file');
    expect(reason(system.request({ user: bob, file: f1, partition: medical }))).toBe('unknown-file');
  });

  it('keeps a hash-chained record of every step, and finds an edited or cut audit trail', () => {
    const system = world({ seed: 'trail' });
    value(system.upload({ owner: alice, file: f1 }));
    system.request({ user: bob, file: f1, partition: 'insurance' as never });
    const log = system.auditLog();
    expect(system.verifyAuditLog()).toEqual({ kind: 'intact', length: log.length });
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'register',
        'approve',
        'gen-keys',
        'send-keys',
        'issue-certificate',
        'draw-r',
        'send-r',
      ]),
    );
    expect(log.at(-1)).toMatchObject({
      actor: bob,
      action: 'request',
      detail: 'f1/insurance -> denied not-in-acl',
    });

    system.rewriteAuditEntry({ index: 3, detail: 'nothing happened' });
    expect(system.verifyAuditLog()).toMatchObject({ kind: 'broken', at: 3 });

    const cut = world({ seed: 'trail' });
    const length = cut.auditLog().length;
    cut.truncateAuditLog({ length: length - 2 });
    value(cut.tick({ seconds: 1 }));
    expect(cut.verifyAuditLog()).toMatchObject({ kind: 'broken' });
  });
});
