import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Binding, enabledBindings, type Marking, type Net } from '../../../src/model/index.ts';
import type { NetInstance, NetOp, NetWorld } from '../../../src/protocol/net/index.ts';
import { CLINIC, drive, firedIds, START, upload, worldWith } from './fixtures.ts';

/** CLINIC plus olga (an owner whose only partition, labs, alice's files lack), dana (pending), eve (unregistered). */
const WORLD: NetWorld = worldWith(CLINIC, {
  start: START,
  principals: [
    ...CLINIC.principals,
    { name: 'olga', role: 'owner', status: 'approved' },
    { name: 'dana', role: 'doctor', status: 'pending' },
    { name: 'eve', role: 'doctor', status: 'unregistered' },
  ],
  owners: {
    ...CLINIC.owners,
    olga: { partitions: { labs: 1 }, grants: {}, history: 'all', consent: false },
  },
  files: ['f1', 'f2'],
  maxVersion: 2,
});

const request = (
  user: string,
  partition: string,
  extra: { file?: string; version?: number } = {},
): NetOp => ({
  op: 'request',
  user,
  file: extra.file ?? 'f1',
  partition,
  ...(extra.version === undefined ? {} : { version: extra.version }),
});

describe('a request for R is decided by exactly the rule its state calls for', () => {
  it('grants what the ACL allows (D_R_S) and refuses the rest with the SRS reason (D_R_F)', () => {
    const ops: NetOp[] = [
      upload(),
      request('bob', 'medical'),
      request('bob', 'medical'),
      request('bob', 'insurance'),
      request('carol', 'medical'),
      request('alice', 'medical'),
      request('eve', 'medical'),
      request('dana', 'medical'),
      request('bob', 'medical', { file: 'f2' }),
      request('bob', 'labs'),
      request('bob', 'medical', { version: 2 }),
      { op: 'revoke-certificate', principal: 'carol' },
      request('carol', 'insurance'),
      { op: 'revoke', owner: 'alice', user: 'bob' },
      request('bob', 'medical'),
    ];
    const { words, runs } = drive(WORLD, ops);
    expect(words).toEqual([
      'ok',
      'granted',
      'granted',
      'denied:not-in-acl',
      'denied:not-in-acl',
      'denied:not-in-acl',
      'denied:unknown-principal',
      'denied:unapproved',
      'denied:unknown-file',
      'denied:unknown-partition',
      'denied:unknown-file',
      'ok',
      'denied:bad-certificate',
      'ok',
      'denied:revoked',
    ]);
    expect(firedIds(runs[1])).toEqual(['D_R_S/bob']);
    expect(firedIds(runs[2])).toEqual(['D_R_S_again/bob']);
    expect(firedIds(runs[3])).toEqual(['D_R_F', 'Log_refusal']);
    expect(firedIds(runs[4])).toEqual(['D_R_F', 'Log_refusal']);
    expect(firedIds(runs[6])).toEqual(['D_R_F_unknown', 'Log_refusal']);
    expect(firedIds(runs[9])).toEqual(['D_R_F_partition', 'Log_refusal']);
    expect(firedIds(runs[10])).toEqual(['D_R_F_version', 'Log_refusal_repeat']);
    expect(firedIds(runs[14])).toEqual(['D_R_F_revoked', 'Log_refusal']);
  });

  it('refuses outside the access window and grants inside it', () => {
    const window = { start: START + 60, end: START + 3600 };
    const { words } = drive(WORLD, [
      upload('f1', false, window),
      request('bob', 'medical'),
      { op: 'tick', by: 120 },
      request('bob', 'medical'),
      { op: 'tick', by: 7200 },
      request('bob', 'medical'),
    ]);
    expect(words).toEqual(['ok', 'denied:outside-window', 'ok', 'granted', 'ok', 'denied:outside-window']);
  });

  it('under from-join, refuses versions written before the join and grants later ones', () => {
    const world = worldWith(WORLD, {
      owners: { ...WORLD.owners, alice: { ...WORLD.owners!.alice!, history: 'from-join' } },
    });
    const { words, runs } = drive(world, [
      upload(),
      { op: 'tick', by: 3600 },
      { op: 'approve', principal: 'dana' },
      { op: 'join', owner: 'alice', user: 'dana', role: 'doctor' },
      request('dana', 'medical'),
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      request('dana', 'medical'),
      request('dana', 'medical', { version: 1 }),
    ]);
    expect(words).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'denied:before-join',
      'ok',
      'granted',
      'denied:before-join',
    ]);
    expect(firedIds(runs[4])).toEqual(['D_R_F_history', 'Log_refusal']);
  });

  it('under all, grants a late joiner the versions written before it joined', () => {
    const { words } = drive(WORLD, [
      upload(),
      { op: 'tick', by: 3600 },
      { op: 'approve', principal: 'dana' },
      request('dana', 'medical'),
      { op: 'join', owner: 'alice', user: 'dana', role: 'doctor' },
      request('dana', 'medical'),
    ]);
    expect(words).toEqual(['ok', 'ok', 'ok', 'denied:not-in-acl', 'ok', 'granted']);
  });

  it('leaves exactly one decision enabled for every request in every state of random runs', () => {
    const users = ['alice', 'bob', 'carol', 'dana', 'eve', 'olga'];
    const opArb: fc.Arbitrary<NetOp> = fc.oneof(
      fc.constantFrom<NetOp>(
        upload('f1'),
        upload('f2', true),
        { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
        { op: 'approve', principal: 'dana' },
        { op: 'revoke', owner: 'alice', user: 'bob' },
        { op: 'revoke-certificate', principal: 'carol' },
        { op: 'delete', owner: 'alice', file: 'f1' },
        { op: 'grant', owner: 'alice', grantee: { kind: 'user', user: 'carol' }, partitions: ['medical'] },
        { op: 'join', owner: 'alice', user: 'dana', role: 'doctor' },
      ),
      fc.record({
        op: fc.constant('request' as const),
        user: fc.constantFrom(...users),
        file: fc.constantFrom('f1', 'f2'),
        partition: fc.constantFrom('medical', 'insurance', 'labs'),
      }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), (ops) => {
        const world = worldWith(WORLD, { maxRevocations: 1, maxUploads: 1 });
        const { runs, net, instance } = drive(world, ops);
        for (const run of runs) {
          if (run.kind !== 'ran') continue;
          expect(undecided(net, instance, run.marking, users)).toEqual([]);
        }
      }),
      { seed: 20260101, numRuns: 12 },
    );
  });
});

/** The requests (user, file, partition, version) that do not have exactly one decision binding. */
function undecided(net: Net, instance: NetInstance, marking: Marking, users: readonly string[]): string[] {
  const family = new Set(
    net.transitions.filter((t) => t.meta?.rule === '31' || t.meta?.rule === '32').map((t) => t.id as string),
  );
  const bindings = enabledBindings(net, marking).filter((b) => family.has(b.transition));
  const out: string[] = [];
  for (const user of users) {
    for (const file of instance.files) {
      for (const partition of instance.partitions) {
        for (let version = 1; version <= instance.maxVersion; version++) {
          const n = bindings.filter((b) => fits(b, user, file, partition, version)).length;
          if (n !== 1) out.push(`${user} ${file}/${partition} v${version}: ${n}`);
        }
      }
    }
  }
  return out;
}

/** Whether a decision binding is about this request (a refusal reads only what it needs). */
function fits(b: Binding, user: string, file: string, partition: string, version: number): boolean {
  const { pu, fr, cu, ve } = b.vars;
  return (
    pu?.principal === user &&
    (fr === undefined || fr.file === file) &&
    (cu === undefined || cu.partition === partition) &&
    (ve === undefined || ve.version === version)
  );
}
