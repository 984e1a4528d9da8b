/**
 * Every bundled scenario runs on the protocol, the concrete net and the abstract net without a
 * divergence, and meets every expectation: the net is a faithful model of the protocol on every
 * feature and property the bundled files exercise.
 */
import { describe, expect, it } from 'vitest';
import { describeDivergence, runScenario } from '../../../src/sim/run/index.ts';
import { BUNDLED, seedOf } from '../execute/bundled-scenarios.ts';

describe('bundled scenarios on the protocol and the net side by side', () => {
  it.each(BUNDLED.map((b) => [b.file, b] as const))('%s conforms and passes', (_, { scenario }) => {
    const run = runScenario(scenario, { seed: seedOf(scenario) });
    expect(run.divergence && describeDivergence(run.divergence, scenario.source)).toBeUndefined();
    expect(run.steps.filter((s) => !s.ok).map((s) => s.index)).toEqual([]);
    expect(run.steps).toHaveLength(scenario.steps.length);
    expect(run.passed).toBe(true);
    expect(run.steps.flatMap((s) => s.transitions).length).toBeGreaterThan(scenario.steps.length);
  });
});
