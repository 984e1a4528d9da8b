import { describe, expect, it } from 'vitest';
import type { PrincipalId } from '../../../src/protocol/index.ts';
import { createExecContext, type ExecContext, executeStep } from '../../../src/sim/execute/index.ts';
import {
  type CoalitionMember,
  type FileName,
  type PartitionLabel,
  type PrincipalName,
  parseScenario,
  type Step,
  scenarioOrThrow,
} from '../../../src/sim/scenario/index.ts';

const WORLD = `
name: execute-step-world
seed: 11
principals:
  alice: { role: owner }
  olga: { role: owner, approved: false }
  bob: { role: doctor }
  ghost: { role: doctor, registered: false }
owners:
  alice:
    grants: { doctor: [medical] }
steps:
  - upload: { owner: alice, file: f1 }
`;

const scenario = scenarioOrThrow(parseScenario(WORLD, 'world.yaml'));
const p = (name: string) => name as PrincipalName;
const f = (name: string) => name as FileName;
const l = (label: string) => label as PartitionLabel;
const at = { index: 99, line: 0 } as const;

/** A fresh world with f1 uploaded by alice. */
function world(): ExecContext {
  const ctx = createExecContext(scenario, '11');
  const uploaded = executeStep(ctx, scenario.steps[0]!);
  expect(uploaded.outcome).toBe('ok');
  return ctx;
}

function run(ctx: ExecContext, step: Step) {
  const { outcome, reason, detail, calls } = executeStep(ctx, step);
  return { outcome, reason, detail, calls: calls.map((c) => c.step) };
}

