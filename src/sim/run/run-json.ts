/**
 * A run as plain JSON data: the one object per scenario `sesphr run --json` prints (one per line),
 * and the trace's JSON Lines (one firing per line, each naming its scenario, its file and its seed,
 * so a trace file alone is enough to replay the run it records).
 */
import type { DenialReason } from '../../protocol/index.ts';
import type { OperationName, Outcome } from '../scenario/index.ts';
import { divergenceMessage } from './divergence.ts';
import type { ScenarioRun } from './run-scenario.ts';
import type { TraceEvent } from './trace-event.ts';

/** Milliseconds to the microsecond: measured noise below that is meaningless in a report. */
const ms = (x: number) => Math.round(x * 1000) / 1000;

/** One step of the `--json` object. */
export interface StepJson {
  readonly index: number;
  readonly line: number;
  readonly op: OperationName;
  readonly outcome: Outcome;
  readonly reason?: DenialReason;
  /** The step's `expect`, or null when it has none. */
  readonly expected: Outcome | null;
  readonly ok: boolean;
  readonly transitions: readonly string[];
  readonly ms: number;
}

/** The conformance failure of the `--json` object. */
export interface DivergenceJson {
  readonly kind: string;
  /** The step's index, or null for the start state. */
  readonly step: number | null;
  readonly line: number | null;
  readonly message: string;
}

/** The `--json` object of one scenario. */
export interface RunJson {
  readonly scenario: string;
  readonly source: string;
  readonly passed: boolean;
  readonly seed: string;
  readonly variant: string;
  readonly steps: readonly StepJson[];
  readonly divergence?: DivergenceJson;
}

/** The run as its `--json` object. */
export function runJson(run: ScenarioRun): RunJson {
  const d = run.divergence;
  return {
    scenario: run.scenario.name,
    source: run.scenario.source,
    passed: run.passed,
    seed: run.seed,
    variant: run.scenario.variant,
    steps: run.steps.map((s) => ({
      index: s.index,
      line: s.line,
      op: s.op,
      outcome: s.outcome,
      ...(s.reason === undefined ? {} : { reason: s.reason }),
      expected: s.expected ?? null,
      ok: s.ok,
      transitions: s.transitions,
      ms: ms(s.ms),
    })),
    ...(d === undefined
      ? {}
      : {
          divergence: {
            kind: d.kind,
            step: d.at?.index ?? null,
            line: d.at?.line ?? null,
            message: divergenceMessage(d),
          },
        }),
  };
}

/** One line of a trace file: a firing, with the scenario, file and seed it belongs to. */
export interface TraceLine extends TraceEvent {
  readonly scenario: string;
  readonly source: string;
  readonly seed: string;
}

/** Every firing of the run as trace lines. */
export function traceLines(run: ScenarioRun): readonly TraceLine[] {
  return run.steps.flatMap((s) =>
    s.firings.map((f) => ({
      scenario: run.scenario.name,
      source: run.scenario.source,
      seed: run.seed,
      ...f.event,
      ms: ms(f.event.ms),
    })),
  );
}

/** Trace lines as JSON Lines text (one object per line, a final newline). */
export function traceText(lines: readonly TraceLine[]): string {
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
}
