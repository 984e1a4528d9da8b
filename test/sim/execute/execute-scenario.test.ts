import { describe, expect, it } from 'vitest';
import {
  executeScenario,
  type ProtocolCall,
  type ScenarioExecution,
} from '../../../src/sim/execute/index.ts';
import { parseScenario, scenarioOrThrow } from '../../../src/sim/scenario/index.ts';
import { bundled, seedOf } from './bundled-scenarios.ts';

/** A run without its measured times: what must be identical from one run to the next. */
function timeless(run: ScenarioExecution) {
  const strip = ({ ms: _ms, ...call }: ProtocolCall) => call;
  return {
    ...run,
    setup: run.setup.map(strip),
    steps: run.steps.map(({ ms: _ms, calls, ...step }) => ({ ...step, calls: calls.map(strip) })),
  };
}

const WRONG = `
name: wrong-expectation
seed: 3
principals:
  alice: { role: owner }
  bob: { role: doctor }
  carol: { role: pharmacist }
owners:
  alice:
    grants: { doctor: [medical] }
steps:
  - upload: { owner: alice, file: f1 }
  - request: { user: bob, file: f1, partition: medical }
    expect: granted
  - request: { user: carol, file: f1, partition: medical }
    expect: granted
  - decrypt: { user: bob, file: f1, partition: medical }
    expect: ok
`;

describe('executeScenario', () => {
  it('reports a wrong expectation as not ok at exactly that step, with what happened instead', () => {
    const run = executeScenario(scenarioOrThrow(parseScenario(WRONG, 'wrong.yaml')), '3');
    expect(run.passed).toBe(false);
    expect(run.steps.map((s) => [s.index, s.op, s.outcome, s.expected, s.ok])).toEqual([
      [0, 'upload', 'ok', undefined, true],
      [1, 'request', 'granted', 'granted', true],
      [2, 'request', 'denied', 'granted', false],
      [3, 'decrypt', 'ok', 'ok', true],
    ]);
    expect(run.steps[2]).toMatchObject({ reason: 'not-in-acl', line: 15 });
    expect(run.steps[2]?.detail).toContain('carol');
  });

  it('is deterministic: the same scenario and seed give the same outcomes, details and digests', () => {
    const scenario = bundled('paper-upload-share-download.yaml');
    const first = executeScenario(scenario, seedOf(scenario));
    const second = executeScenario(scenario, seedOf(scenario));
    expect(timeless(second)).toEqual(timeless(first));
  });

  it('draws every crypto value from the seed: another seed, the same outcomes, other digests', () => {
    const scenario = bundled('paper-upload-share-download.yaml');
    const a = executeScenario(scenario, 'seed-a');
    const b = executeScenario(scenario, 'seed-b');
    expect(b.steps.map((s) => s.outcome)).toEqual(a.steps.map((s) => s.outcome));
    const requested = (run: ScenarioExecution) =>
      run.steps[1]?.calls[0]?.values['parameter(f1,medical,1,bob)'];
    expect(requested(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(requested(b)).toMatch(/^[0-9a-f]{16}$/);
    expect(requested(b)).not.toBe(requested(a));
  });

  it('measures every call and sums them per step', () => {
    const scenario = bundled('paper-upload-share-download.yaml');
    const run = executeScenario(scenario, seedOf(scenario));
    for (const step of run.steps) {
      expect(step.calls.length).toBeGreaterThan(0);
      for (const call of step.calls) expect(call.ms).toBeGreaterThanOrEqual(0);
      expect(step.ms).toBeCloseTo(
        step.calls.reduce((sum, call) => sum + call.ms, 0),
        9,
      );
    }
  });
});
