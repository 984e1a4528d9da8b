/**
 * Everything the page shows, as one JSON-able value: it is written beside the page as
 * index.json for machines, and the page is drawn from it alone. Built purely from the checked
 * inputs (`ReportInputs`), which the I/O shell reads from the result files; the date and the
 * machine are passed in, so the same inputs give the same data.
 */
import type { TimelineFiring } from '../charts/index.ts';
import type { BenchSummary } from './bench-summary.ts';
import type { Counterexample } from './counterexample.ts';
import { type InputSection, type InputStatus, inputStatus, presentData } from './input-section.ts';
import { type PropertyRow, propertyRows } from './property-rows.ts';
import { type ReportSummary, reportSummary } from './report-summary.ts';
import type { ScenarioRun } from './run-result.ts';
import { recordsByScenario, timelineFirings } from './scenario-timelines.ts';
import type { StageOutcome } from './stage-outcome.ts';
import type { TraceRecord } from './trace-record.ts';
import type { VerifyOutput } from './verify-result.ts';

/** The machine the report was made on. */
export interface ReportMachine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

/** What the report is made from. */
export interface ReportInputs {
  /** ISO 8601 instant the report is made at. */
  readonly date: string;
  readonly machine: ReportMachine;
  readonly run: InputSection<readonly ScenarioRun[]>;
  readonly trace: InputSection<readonly TraceRecord[]>;
  readonly verify: InputSection<VerifyOutput>;
  readonly bench: InputSection<BenchSummary>;
  /** Each violation's counterexample scenario, by property id, as the shell could read it. */
  readonly counterexamples: ReadonlyMap<string, Counterexample>;
  /** The main job's stages, in order; empty when the report is made on its own. */
  readonly stages: readonly StageOutcome[];
}

/** One scenario: its result, its firings, and the firings as timeline bars. */
export interface ScenarioEntry {
  readonly name: string;
  /** Null for a scenario the trace has but the results do not (a run cut short). */
  readonly run: ScenarioRun | null;
  readonly trace: readonly TraceRecord[];
  readonly firings: readonly TimelineFiring[];
}

/** The whole report as data (index.json). */
export interface ReportData {
  readonly report: 'sesphr-report';
  /** Bumped when the shape changes, for tools reading index.json. */
  readonly formatVersion: 1;
  readonly date: string;
  readonly machine: ReportMachine;
  readonly inputs: Readonly<{
    run: InputStatus;
    trace: InputStatus;
    verify: InputStatus;
    bench: InputStatus;
  }>;
  readonly stages: readonly StageOutcome[];
  readonly summary: ReportSummary;
  readonly scenarios: readonly ScenarioEntry[];
  readonly verification: Readonly<{
    /** The instance the properties were checked on; null when the verifier did not run. */
    instance: Readonly<Record<string, unknown>> | null;
    properties: readonly PropertyRow[];
  }>;
  readonly bench: BenchSummary | null;
}

function scenarioEntries(
  runs: readonly ScenarioRun[],
  records: readonly TraceRecord[],
): readonly ScenarioEntry[] {
  const traces = recordsByScenario(records);
  const entry = (name: string, run: ScenarioRun | null): ScenarioEntry => {
    const trace = traces.get(name) ?? [];
    return Object.freeze({ name, run, trace, firings: timelineFirings(trace) });
  };
  const named = new Set(runs.map((r) => r.scenario));
  return Object.freeze([
    ...runs.map((r) => entry(r.scenario, r)),
    ...[...traces.keys()].filter((name) => !named.has(name)).map((name) => entry(name, null)),
  ]);
}

/** Combines the inputs into the report's data. */
export function reportData(inputs: ReportInputs): ReportData {
  const verify = presentData(inputs.verify);
  const properties = propertyRows(verify, inputs.counterexamples);
  const bench = presentData(inputs.bench) ?? null;
  return Object.freeze({
    report: 'sesphr-report',
    formatVersion: 1,
    date: inputs.date,
    machine: inputs.machine,
    inputs: Object.freeze({
      run: inputStatus(inputs.run),
      trace: inputStatus(inputs.trace),
      verify: inputStatus(inputs.verify),
      bench: inputStatus(inputs.bench),
    }),
    stages: inputs.stages,
    summary: reportSummary({
      run: inputs.run,
      verifyState: inputs.verify.kind,
      properties,
      bench: inputs.bench,
      stages: inputs.stages,
    }),
    scenarios: scenarioEntries(presentData(inputs.run) ?? [], presentData(inputs.trace) ?? []),
    verification: Object.freeze({ instance: verify?.instance ?? null, properties }),
    bench,
  });
}
