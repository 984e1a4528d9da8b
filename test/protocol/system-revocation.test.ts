import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { principalId } from '../../src/protocol/ids.ts';
import { knows } from '../../src/protocol/knowledge.ts';
import { alice, bob, f1, medical, personal, reason, value, world } from './fixtures.ts';

describe('revocation and joining (SPEC 3.1 consequences, P7–P9)', () => {
  it("a revoked user's cached R opens the version it belongs to and not a newer one", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, updates) => {
          const system = world({ seed, uploadBytes: 1024 });
          value(system.upload({ owner: alice, file: f1 }));
          value(system.request({ user: bob, file: f1, partition: medical }));
          const old = value(system.decrypt({ user: bob, file: f1, partition: medical }));
          expect(value(system.revoke({ owner: alice, user: bob }))).toEqual({
            owner: alice,
            user: bob,
            keysDeleted: true,
          });
          for (let i = 0; i < updates; i++)
            value(system.update({ owner: alice, file: f1, partition: medical }));
          const latest = 1 + updates;
          expect(system.currentVersion(f1, medical)).toBe(latest);
          // The new version is downloaded, tried with the cached R of version 1, and the tag check says no.
          const refused = system.decrypt({ user: bob, file: f1, partition: medical });
          expect(refused).toMatchObject({ kind: 'denied', reason: 'tag-check-failed' });
          expect(refused.kind === 'denied' && refused.detail).toContain('cached R of version 1');
          // The old version still opens: nothing was re-encrypted (P8 is violated by design).
          expect(
            value(system.decryptPartition({ user: bob, file: f1, partition: medical, version: 1 })),
          ).toEqual(old);
          expect(reason(system.request({ user: bob, file: f1, partition: medical }))).toBe('revoked');
          expect(reason(system.request({ user: bob, file: f1, partition: medical, version: 1 }))).toBe(
            'revoked',
          );
          expect(system.coalitionCanDecrypt([bob], { file: f1, partition: medical, version: latest })).toBe(
            false,
          );
          expect(system.coalitionCanDecrypt([bob], { file: f1, partition: medical, version: 1 })).toBe(true);
        },
      ),
      { numRuns: 3 },
    );
  });

  it("'revocation-keeps-acl' lets a revoked user get R for the new version and read it", () => {
    const system = world({ seed: 'keeps-acl', variant: 'revocation-keeps-acl' });
    value(system.upload({ owner: alice, file: f1 }));
    expect(value(system.revoke({ owner: alice, user: bob })).keysDeleted).toBe(false);
    value(system.update({ owner: alice, file: f1, partition: medical }));
    expect(value(system.request({ user: bob, file: f1, partition: medical })).version).toBe(2);
    expect(value(system.decrypt({ user: bob, file: f1, partition: medical }))).toEqual(
      system.ownerPlaintext(alice, { file: f1, partition: medical, version: 2 }),
    );
    expect(system.acl(alice).revocations).toEqual([{ user: bob, at: system.now() }]);
  });

  it('the same steps under the secure protocol refuse the revoked user and delete its keys at the SRS', () => {
    const system = world({ seed: 'keeps-acl' });
    value(system.upload({ owner: alice, file: f1 }));
    value(system.revoke({ owner: alice, user: bob }));
    value(system.update({ owner: alice, file: f1, partition: medical }));
    expect(reason(system.request({ user: bob, file: f1, partition: medical }))).toBe('revoked');
    expect(knows(system.knowledge('srs'), { kind: 'secret-key', subject: bob })).toBe(false);
    expect(system.acl(alice).members.map((m) => m.user)).not.toContain(bob);
    expect(reason(system.revoke({ owner: alice, user: bob }))).toBe('not-in-acl');
    expect(reason(system.join({ owner: alice, user: bob }))).toBe('revoked');
  });

  it('a user revoked by one owner keeps its keys while another owner still lists it', () => {
    const system = world({ seed: 'two-owners' });
    const olga = principalId('olga');
    value(system.register({ principal: olga, role: 'owner' }));
    value(system.approve({ principal: olga }));
    value(system.join({ owner: olga, user: bob }));
    expect(value(system.revoke({ owner: alice, user: bob })).keysDeleted).toBe(false);
    expect(system.principals().find((p) => p.principal === bob)?.hasKeys).toBe(true);
  });

  it("backward access control follows the owner's history policy for users who join later", () => {
    for (const policy of ['all', 'from-join'] as const) {
      const system = world({ seed: `history-${policy}`, uploadBytes: 1024 });
      value(system.history({ owner: alice, policy }));
      value(system.upload({ owner: alice, file: f1 }));
      value(system.tick({ seconds: 3600 }));
      const erin = principalId('erin');
      value(system.register({ principal: erin, role: 'doctor' }));
      value(system.approve({ principal: erin }));
      expect(reason(system.request({ user: erin, file: f1, partition: personal }))).toBe('not-in-acl');
      expect(value(system.join({ owner: alice, user: erin, role: 'doctor' })).joinedAt).toBe(system.now());
      const past = system.request({ user: erin, file: f1, partition: personal });
      expect(past.kind === 'ok' ? 'ok' : past.reason).toBe(policy === 'all' ? 'ok' : 'before-join');
      value(system.update({ owner: alice, file: f1, partition: personal }));
      expect(value(system.request({ user: erin, file: f1, partition: personal })).version).toBe(2);
    }
  });

  it('refuses a join whose role differs from the certified one, and a second join', () => {
    const system = world({ seed: 'join' });
    const erin = principalId('erin');
    value(system.register({ principal: erin, role: 'insurer' }));
    value(system.approve({ principal: erin }));
    expect(reason(system.join({ owner: alice, user: erin, role: 'doctor' }))).toBe('bad-certificate');
    value(system.join({ owner: alice, user: erin }));
    expect(reason(system.join({ owner: alice, user: erin }))).toBe('already-exists');
    expect(reason(system.join({ owner: bob, user: erin }))).toBe('not-owner');
  });
});
