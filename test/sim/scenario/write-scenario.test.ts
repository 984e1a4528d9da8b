import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../src/sim/scenario/index.ts';
import {
  isoInstant,
  schemaReferenceFrom,
  stringifyScenario,
} from '../../../src/sim/scenario/write-scenario.ts';
import { EVERY_OPERATION, fixtureText, ISSUE_EXAMPLE } from './fixtures.ts';

const scenariosDir = join(import.meta.dirname, '../../../scenarios');
const bundled = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(text: string, source: string): Scenario {
  const result = parseScenario(text, source);
  if (result.kind !== 'ok') throw new Error(`${source}: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

/** The scenario without what depends on where its text came from. */
function placeless(s: Scenario): unknown {
  const { source: _source, ...rest } = s;
  return { ...rest, steps: s.steps.map(({ line: _line, ...step }) => step) };
}

describe('stringifyScenario', () => {
  const cases: [string, string][] = [
    [ISSUE_EXAMPLE, fixtureText(ISSUE_EXAMPLE)],
    [EVERY_OPERATION, fixtureText(EVERY_OPERATION)],
    ...bundled.map((f): [string, string] => [f, fixtureText(join('../../../../scenarios', f))]),
  ];

  it.each(cases)('writes %s so that loading it gives the same scenario', (name, text) => {
    const original = load(text, name);
    const written = stringifyScenario(original, { header: ['written by a test'] });
    expect(placeless(load(written, `${name} (written)`))).toEqual(placeless(original));
  });

  it('starts with the schema line and the header comments', () => {
    const text = stringifyScenario(load(fixtureText(ISSUE_EXAMPLE), ISSUE_EXAMPLE), {
      header: ['campaign seed 7'],
    });
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=./scenario.schema.json',
      '# campaign seed 7',
    ]);
  });

  it('points the schema line at the published schema from where the file is written', () => {
    const reference = schemaReferenceFrom(join(scenariosDir, '../reports/campaigns/secure-7.yaml'));
    expect(reference).toBe('../../scenarios/scenario.schema.json');
    expect(schemaReferenceFrom(join(scenariosDir, 'x.yaml'))).toBe('./scenario.schema.json');
    const text = stringifyScenario(load(fixtureText(ISSUE_EXAMPLE), ISSUE_EXAMPLE), { schema: reference });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../scenarios/scenario.schema.json');
  });

  it('writes instants in UTC to the second', () => {
    expect(isoInstant(1767225600)).toBe('2026-01-01T00:00:00Z');
    expect(isoInstant(1767225600 + 3661)).toBe('2026-01-01T01:01:01Z');
  });
});
