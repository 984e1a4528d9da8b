import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATION_NAMES, OPERATIONS } from '../../../src/sim/scenario/operations.ts';
import { parseScenario } from '../../../src/sim/scenario/parse-scenario.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Scenario files'), readme.indexOf('## Development'));

/** The arguments column the README must show: each variant's keys, `?` for optional ones. */
function argumentsCell(op: keyof typeof OPERATIONS): string {
  const variants: readonly z.ZodObject[] = OPERATIONS[op].variants;
  return variants
    .map((variant) => {
      const keys = Object.entries(variant.shape).map(([key, schema]) =>
        schema instanceof z.ZodOptional ? `${key}?` : key,
      );
      return `\`${keys.join(', ')}\``;
    })
    .join(' or ');
}

describe('the README section on scenario files', () => {
  it('exists', () => {
    expect(section.length).toBeGreaterThan(1000);
  });

  it.each(OPERATION_NAMES)('documents %s with its arguments and outcomes', (op) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${op}\` |`));
    expect(row, `no row for ${op}`).toBeDefined();
    const [, args, outcomes] = row!.split(' | ');
    expect(args).toBe(argumentsCell(op));
    expect(outcomes).toBe(OPERATIONS[op].outcomes.join(', '));
  });

  it('shows an example that loads', () => {
    const example = section.slice(
      section.indexOf('```yaml\n') + 8,
      section.indexOf('```\n', section.indexOf('```yaml\n')),
    );
    const result = parseScenario(example, 'README.md');
    expect(result.kind === 'invalid' ? result.problems : []).toEqual([]);
    expect(result.kind === 'ok' && result.scenario.steps.length).toBe(7);
  });
});