describe('executeStep refuses what the protocol would throw on, before calling it', () => {
  it('a tick backwards or by a fraction of a second', () => {
    const ctx = world();
    const before = ctx.system.now();
    expect(run(ctx, { op: 'tick', ...at, by: -5 })).toEqual({
      outcome: 'denied',
      reason: undefined,
      detail: 'the clock moves by whole seconds >= 0; got -5',
      calls: [],
    });
    expect(run(ctx, { op: 'tick', ...at, by: 1.5 }).outcome).toBe('denied');
    expect(ctx.system.now()).toBe(before);
  });

  it('a window that ends before it starts, or is not in whole seconds', () => {
    const ctx = world();
    const window = { op: 'window', ...at, owner: p('alice'), file: f('f1') } as const;
    expect(run(ctx, { ...window, window: { start: 200, end: 100 } })).toMatchObject({
      outcome: 'denied',
      calls: [],
      detail: 'the window ends (100) before it starts (200)',
    });
    expect(run(ctx, { ...window, window: { start: -1, end: 100 } })).toMatchObject({
      outcome: 'denied',
      calls: [],
    });
    expect(ctx.system.windowOf(f('f1') as never)).toBeUndefined();
  });

  it('an upload too small for the owner’s partitions', () => {
    const ctx = world();
    const result = run(ctx, {
      op: 'upload',
      ...at,
      owner: p('alice'),
      file: f('f2'),
      size: 10,
      consent: false,
    });
    expect(result).toMatchObject({ outcome: 'denied', reason: undefined, calls: [] });
    expect(result.detail).toMatch(/^no 10-byte PHR for alice's partitions: targetBytes 10 is too small/);
  });

  it('a coalition naming a principal that never registered: it holds nothing and stays out', () => {
    const ctx = world();
    const members: CoalitionMember[] = [
      { kind: 'principal', name: p('ghost') },
      { kind: 'infrastructure', name: 'cloud' },
    ];
    const result = run(ctx, { op: 'collude', ...at, members, file: f('f1'), partition: l('medical') });
    expect(result.outcome).toBe('fails');
    expect(result.detail).toBe(
      'ghost + cloud cannot read f1/medical v1: no key they can compute opens its ciphertext (ghost never registered and hold nothing)',
    );
    const withSrs = run(ctx, {
      op: 'collude',
      ...at,
      members: [...members, { kind: 'infrastructure', name: 'srs' }],
      file: f('f1'),
      partition: l('medical'),
    });
    expect(withSrs.outcome).toBe('decrypts');
  });

  it('a coalition asking for a version nobody stores fails instead of calling', () => {
    const ctx = world();
    const result = run(ctx, {
      op: 'collude',
      ...at,
      members: [{ kind: 'infrastructure', name: 'srs' }],
      file: f('nothing'),
      partition: l('medical'),
    });
    expect(result).toMatchObject({ outcome: 'fails', calls: [] });
  });
});

describe('executeStep maps protocol refusals to the op’s words', () => {
  it('an unregistered principal is refused, never a crash', () => {
    const ctx = world();
    const ghost = p('ghost');
    expect(
      run(ctx, { op: 'decrypt', ...at, user: ghost, file: f('f1'), partition: l('medical') }),
    ).toMatchObject({
      outcome: 'fails',
      reason: 'unknown-principal',
      calls: ['download'],
    });
    expect(run(ctx, { op: 'search', ...at, user: ghost, keyword: 'x' })).toMatchObject({
      outcome: 'denied',
      reason: 'unknown-principal',
    });
    expect(run(ctx, { op: 'download', ...at, user: ghost, file: f('f1') })).toMatchObject({
      outcome: 'denied',
      reason: 'unknown-principal',
    });
    expect(
      run(ctx, { op: 'request', ...at, user: ghost, file: f('f1'), partition: l('medical') }),
    ).toMatchObject({
      outcome: 'denied',
      reason: 'unknown-principal',
    });
  });

  it('an op whose only word is ok reports denied when the protocol refuses it', () => {
    const ctx = world();
    expect(
      run(ctx, { op: 'upload', ...at, owner: p('olga'), file: f('f2'), size: 4096, consent: false }),
    ).toMatchObject({ outcome: 'denied', reason: 'unapproved', calls: ['prepareUpload'] });
    expect(run(ctx, { op: 'audit', ...at, file: f('f2') })).toMatchObject({
      outcome: 'denied',
      reason: 'unknown-file',
    });
    expect(run(ctx, { op: 'tamper', ...at, file: f('f2') })).toMatchObject({
      outcome: 'denied',
      reason: 'unknown-file',
    });
    expect(run(ctx, { op: 'approve', ...at, principal: p('ghost') })).toMatchObject({
      outcome: 'denied',
      reason: 'unknown-principal',
      calls: ['approveRegistration'],
    });
    expect(run(ctx, { op: 'revoke', ...at, owner: p('alice'), user: p('ghost') })).toMatchObject({
      outcome: 'denied',
      reason: 'not-in-acl',
    });
  });

  it('approving an owner during the run puts its policy in force, with the start members in its group', () => {
    const ctx = world();
    expect(run(ctx, { op: 'approve', ...at, principal: p('olga') })).toMatchObject({
      outcome: 'ok',
      calls: [
        'approveRegistration',
        'genKeys',
        'sendKeys',
        'issueCertificate',
        'setPartitions',
        'history',
        'join',
      ],
    });
    expect(ctx.system.acl('olga' as PrincipalId).members.map((m) => [m.user, m.role])).toEqual([
      ['bob', 'doctor'],
    ]);
    expect(
      run(ctx, { op: 'upload', ...at, owner: p('olga'), file: f('f2'), size: 4096, consent: false }).outcome,
    ).toBe('ok');
    // Olga's policy (the defaults) grants doctors nothing.
    expect(
      run(ctx, { op: 'request', ...at, user: p('bob'), file: f('f2'), partition: l('medical') }),
    ).toMatchObject({
      outcome: 'denied',
      reason: 'not-in-acl',
    });
  });

  it('a user approved during the run belongs to no group until it joins', () => {
    const ctx = world();
    const ghost = p('ghost');
    expect(run(ctx, { op: 'register', ...at, principal: ghost, role: 'doctor' }).outcome).toBe('ok');
    expect(run(ctx, { op: 'approve', ...at, principal: ghost }).outcome).toBe('ok');
    expect(ctx.system.acl('alice' as PrincipalId).members.map((m) => m.user)).toEqual(['bob']);
    expect(run(ctx, { op: 'join', ...at, owner: p('alice'), user: ghost, role: 'doctor' }).outcome).toBe(
      'ok',
    );
    expect(
      run(ctx, { op: 'request', ...at, user: ghost, file: f('f1'), partition: l('medical') }).outcome,
    ).toBe('granted');
  });
});
