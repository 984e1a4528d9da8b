/**
 * Reading a trace file back so the stepper can replay the run it records. Each trace line names
 * its scenario, the file it came from and the seed, so a trace alone says how to rerun it; the
 * replay is then compared firing by firing with the trace, and a difference (the file was edited
 * since, or the code changed) is reported rather than hidden.
 */
import { z } from 'zod';
import type { ScenarioRun } from './run-scenario.ts';

/** One scenario's part of a trace. */
export interface TracedRun {
  readonly scenario: string;
  readonly source: string;
  readonly seed: string;
  /** The transitions it fired, in order. */
  readonly transitions: readonly string[];
}

/** The scenarios of a trace in the order they ran, or what is wrong with the file. */
export type TraceParse =
  | { readonly kind: 'ok'; readonly runs: readonly TracedRun[] }
  | { readonly kind: 'invalid'; readonly message: string };

const lineSchema = z.looseObject({
  scenario: z.string().min(1),
  source: z.string().min(1),
  seed: z.string(),
  index: z.number().int().nonnegative(),
  transition: z.string().min(1),
});

/** Parses the JSON Lines of a trace file (`file` names it in messages). */
export function parseTrace(text: string, file: string): TraceParse {
  const runs: { scenario: string; source: string; seed: string; transitions: string[] }[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { kind: 'invalid', message: `${file}:${i + 1}: not JSON: ${(error as Error).message}` };
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      return {
        kind: 'invalid',
        message: `${file}:${i + 1}: not a trace line: ${where === '' ? '' : `${where}: `}${issue?.message ?? 'invalid'}`,
      };
    }
    const { scenario, source, seed, transition } = parsed.data;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.scenario === scenario && last.source === source && last.seed === seed) {
      last.transitions.push(transition);
    } else {
      runs.push({ scenario, source, seed, transitions: [transition] });
    }
  }
  if (runs.length === 0) return { kind: 'invalid', message: `${file}: the trace holds no firing` };
  return { kind: 'ok', runs };
}

/** Where a replay first differs from its trace, as a sentence; undefined when they agree. */
export function replayMismatch(traced: TracedRun, run: ScenarioRun): string | undefined {
  const replayed = run.steps.flatMap((s) => s.transitions);
  const n = Math.max(traced.transitions.length, replayed.length);
  for (let i = 0; i < n; i++) {
    const t = traced.transitions[i];
    const r = replayed[i];
    if (t !== r) {
      return `firing ${i + 1}: the trace has ${t ?? 'nothing'}, the replay of ${traced.source} has ${r ?? 'nothing'}`;
    }
  }
  return undefined;
}
