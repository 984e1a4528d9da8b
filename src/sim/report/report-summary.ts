/**
 * The top of the page in numbers: how many scenarios passed, how many properties came out as the
 * SPEC expects, the benchmark's headline figures, the seeds, and which stages failed; and the
 * one-line verdict the main job prints at the end. A missing input is never read as a pass.
 */
import { formatRatio } from '../charts/index.ts';
import type { BenchSummary } from './bench-summary.ts';
import { secondsText } from './html-blocks.ts';
import type { InputSection } from './input-section.ts';
import { headlineRows } from './paper-beside-ours.ts';
import type { PropertyRow } from './property-rows.ts';
import type { ScenarioRun } from './run-result.ts';
import type { StageOutcome } from './stage-outcome.ts';

type SectionState = InputSection<unknown>['kind'];

/** A number for the summary, with what it is. */
export interface Headline {
  readonly label: string;
  readonly value: string;
}

/** The summary. */
export interface ReportSummary {
  /** True only when every input is present, every scenario passed, every property is as expected. */
  readonly ok: boolean;
  /** `PASS: …` or `FAIL: …`, everything that decided it on one line. */
  readonly line: string;
  readonly scenarios: Readonly<{
    state: SectionState;
    total: number;
    passed: number;
    failed: readonly string[];
  }>;
  readonly properties: Readonly<{
    state: SectionState;
    /** Properties the verifier reported (P2, tested, is not among them). */
    checked: number;
    asExpected: number;
    unexpected: readonly string[];
    notRun: readonly string[];
    vacuous: readonly string[];
  }>;
  readonly bench: Readonly<{ state: SectionState; mode?: string; seconds?: number }>;
  readonly headlines: readonly Headline[];
  readonly seeds: Readonly<{ scenarios: readonly string[]; bench: string | null }>;
  readonly stages: Readonly<{ total: number; failed: readonly string[] }>;
}

/** The benchmark's headline numbers: each figure's largest shared x, then the comparisons. */
export function benchHeadlines(bench: BenchSummary): readonly Headline[] {
  const figures = bench.figures.flatMap((f) =>
    headlineRows(f).map(
      (r): Headline => ({
        label: `${f.title}${r.quantity === '' ? '' : `: ${r.quantity}`} at ${r.x} ${f.xUnit}`,
        value: `ours ${secondsText(r.ours!.seconds)}, paper ${r.paper!.approximate ? '≈' : ''}${secondsText(r.paper!.seconds)}`,
      }),
    ),
  );
  const ratios = bench.comparisons.flatMap((c): Headline[] =>
    c.oursOverTheirs === undefined
      ? []
      : [{ label: c.what, value: `ours/reference ${formatRatio(c.oursOverTheirs)} (time)` }],
  );
  return Object.freeze([...figures, ...ratios].map((h) => Object.freeze(h)));
}

const listed = (what: string, names: readonly string[]): string =>
  names.length === 0 ? '' : ` (${what}: ${names.join(', ')})`;

const notRead = (what: string, state: SectionState): string =>
  state === 'not-run' ? `${what} not run` : `${what} unreadable`;

/** Summarises the report's parts. */
export function reportSummary(parts: {
  readonly run: InputSection<readonly ScenarioRun[]>;
  readonly verifyState: SectionState;
  readonly properties: readonly PropertyRow[];
  readonly bench: InputSection<BenchSummary>;
  readonly stages: readonly StageOutcome[];
}): ReportSummary {
  const runs = parts.run.kind === 'present' ? parts.run.data : [];
  const failedScenarios = runs.filter((r) => !r.passed).map((r) => r.scenario);
  const checked = parts.properties.filter((p) => p.result !== undefined);
  const unexpected = parts.properties.filter((p) => p.status === 'unexpected').map((p) => p.id);
  const notRun = parts.properties.filter((p) => p.status === 'not-run').map((p) => p.id);
  const vacuous = parts.properties.filter((p) => p.vacuous).map((p) => p.id);
  const bench = parts.bench.kind === 'present' ? parts.bench.data : undefined;
  const failedStages = parts.stages.filter((s) => s.kind !== 'passed').map((s) => s.stage);

  const clauses: string[] = [];
  if (parts.run.kind === 'present') {
    clauses.push(
      `${runs.length - failedScenarios.length} of ${runs.length} scenarios passed${listed('failed', failedScenarios)}`,
    );
  } else clauses.push(notRead('scenarios', parts.run.kind));
  if (parts.verifyState === 'present') {
    clauses.push(
      `${checked.length - unexpected.length} of ${checked.length} properties as the SPEC expects` +
        `${listed('not', unexpected)}${listed('not reported', notRun)}${listed('possibly vacuous', vacuous)}`,
    );
  } else clauses.push(notRead('verification', parts.verifyState));
  if (bench !== undefined) clauses.push(`${bench.mode} benchmark in ${secondsText(bench.seconds)}`);
  else clauses.push(notRead('benchmark', parts.bench.kind));
  if (failedStages.length > 0) clauses.push(`failed stages: ${failedStages.join(', ')}`);

  const ok =
    parts.run.kind === 'present' &&
    runs.length > 0 &&
    failedScenarios.length === 0 &&
    parts.verifyState === 'present' &&
    unexpected.length === 0 &&
    notRun.length === 0 &&
    vacuous.length === 0 &&
    bench !== undefined &&
    failedStages.length === 0;

  return Object.freeze({
    ok,
    line: `${ok ? 'PASS' : 'FAIL'}: ${clauses.join('; ')}`,
    scenarios: Object.freeze({
      state: parts.run.kind,
      total: runs.length,
      passed: runs.length - failedScenarios.length,
      failed: Object.freeze(failedScenarios),
    }),
    properties: Object.freeze({
      state: parts.verifyState,
      checked: checked.length,
      asExpected: checked.length - unexpected.length,
      unexpected: Object.freeze(unexpected),
      notRun: Object.freeze(notRun),
      vacuous: Object.freeze(vacuous),
    }),
    bench: Object.freeze(
      bench === undefined
        ? { state: parts.bench.kind }
        : { state: parts.bench.kind, mode: bench.mode, seconds: bench.seconds },
    ),
    headlines: bench === undefined ? Object.freeze([]) : benchHeadlines(bench),
    seeds: Object.freeze({
      scenarios: Object.freeze([...new Set(runs.flatMap((r) => (r.seed === null ? [] : [r.seed])))]),
      bench: bench?.seed ?? null,
    }),
    stages: Object.freeze({ total: parts.stages.length, failed: Object.freeze(failedStages) }),
  });
}
