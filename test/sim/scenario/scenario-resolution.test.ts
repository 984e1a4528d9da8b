import { describe, expect, it } from 'vitest';
import type { PrincipalName } from '../../../src/sim/scenario/names.ts';
import { OPERATION_NAMES } from '../../../src/sim/scenario/operations.ts';
import { parseScenario, scenarioOrThrow } from '../../../src/sim/scenario/parse-scenario.ts';
import type { Scenario } from '../../../src/sim/scenario/scenario.ts';
import { EVERY_OPERATION, fixtureText, ISSUE_EXAMPLE } from './fixtures.ts';

const load = (text: string): Scenario => scenarioOrThrow(parseScenario(text, 'x.yaml'));
const noGrants = { doctor: [], pharmacist: [], family: [], insurer: [], researcher: [] };
const paperPartitions = { personal: 1, medical: 2, insurance: 3, prescription: 4 };
const JAN_1_2026 = 1_767_225_600;
const ALICE = 'alice' as PrincipalName;

describe("the issue's example", () => {
  it('resolves to exactly this scenario', () => {
    expect(load(fixtureText(ISSUE_EXAMPLE))).toEqual({
      source: 'x.yaml',
      name: 'revocation-keeps-cached-parameters',
      description: 'A revoked doctor still opens the version it holds R for, but not the next one.',
      seed: 7,
      variant: 'otp-leak',
      start: JAN_1_2026,
      buckets: 1,
      principals: {
        alice: { name: 'alice', role: 'owner', status: 'approved' },
        bob: { name: 'bob', role: 'doctor', status: 'approved' },
      },
      owners: {
        alice: {
          partitions: paperPartitions,
          grants: { ...noGrants, doctor: ['personal', 'medical'], pharmacist: ['insurance', 'prescription'] },
          history: 'all',
          consent: false,
        },
      },
      steps: [
        { op: 'upload', index: 0, line: 15, owner: 'alice', file: 'f1', size: 65_536, consent: false },
        {
          op: 'request',
          index: 1,
          line: 16,
          user: 'bob',
          file: 'f1',
          partition: 'medical',
          expect: 'granted',
        },
        { op: 'decrypt', index: 2, line: 18, user: 'bob', file: 'f1', partition: 'medical', expect: 'ok' },
        { op: 'revoke', index: 3, line: 20, owner: 'alice', user: 'bob' },
        { op: 'update', index: 4, line: 21, owner: 'alice', file: 'f1', partition: 'medical' },
        { op: 'decrypt', index: 5, line: 22, user: 'bob', file: 'f1', partition: 'medical', expect: 'fails' },
      ],
    });
  });

  it('is deeply frozen', () => {
    const scenario = load(fixtureText(ISSUE_EXAMPLE));
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.steps)).toBe(true);
    expect(Object.isFrozen(scenario.steps[0])).toBe(true);
    expect(Object.isFrozen(scenario.owners[ALICE]?.grants.doctor)).toBe(true);
    expect(() => {
      (scenario.steps as Scenario['steps'][number][]).push(scenario.steps[0]!);
    }).toThrow(TypeError);
  });

  it('keeps names that shadow object built-ins apart from them', () => {
    const scenario = load(fixtureText(ISSUE_EXAMPLE));
    expect(Object.hasOwn(scenario.principals, 'constructor')).toBe(false);
    expect((scenario.principals as Record<string, unknown>).constructor).toBeUndefined();
  });
});

describe('defaults', () => {
  const minimal = `
name: minimal
principals: { alice: { role: owner }, bob: { role: doctor } }
owners: {}
steps:
  - upload: { owner: alice, file: f1 }
`;

  it('fill everything a file leaves out', () => {
    const scenario = load(minimal);
    expect(scenario).toEqual({
      source: 'x.yaml',
      name: 'minimal',
      variant: 'secure',
      start: JAN_1_2026,
      buckets: 1,
      principals: {
        alice: { name: 'alice', role: 'owner', status: 'approved' },
        bob: { name: 'bob', role: 'doctor', status: 'approved' },
      },
      owners: { alice: { partitions: paperPartitions, grants: noGrants, history: 'all', consent: false } },
      steps: [{ op: 'upload', index: 0, line: 6, owner: 'alice', file: 'f1', size: 4096, consent: false }],
    });
    expect('seed' in scenario).toBe(false);
    expect('description' in scenario).toBe(false);
    expect('expect' in scenario.steps[0]!).toBe(false);
  });

  it("an upload takes its consent from its owner's unless it says otherwise", () => {
    const scenario = load(
      minimal.replace('owners: {}', 'owners: { alice: { consent: true } }') +
        '  - upload: { owner: alice, file: f2, consent: false }\n',
    );
    expect(scenario.steps.map((step) => step.op === 'upload' && step.consent)).toEqual([true, false]);
  });

  it('principal status follows registered and approved', () => {
    const scenario = load(
      minimal.replace(
        'bob: { role: doctor } }',
        'bob: { role: doctor }, carol: { role: family, approved: false }, dave: { role: insurer, registered: false } }',
      ),
    );
    expect(Object.values(scenario.principals).map((p) => [p.name, p.status])).toEqual([
      ['alice', 'approved'],
      ['bob', 'approved'],
      ['carol', 'pending'],
      ['dave', 'unregistered'],
    ]);
  });
});

describe('the every-operation fixture', () => {
  const scenario = load(fixtureText(EVERY_OPERATION));

  it('uses every operation', () => {
    expect(new Set(scenario.steps.map((step) => step.op))).toEqual(new Set(OPERATION_NAMES));
  });

  it('resolves the start with its zone, offsets against it, and compound durations', () => {
    const start = Date.UTC(2026, 2, 1, 8) / 1000;
    expect(scenario.start).toBe(start);
    expect(scenario.steps[3]).toEqual({
      op: 'upload',
      index: 3,
      line: 23,
      owner: 'alice',
      file: 'f1',
      size: 2_048_000,
      window: { start, end: start + 86_400 },
      consent: true,
    });
    expect(scenario.steps[9]).toMatchObject({
      op: 'window',
      window: { start: Date.UTC(2026, 2, 2) / 1000, end: start + 2.5 * 86_400 },
    });
    expect(scenario.steps[10]).toMatchObject({ op: 'tick', by: 5_400 });
  });

  it('tells grants to a role from grants to a user, and principals from infrastructure', () => {
    expect(scenario.steps[6]).toMatchObject({
      grantee: { kind: 'role', role: 'pharmacist' },
      partitions: ['personal'],
    });
    expect(scenario.steps[7]).toMatchObject({
      grantee: { kind: 'user', user: 'dave' },
      partitions: ['labs'],
    });
    expect(scenario.steps[22]).toMatchObject({
      op: 'collude',
      members: [
        { kind: 'infrastructure', name: 'srs' },
        { kind: 'infrastructure', name: 'cloud' },
      ],
      version: 2,
      expect: 'decrypts',
    });
  });

  it('keeps the seed, the buckets and the declared partitions in order', () => {
    expect(scenario.seed).toBe('chosen-seed');
    expect(scenario.buckets).toBe(4);
    expect(Object.entries(scenario.owners[ALICE]!.partitions)).toEqual([
      ['personal', 1],
      ['medical', 2],
      ['labs', 2],
    ]);
    expect(scenario.owners['olga' as PrincipalName]).toEqual({
      partitions: paperPartitions,
      grants: noGrants,
      history: 'all',
      consent: false,
    });
  });
});
