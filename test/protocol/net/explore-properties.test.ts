import { describe, expect, it } from 'vitest';
import { explore, type Marking, showBinding } from '../../../src/model/index.ts';
import {
  abstractFunctions,
  coalitionReads,
  knowledgeTokens,
  type NetProperty,
  type NetWorld,
  netInstanceOf,
  propertyPredicates,
  sesphrNet,
} from '../../../src/protocol/net/index.ts';
import { CLINIC, drive, START, upload, worldWith } from './fixtures.ts';

/** The smallest world with a confidentiality question: alice alone, one partition, one file. */
const ALONE: NetWorld = {
  principals: [{ name: 'alice', role: 'owner', status: 'approved' }],
  owners: { alice: { partitions: { medical: 1 }, grants: {}, history: 'all', consent: false } },
  files: ['f1'],
  trackRefusals: false,
};

const oneSafe = (m: Marking) => m.bags.every((b) => b.entries.every((e) => e.count === 1));

describe('exploring the SeSPHR net', () => {
  const instance = netInstanceOf(ALONE);
  const net = sesphrNet(instance);

  it('reaches finitely many states, each place holding every token at most once, K_cloud no plaintext', () => {
    const result = explore(net, {
      functions: abstractFunctions,
      invariant: {
        name: 'one-safe and no plaintext at the cloud',
        holds: (m) => oneSafe(m) && knowledgeTokens(m, 'cloud').every((t) => t.kind !== 'plaintext'),
      },
    });
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
    expect(result.states).toBe(6339);
    expect(result.deadlock).toBe(false);
  });

  it('finds the shortest path to the SRS and the cloud together reading a plaintext (P6)', () => {
    const result = explore(net, {
      functions: abstractFunctions,
      invariant: { name: 'P6', holds: (m) => coalitionReads(m, ['cloud', 'srs']).length === 0 },
    });
    expect(result.stoppedBy).toBe('violation');
    expect(result.violation?.path.map((b) => showBinding(net, b).split(' ')[0])).toEqual([
      'Prepare_upload',
      'Gen_ri',
      'Encrypt_Pi',
      'Compt_R',
      'Send_C',
      'Send_Ri',
    ]);
    expect(coalitionReads(result.violation!.marking, ['cloud', 'srs'])).toEqual([
      { file: 'f1', partition: 'medical', version: 1 },
    ]);
  });

  it('holds the properties SPEC section 5 proves on every state explored of a world with users', () => {
    const world = worldWith(CLINIC, { files: ['f1'], trackRefusals: false, maxRevocations: 1 });
    const inst = netInstanceOf(world);
    const clinic = sesphrNet(inst);
    const proved = propertyPredicates(clinic, inst).filter((p) => p.expected.secure === 'holds');
    const failing: string[] = [];
    const result = explore(clinic, {
      maxStates: 400,
      functions: abstractFunctions,
      invariant: {
        name: 'every proved property',
        holds: (m) => {
          for (const p of proved) if (!p.holds(m)) failing.push(p.id);
          return failing.length === 0;
        },
      },
    });
    expect(failing).toEqual([]);
    expect(result.stoppedBy).toBe('max-states');
    expect(proved.map((p) => p.id)).toEqual(['P1', 'P3', 'P4', 'P5', 'P7', 'P9', 'P10', 'P11', 'P12', 'P13']);
  });
});

describe('each property predicate, on the runs that decide it', () => {
  const verdicts = (world: NetWorld, ops: Parameters<typeof drive>[1]) => {
    const d = drive(world, ops);
    const props: readonly NetProperty[] = propertyPredicates(d.net, d.instance);
    return Object.fromEntries(props.map((p) => [p.id, p.holds(d.marking)]));
  };
  const WORLD = worldWith(CLINIC, { start: START });

  it('P8 fails on a revoked doctor decrypting with its cached R; P7 holds', () => {
    const v = verdicts(WORLD, [
      upload(),
      { op: 'request', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'revoke', owner: 'alice', user: 'bob' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      { op: 'decrypt', user: 'bob', file: 'f1', partition: 'medical', version: 1 },
    ]);
    expect(v).toMatchObject({ P6: false, P7: true, P8: false, P3: true, P12: true });
  });

  it('P7 fails when revocation keeps the ACL entry (revocation-keeps-acl)', () => {
    const v = verdicts(worldWith(WORLD, { variant: 'revocation-keeps-acl' }), [
      upload(),
      { op: 'revoke', owner: 'alice', user: 'bob' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      { op: 'request', user: 'bob', file: 'f1', partition: 'medical' },
    ]);
    expect(v).toMatchObject({ P7: false, P8: true });
  });

  it('P12 fails when the cloud leaks the code (otp-leak) and holds with the owner’s consent', () => {
    const leak = verdicts(worldWith(WORLD, { variant: 'otp-leak' }), [
      upload('f1', true),
      { op: 'download', user: 'bob', file: 'f1' },
    ]);
    expect(leak.P12).toBe(false);
    const consented = verdicts(WORLD, [
      upload('f1', true),
      { op: 'consent', owner: 'alice', user: 'bob', file: 'f1' },
      { op: 'download', user: 'bob', file: 'f1' },
    ]);
    expect(consented.P12).toBe(true);
  });

  it('states the expectations of SPEC section 5 per variant', () => {
    const inst = netInstanceOf(CLINIC);
    const expected = propertyPredicates(sesphrNet(inst), inst).map((p) => [
      p.id,
      p.expected.secure,
      p.expected['otp-leak'],
      p.expected['revocation-keeps-acl'],
    ]);
    expect(expected).toEqual([
      ['P1', 'holds', 'holds', 'holds'],
      ['P3', 'holds', 'holds', 'holds'],
      ['P4', 'holds', 'holds', 'holds'],
      ['P5', 'holds', 'holds', 'holds'],
      ['P6', 'violated', 'violated', 'violated'],
      ['P7', 'holds', 'holds', 'violated'],
      ['P8', 'violated', 'violated', 'violated'],
      ['P9', 'holds', 'holds', 'holds'],
      ['P10', 'holds', 'holds', 'holds'],
      ['P11', 'holds', 'holds', 'holds'],
      ['P12', 'holds', 'violated', 'holds'],
      ['P13', 'holds', 'holds', 'holds'],
    ]);
  });
});
