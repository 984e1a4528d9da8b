/**
 * What `sesphr run --json` prints: one JSON object per scenario per line. The report reads the
 * file, never the runner's internals, so this is the contract written down once, checked at the
 * boundary and frozen into a value the page can trust.
 */
import { z } from 'zod';
import { type ParseResult, parseJsonLinesWith } from './parse-result.ts';

/** One step of a scenario run. */
export interface RunStep {
  /** The step's position in the scenario, from 0. */
  readonly index: number;
  /** The operation, e.g. `request`. */
  readonly op: string;
  /** The step's line in its scenario file, when the runner says. */
  readonly line?: number;
  /** The outcome word the run produced, e.g. `granted`. */
  readonly outcome: string;
  /** Why a refusal was refused (`not-in-acl` …), when the runner says. */
  readonly reason?: string;
  /** The outcome the scenario expected; null when the step states no expectation. */
  readonly expected: string | null;
  /** False when the outcome differs from the expectation (or the step could not run). */
  readonly ok: boolean;
  /** The net's transitions the step fired, by name, or only how many the runner reported. */
  readonly transitions: readonly string[] | number;
  /** Measured wall-clock duration of the step in milliseconds. */
  readonly ms: number;
}

/** One scenario as the runner reported it. */
export interface ScenarioRun {
  /** The scenario's name (or the file the runner named it by). */
  readonly scenario: string;
  /** The scenario file, when the runner says. */
  readonly source?: string;
  /** The protocol variant the scenario ran (`secure`, `otp-leak` …), when the runner says. */
  readonly variant?: string;
  readonly passed: boolean;
  /** The seed the run used, so it can be replayed; null when the runner did not say. */
  readonly seed: string | null;
  readonly steps: readonly RunStep[];
  /**
   * Where the concrete run and the net parted (the conformance check), as the runner describes
   * it (`{kind, step, line, message}`, or any other form, shown as written); absent when they
   * agreed throughout.
   */
  readonly divergence?: unknown;
}

const stepSchema = z.looseObject({
  index: z.number().int().nonnegative(),
  op: z.string().min(1),
  line: z.number().int().optional(),
  outcome: z.string(),
  reason: z.string().nullable().optional(),
  expected: z.string().nullable().optional(),
  ok: z.boolean(),
  transitions: z.union([z.array(z.string()), z.number().int().nonnegative()]),
  ms: z.number().nonnegative(),
});

const runSchema = z.looseObject({
  scenario: z.string().min(1),
  source: z.string().optional(),
  variant: z.string().optional(),
  passed: z.boolean(),
  seed: z.union([z.string(), z.number()]).nullable().optional(),
  steps: z.array(stepSchema),
  divergence: z.unknown().optional(),
});

function toRun(raw: z.output<typeof runSchema>): ScenarioRun {
  const steps = raw.steps.map(
    (s): RunStep =>
      Object.freeze({
        index: s.index,
        ...(s.line === undefined ? {} : { line: s.line }),
        op: s.op,
        outcome: s.outcome,
        ...(typeof s.reason === 'string' ? { reason: s.reason } : {}),
        expected: s.expected ?? null,
        ok: s.ok,
        transitions: Array.isArray(s.transitions) ? Object.freeze([...s.transitions]) : s.transitions,
        ms: s.ms,
      }),
  );
  const base = {
    scenario: raw.scenario,
    ...(raw.source === undefined ? {} : { source: raw.source }),
    ...(raw.variant === undefined ? {} : { variant: raw.variant }),
    passed: raw.passed,
    seed: raw.seed === undefined || raw.seed === null ? null : String(raw.seed),
    steps: Object.freeze(steps),
  };
  return Object.freeze(
    raw.divergence === undefined || raw.divergence === null ? base : { ...base, divergence: raw.divergence },
  );
}

/** Parses the JSON Lines `sesphr run --json` printed, in the order the scenarios ran. */
export function parseRunResults(text: string): ParseResult<readonly ScenarioRun[]> {
  const parsed = parseJsonLinesWith(text, runSchema);
  return parsed.kind === 'parsed'
    ? { kind: 'parsed', value: Object.freeze(parsed.value.map(toRun)) }
    : parsed;
}
