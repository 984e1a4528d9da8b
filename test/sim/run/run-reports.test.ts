/**
 * What a run reports: each step's outcome against its expectation, the `--json` object, the trace
 * lines (one per firing, numbered, each naming its scenario, file and seed), the readable summary
 * with the failing step's file and line, and where the seed came from.
 */
import { describe, expect, it } from 'vitest';
import {
  formatRun,
  resolveSeed,
  runJson,
  runScenario,
  seedText,
  traceLines,
  traceText,
} from '../../../src/sim/run/index.ts';
import { parseScenario, type Scenario, scenarioOrThrow } from '../../../src/sim/scenario/index.ts';

const WRONG = `name: wrong-expectation
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

const load = (text: string, source: string): Scenario => scenarioOrThrow(parseScenario(text, source));

describe('run reports', () => {
  const scenario = load(WRONG, 'wrong.yaml');
  const run = runScenario(scenario, { seed: 'report-seed' });

  it('judge each step on the protocol’s outcome and fail the run on the wrong expectation only', () => {
    expect(run.divergence).toBeUndefined();
    expect(run.steps.map((s) => [s.index, s.line, s.op, s.outcome, s.reason, s.expected, s.ok])).toEqual([
      [0, 10, 'upload', 'ok', undefined, undefined, true],
      [1, 11, 'request', 'granted', undefined, 'granted', true],
      [2, 13, 'request', 'denied', 'not-in-acl', 'granted', false],
      [3, 15, 'decrypt', 'ok', undefined, 'ok', true],
    ]);
    expect(run.passed).toBe(false);
  });

  it('print the failing step with its file and line, expected and got, in the summary', () => {
    const text = formatRun(run, 'option', 0.5);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      `FAIL wrong.yaml (wrong-expectation): 4 steps, ${run.steps.reduce((n, s) => n + s.firings.length, 0)} firings, seed report-seed (from --seed), 0.50 s`,
    );
    expect(lines[1]).toMatch(
      /^ {2}step 2 request \(wrong\.yaml:13\): expected granted, got denied \(not-in-acl\): .+$/,
    );
    expect(lines).toHaveLength(3);
  });

  it('give the --json object the issue names, expected null where a step expects nothing', () => {
    const json = runJson(run);
    expect(Object.keys(json)).toEqual(['scenario', 'source', 'passed', 'seed', 'variant', 'steps']);
    expect(json).toMatchObject({ scenario: 'wrong-expectation', passed: false, seed: 'report-seed' });
    expect(json.steps[0]).toMatchObject({ index: 0, op: 'upload', outcome: 'ok', expected: null, ok: true });
    expect(json.steps[2]).toMatchObject({
      op: 'request',
      outcome: 'denied',
      reason: 'not-in-acl',
      ok: false,
    });
    expect(json.steps[2]?.transitions).toEqual(['D_R_F', 'Log_refusal']);
    expect(json.steps[1]?.transitions).toEqual(['D_R_S/bob']);
    for (const step of json.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('number the trace’s firings from 0, each line naming its scenario, file and seed', () => {
    const lines = traceLines(run);
    expect(lines.map((l) => l.index)).toEqual(lines.map((_, i) => i));
    expect(lines.every((l) => l.scenario === 'wrong-expectation' && l.source === 'wrong.yaml')).toBe(true);
    expect(lines.every((l) => l.seed === 'report-seed')).toBe(true);
    const refusal = lines.find((l) => l.transition === 'D_R_F');
    expect(refusal).toMatchObject({
      step: 2,
      actor: 'carol',
      outcome: 'denied',
      reason: 'not-in-acl',
      call: 'request',
    });
    const bookkeeping = lines.find((l) => l.transition === 'Log_refusal');
    expect(bookkeeping).toMatchObject({ step: 2, outcome: 'ok', ms: 0 });
    expect(bookkeeping?.call).toBeUndefined();
    const granted = lines.find((l) => l.transition === 'D_R_S/bob');
    expect(granted).toMatchObject({ step: 1, actor: 'bob', outcome: 'granted', call: 'request' });
    expect(granted?.binding).toMatch(/^D_R_S pu=\(principal=bob, role=doctor/);
    expect(granted?.simulatedTime).toBe(scenario.start);
    const text = traceText(lines);
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l)),
    ).toEqual(lines);
  });

  it('take the scenario’s seed, else the option, else the drawn one, and say which', () => {
    const seeded = load(`${WRONG}seed: 7\n`, 'seeded.yaml');
    expect(resolveSeed(seeded, 'opt', 'drawn')).toEqual({ seed: '7', origin: 'scenario' });
    expect(resolveSeed(scenario, 'opt', 'drawn')).toEqual({ seed: 'opt', origin: 'option' });
    expect(resolveSeed(scenario, undefined, '123')).toEqual({ seed: '123', origin: 'drawn' });
    expect(seedText('123', 'drawn')).toBe('seed 123 (drawn; replay with --seed 123)');
  });

  it('replay the same protocol values and firings with the same seed', () => {
    const again = runScenario(scenario, { seed: 'report-seed' });
    const strip = (r: typeof run) => traceLines(r).map(({ ms: _, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(run));
    const other = runScenario(scenario, { seed: 'another-seed' });
    expect(strip(other).map((l) => l.transition)).toEqual(strip(run).map((l) => l.transition));
    expect(strip(other).map((l) => l.binding)).not.toEqual(strip(run).map((l) => l.binding));
  });
});
