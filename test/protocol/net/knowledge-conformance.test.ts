/**
 * The net's knowledge places against the protocol's own account of what each actor knows: the same
 * operations run on the real system (with real cryptography) and on the net, and after every step
 * the outcome and every actor's facts must be the same.
 */
import { describe, expect, it } from 'vitest';
import { type ActorId, fileId, principalId } from '../../../src/protocol/ids.ts';
import { factKey } from '../../../src/protocol/knowledge.ts';
import { knowledgeOfMarking, type NetOp, runStepAbstract } from '../../../src/protocol/net/index.ts';
import type { Outcome } from '../../../src/protocol/outcome.ts';
import { partitionLabel } from '../../../src/protocol/phr/partition.ts';
import { createSystem, type SeSphrSystem } from '../../../src/protocol/system.ts';
import { build, CLINIC } from './fixtures.ts';

const word = (o: Outcome<unknown>, yes: string, no: string) => (o.kind === 'ok' ? yes : `${no}:${o.reason}`);

/** The protocol call a test op stands for (the executor's choice, for the ops used here). */
function concrete(system: SeSphrSystem, op: NetOp): string {
  switch (op.op) {
    case 'upload':
      return word(
        system.upload({ owner: principalId(op.owner), file: fileId(op.file), size: 2048 }),
        'ok',
        'denied',
      );
    case 'update':
      return word(
        system.update({
          owner: principalId(op.owner),
          file: fileId(op.file),
          partition: partitionLabel(op.partition),
        }),
        'ok',
        'denied',
      );
    case 'request':
      return word(
        system.request({
          user: principalId(op.user),
          file: fileId(op.file),
          partition: partitionLabel(op.partition),
        }),
        'granted',
        'denied',
      );
    case 'decrypt':
      return word(
        system.decrypt({
          user: principalId(op.user),
          file: fileId(op.file),
          partition: partitionLabel(op.partition),
          ...(op.version === undefined ? {} : { version: op.version }),
        }),
        'ok',
        'fails',
      );
    case 'revoke':
      return word(
        system.revoke({ owner: principalId(op.owner), user: principalId(op.user) }),
        'ok',
        'denied',
      );
    case 'delete':
      return word(system.delete({ owner: principalId(op.owner), file: fileId(op.file) }), 'ok', 'denied');
    case 'tamper':
      return word(
        system.tamper({
          file: fileId(op.file),
          ...(op.partition === undefined ? {} : { partition: partitionLabel(op.partition) }),
        }),
        'ok',
        'denied',
      );
    default:
      throw new Error(`not used in this test: ${op.op}`);
  }
}

/** The system in CLINIC's start state. */
function clinic(): SeSphrSystem {
  const system = createSystem({ seed: 'net-conformance', uploadBytes: 2048 });
  for (const [name, role] of [
    ['alice', 'owner'],
    ['bob', 'doctor'],
    ['carol', 'pharmacist'],
  ] as const) {
    system.register({ principal: principalId(name), role });
    system.approve({ principal: principalId(name) });
  }
  const alice = principalId('alice');
  system.grant({ owner: alice, role: 'doctor', partitions: ['personal', 'medical'].map(partitionLabel) });
  system.grant({
    owner: alice,
    role: 'pharmacist',
    partitions: ['insurance', 'prescription'].map(partitionLabel),
  });
  system.join({ owner: alice, user: principalId('bob'), role: 'doctor' });
  system.join({ owner: alice, user: principalId('carol'), role: 'pharmacist' });
  return system;
}

describe('the net knows what the protocol knows', () => {
  it('after every step of a run with uploads, grants, revocation, update, tampering and deletion', () => {
    const ops: NetOp[] = [
      { op: 'upload', owner: 'alice', file: 'f1', consent: false },
      { op: 'request', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'decrypt', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'request', user: 'carol', file: 'f1', partition: 'medical' },
      { op: 'decrypt', user: 'carol', file: 'f1', partition: 'prescription' },
      { op: 'revoke', owner: 'alice', user: 'bob' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      { op: 'decrypt', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'decrypt', user: 'bob', file: 'f1', partition: 'medical', version: 1 },
      { op: 'request', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'tamper', file: 'f1', partition: 'personal' },
      { op: 'request', user: 'carol', file: 'f1', partition: 'insurance' },
      { op: 'decrypt', user: 'carol', file: 'f1', partition: 'insurance' },
      { op: 'delete', owner: 'alice', file: 'f1' },
    ];
    const system = clinic();
    const { net, instance, start } = build(CLINIC, ops);
    let marking = start;
    const actors: readonly ActorId[] = [
      ...['alice', 'bob', 'carol'].map(principalId),
      ...(['srs', 'cloud', 'tpa', 'ca', 'admin', 'time-server'] as const),
    ];
    const facts = (actor: ActorId) => ({
      net: knowledgeOfMarking(net, marking, actor).map(factKey),
      protocol: system.knowledge(actor).map(factKey),
    });
    for (const actor of actors)
      expect(facts(actor).net, `${actor} at the start`).toEqual(facts(actor).protocol);
    const words: string[] = [];
    for (const [i, op] of ops.entries()) {
      const run = runStepAbstract(net, instance, marking, op);
      if (run.kind !== 'ran') throw new Error(run.detail);
      const protocolWord = concrete(system, op);
      const netWord = run.reason === undefined ? run.outcome : `${run.outcome}:${run.reason}`;
      expect(netWord, `step ${i} ${op.op}`).toBe(protocolWord);
      words.push(netWord);
      marking = run.marking;
      for (const actor of actors) {
        const { net: n, protocol: p } = facts(actor);
        expect(n, `${actor} after step ${i} ${op.op}`).toEqual(p);
      }
    }
    expect(words).toEqual([
      'ok',
      'granted',
      'ok',
      'denied:not-in-acl',
      'fails:no-parameter',
      'ok',
      'ok',
      'fails:tag-check-failed',
      'ok',
      'denied:revoked',
      'ok',
      'granted',
      'ok',
      'ok',
    ]);
    expect(facts(principalId('bob')).net).toEqual([
      'ciphertext(f1,medical,1)',
      'ciphertext(f1,medical,2)',
      'parameter(f1,medical,1,bob)',
      'plaintext(f1,medical,1)',
      'secret-key(bob)',
    ]);
  });
});
