/**
 * The readable summary `sesphr run` prints: one line per scenario (pass or fail, its size, the
 * seed and where it came from), then every failing step with its file and line, what it expected
 * and what it got, and the divergence if the conformance check found one; last, the totals.
 */
import { describeDivergence } from './divergence.ts';
import type { ScenarioRun } from './run-scenario.ts';
import type { SeedOrigin } from './run-seed.ts';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The seed and how to reproduce the run with it. */
export function seedText(seed: string, origin: SeedOrigin): string {
  switch (origin) {
    case 'scenario':
      return `seed ${seed}`;
    case 'option':
      return `seed ${seed} (from --seed)`;
    case 'drawn':
      return `seed ${seed} (drawn; replay with --seed ${seed})`;
    default: {
      const never: never = origin;
      return never;
    }
  }
}

const firingCount = (run: ScenarioRun) => run.steps.reduce((n, s) => n + s.firings.length, 0);

/** One scenario's lines: the verdict line, then a line per problem. */
export function formatRun(run: ScenarioRun, origin: SeedOrigin, seconds: number): string {
  const { scenario } = run;
  const total = scenario.steps.length;
  const head =
    `${run.passed ? 'PASS' : 'FAIL'} ${scenario.source} (${scenario.name}): ` +
    `${plural(total, 'step')}, ${plural(firingCount(run), 'firing')}, ${seedText(run.seed, origin)}, ` +
    `${seconds.toFixed(2)} s`;
  const lines = [head];
  for (const s of run.steps) {
    if (s.ok) continue;
    const got = s.reason === undefined ? s.outcome : `${s.outcome} (${s.reason})`;
    lines.push(
      `  step ${s.index} ${s.op} (${scenario.source}:${s.line}): expected ${s.expected}, got ${got}: ${s.detail}`,
    );
  }
  const d = run.divergence;
  if (d !== undefined) {
    lines.push(`  conformance: ${describeDivergence(d, scenario.source)}`);
    if (run.steps.length < total) {
      lines.push(`  stopped there: ${plural(total - run.steps.length, 'step')} not run`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The closing line: how many passed, how much ran, how long it took. */
export function formatTotals(runs: readonly ScenarioRun[], seconds: number): string {
  const passed = runs.filter((r) => r.passed).length;
  const steps = runs.reduce((n, r) => n + r.steps.length, 0);
  const firings = runs.reduce((n, r) => n + firingCount(r), 0);
  const protocolMs = runs.reduce((n, r) => n + r.steps.reduce((m, s) => m + s.ms, 0), 0);
  return (
    `${plural(runs.length, 'scenario')}: ${passed} passed, ${runs.length - passed} failed ` +
    `(${plural(steps, 'step')}, ${plural(firings, 'firing')}; protocol calls ${(protocolMs / 1000).toFixed(2)} s, ` +
    `total ${seconds.toFixed(2)} s)\n`
  );
}
