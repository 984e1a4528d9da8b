import { describe, expect, it } from 'vitest';
import { executeScenario } from '../../../src/sim/execute/index.ts';
import { OPERATION_NAMES } from '../../../src/sim/scenario/index.ts';
import { BUNDLED, seedOf } from './bundled-scenarios.ts';

/** The SPEC's properties (section 5); P2 is shown by a decrypt that comes out ok. */
const PROPERTIES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11', 'P12', 'P13'];

describe('every bundled scenario runs with every expectation met', () => {
  it('finds the bundled scenarios', () => {
    expect(BUNDLED.length).toBeGreaterThanOrEqual(17);
  });

  for (const { file, scenario } of BUNDLED) {
    it(file, () => {
      expect(scenario.seed, 'a bundled scenario names its seed').toBeDefined();
      const run = executeScenario(scenario, seedOf(scenario));
      expect(run.setup.filter((call) => call.outcome !== 'ok')).toEqual([]);
      const unmet = run.steps
        .filter((step) => !step.ok)
        .map(
          (step) =>
            `step ${step.index} (${step.op}): expected ${step.expected}, got ${step.outcome}: ${step.detail}`,
        );
      expect(unmet).toEqual([]);
      expect(run.passed).toBe(true);
      expect(run.steps.filter((step) => step.expected !== undefined).length).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('the bundled scenarios as a collection', () => {
  it('use every operation at least once', () => {
    const used = new Set(BUNDLED.flatMap(({ scenario }) => scenario.steps.map((step) => step.op)));
    expect([...used].sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('name every SPEC property in some description', () => {
    const named = new Set(
      BUNDLED.flatMap(({ scenario }) =>
        [...(scenario.description ?? '').matchAll(/\bP(\d+)\b/g)].map((m) => `P${m[1]}`),
      ),
    );
    expect(PROPERTIES.filter((p) => !named.has(p))).toEqual([]);
  });

  it('expect an outcome of every negative kind somewhere: denied, fails, none, detected', () => {
    const expected = new Set(
      BUNDLED.flatMap(({ scenario }) =>
        scenario.steps.flatMap((step) => (step.expect === undefined ? [] : [step.expect])),
      ),
    );
    for (const word of [
      'granted',
      'denied',
      'ok',
      'fails',
      'found',
      'none',
      'clean',
      'detected',
      'decrypts',
    ]) {
      expect(expected.has(word as never), word).toBe(true);
    }
  });

  it('start with the schema line and carry a name equal to the file name', () => {
    for (const { file, text, scenario } of BUNDLED) {
      expect(text.split('\n')[0], file).toBe('# yaml-language-server: $schema=./scenario.schema.json');
      expect(`${scenario.name}.yaml`).toBe(file);
      expect(scenario.description?.length ?? 0, file).toBeGreaterThan(100);
    }
  });

  it('run the insecure variants only where a property is shown to fail', () => {
    const variants = Object.fromEntries(BUNDLED.map(({ file, scenario }) => [file, scenario.variant]));
    expect(Object.entries(variants).filter(([, v]) => v !== 'secure')).toEqual([
      ['otp-leak.yaml', 'otp-leak'],
      ['revocation-keeps-acl.yaml', 'revocation-keeps-acl'],
    ]);
  });
});
