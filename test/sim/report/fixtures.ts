/**
 * Test data for the report: the committed result files under fixtures/ (a small run, its trace, a
 * verifier output with a counterexample file and an inline one, a real bench.json), and a run of
 * every bundled scenario made up from the scenario files themselves, written in the runner's
 * JSON contract, so the page's coverage follows scenarios/ as it grows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputSection } from '../../../src/sim/report/input-section.ts';
import type { ReportInputs } from '../../../src/sim/report/report-data.ts';
import { BUNDLED } from '../execute/bundled-scenarios.ts';

/** A file under test/sim/report/fixtures/. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A fixture file's text. */
export const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** A fixed machine, so pages made from the same inputs are the same. */
export const MACHINE = Object.freeze({
  cpu: 'Test CPU',
  cores: 2,
  memoryGiB: 4,
  node: 'v20.0.0',
  platform: 'linux x64',
});

/** A fixed date. */
export const DATE = '2026-01-02T03:04:05.000Z';

/** Inputs with nothing present: every section `not-run`. */
export const NOTHING: ReportInputs = Object.freeze<ReportInputs>({
  date: DATE,
  machine: MACHINE,
  run: { kind: 'not-run', source: 'reports/run/results.jsonl' },
  trace: { kind: 'not-run', source: 'reports/run/trace.jsonl' },
  verify: { kind: 'not-run', source: 'reports/verify/verify.json' },
  bench: { kind: 'not-run', source: 'reports/bench/bench.json' },
  counterexamples: new Map(),
  stages: [],
});

/** A present section. */
export const present = <T>(source: string, data: T): InputSection<T> => ({ kind: 'present', source, data });

/** The names of the bundled scenarios, sorted by file. */
export const BUNDLED_NAMES: readonly string[] = BUNDLED.map((b) => b.scenario.name);

/**
 * `sesphr run --json` and `--trace` output for every bundled scenario, each step meeting its
 * expectation in one firing by the step's first principal, a minute apart on the simulated clock.
 */
export function bundledRunFiles(): { readonly results: string; readonly trace: string } {
  const results: string[] = [];
  const trace: string[] = [];
  for (const { scenario } of BUNDLED) {
    const steps = scenario.steps.map((step, index) => ({
      index,
      op: step.op,
      outcome: step.expect ?? 'ok',
      expected: step.expect ?? null,
      ok: true,
      transitions: [`T_${step.op}`],
      ms: 1 + index / 4,
    }));
    results.push(
      JSON.stringify({ scenario: scenario.name, passed: true, seed: String(scenario.seed), steps }),
    );
    steps.forEach((s, index) => {
      trace.push(
        JSON.stringify({
          scenario: scenario.name,
          index,
          step: index,
          transition: `T_${s.op}`,
          binding: `i=${index}`,
          actor: index % 2 === 0 ? 'srs' : 'cloud',
          outcome: s.outcome,
          simulatedTime: scenario.start + 60 * index,
          ms: s.ms,
        }),
      );
    });
  }
  return { results: `${results.join('\n')}\n`, trace: `${trace.join('\n')}\n` };
}
