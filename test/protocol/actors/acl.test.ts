import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OwnerAcl } from '../../../src/protocol/actors/acl.ts';
import { principalId, USER_ROLES } from '../../../src/protocol/ids.ts';
import { partitionLabel } from '../../../src/protocol/phr/partition.ts';

const alice = principalId('alice');
const bob = principalId('bob');
const medical = partitionLabel('medical');
const insurance = partitionLabel('insurance');

describe('the SRS guard (rules 31/32) as an owner ACL', () => {
  it('allows a member exactly the partitions its role or its own grant covers', () => {
    const acl = new OwnerAcl(alice);
    acl.grantRole('doctor', [medical]);
    acl.join(bob, 'doctor', 100);
    expect(acl.decide(bob, medical, 0)).toMatchObject({
      kind: 'allow',
      membership: { user: bob, role: 'doctor', joinedAt: 100 },
    });
    expect(acl.decide(bob, insurance, 0)).toMatchObject({ kind: 'deny', reason: 'not-in-acl' });
    acl.grantUser(bob, [insurance]);
    expect(acl.decide(bob, insurance, 0).kind).toBe('allow');
    acl.ungrantRole('doctor', [medical]);
    expect(acl.decide(bob, medical, 0)).toMatchObject({ kind: 'deny', reason: 'not-in-acl' });
  });

  it('denies a granted role to someone who never joined', () => {
    const acl = new OwnerAcl(alice);
    acl.grantRole('doctor', [medical]);
    expect(acl.decide(bob, medical, 0)).toMatchObject({ kind: 'deny', reason: 'not-in-acl' });
  });

  it('says revoked after a revocation that removes the entry, and keeps allowing when it does not', () => {
    const secure = new OwnerAcl(alice);
    secure.grantRole('doctor', [medical]);
    secure.join(bob, 'doctor', 0);
    expect(secure.revoke(bob, 50, true)).toBe(true);
    expect(secure.decide(bob, medical, 60)).toMatchObject({ kind: 'deny', reason: 'revoked' });
    expect(secure.snapshot().revocations).toEqual([{ user: bob, at: 50 }]);

    const flawed = new OwnerAcl(alice);
    flawed.grantRole('doctor', [medical]);
    flawed.join(bob, 'doctor', 0);
    flawed.revoke(bob, 50, false);
    expect(flawed.decide(bob, medical, 60).kind).toBe('allow');
  });

  it('under from-join allows exactly the versions written at or after the join', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.nat(10_000),
        fc.constantFrom(...USER_ROLES),
        (joinedAt, createdAt, role) => {
          const acl = new OwnerAcl(alice);
          acl.setHistory('from-join');
          acl.grantRole(role, [medical]);
          acl.join(bob, role, joinedAt);
          const decision = acl.decide(bob, medical, createdAt);
          expect(decision.kind === 'allow').toBe(createdAt >= joinedAt);
          if (decision.kind === 'deny') expect(decision.reason).toBe('before-join');
          acl.setHistory('all');
          expect(acl.decide(bob, medical, createdAt).kind).toBe('allow');
        },
      ),
    );
  });

  it('admits a member once and hands out frozen, sorted snapshots', () => {
    const acl = new OwnerAcl(alice);
    expect(acl.join(bob, 'doctor', 1)).toBe(true);
    expect(acl.join(bob, 'doctor', 2)).toBe(false);
    acl.grantRole('insurer', [insurance, medical]);
    const snapshot = acl.snapshot();
    expect(snapshot).toEqual({
      owner: alice,
      history: 'all',
      roleGrants: [{ role: 'insurer', partitions: [insurance, medical] }],
      userGrants: [],
      members: [{ user: bob, role: 'doctor', joinedAt: 1 }],
      revocations: [],
    });
    expect(Object.isFrozen(snapshot.members)).toBe(true);
  });
});
