import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchemaText } from '../../../src/sim/scenario/file-schema.ts';
import { parseScenario } from '../../../src/sim/scenario/parse-scenario.ts';
import { EVERY_OPERATION, fixtureText, ISSUE_EXAMPLE } from './fixtures.ts';

const committed = readFileSync(new URL('../../../scenarios/scenario.schema.json', import.meta.url), 'utf8');
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(committed));

describe('the published JSON Schema', () => {
  it('is exactly what `npm run schema` generates from the zod schema', () => {
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it.each([ISSUE_EXAMPLE, EVERY_OPERATION])('accepts %s', (name) => {
    expect(validate(parse(fixtureText(name))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it.each([
    ['an unknown operation', '- reqest: { user: bob, file: f1, partition: medical }'],
    ['an unknown argument', '- request: { user: bob, fiel: f1, partition: medical }'],
    ['a missing argument', '- request: { user: bob, file: f1 }'],
    ['a bad size', '- upload: { owner: alice, file: f1, size: 64kb }'],
    ['a bad time', '- window: { owner: alice, file: f1, start: +2x, end: +1h }'],
    ['a bad duration', '- tick: { by: 2 hours }'],
    [
      'an outcome of another operation',
      '- decrypt: { user: bob, file: f1, partition: medical }\n    expect: granted',
    ],
    ['two operations in a step', '- tick: { by: 1h }\n    audit: { file: f1 }'],
  ])('rejects %s, as the loader does', (_, step) => {
    const text = fixtureText(ISSUE_EXAMPLE).replace('  - revoke: { owner: alice, user: bob }', `  ${step}`);
    expect(parseScenario(text, 'x.yaml').kind).toBe('invalid');
    expect(validate(parse(text))).toBe(false);
  });

  it('accepts every file the loader accepts', () => {
    const user = fc.constantFrom('alice', 'bob', 'carl');
    const file = fc.constantFrom('f1', 'f2');
    const partition = fc.constantFrom('medical', 'personal', 'labs');
    const step = fc.oneof(
      fc.record({ request: fc.record({ user, file, partition }) }),
      fc.record({
        upload: fc.record({ owner: user, file, size: fc.constantFrom('1B', '64KiB', 5, 0, '2GiB') }),
      }),
      fc.record({ tick: fc.record({ by: fc.constantFrom('1h', '1d2h', '0s', 'x') }) }),
      fc.record({
        decrypt: fc.record(
          { user, file, partition, version: fc.constantFrom(1, 2) },
          { requiredKeys: ['user', 'file', 'partition'] },
        ),
        expect: fc.constantFrom('ok', 'fails', 'granted'),
      }),
      fc.record({ delete: fc.record({ owner: user, file }) }),
    );
    const first = { upload: { owner: 'alice', file: 'f1' } };
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 4 }), (steps) => {
        const principals = { alice: { role: 'owner' }, bob: { role: 'doctor' } };
        const scenario = { name: 'generated', principals, owners: {}, steps: [first, ...steps] };
        if (parseScenario(JSON.stringify(scenario), 'x.yaml').kind !== 'ok') return;
        accepted += 1;
        expect(validate(scenario), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});
