/**
 * A run's trace cut into one timeline per scenario, in the shape the timeline chart draws
 * (`TimelineFiring`). The trace records each firing's measured duration but not its start: the
 * runner fires one transition after another, so a firing is placed where the previous one of
 * its scenario ended. The bars then show each firing's cost in sequence; the runner's own
 * bookkeeping between firings is not measured and does not appear.
 */
import type { TimelineFiring } from '../charts/index.ts';
import type { TraceRecord } from './trace-record.ts';

/** The records of each scenario, in firing order, keyed by scenario in order of first appearance. */
export function recordsByScenario(
  records: readonly TraceRecord[],
): ReadonlyMap<string, readonly TraceRecord[]> {
  const groups = new Map<string, TraceRecord[]>();
  for (const r of records) {
    const group = groups.get(r.scenario);
    if (group === undefined) groups.set(r.scenario, [r]);
    else group.push(r);
  }
  return new Map(
    [...groups].map(([scenario, rs]) => [scenario, Object.freeze([...rs].sort((a, b) => a.index - b.index))]),
  );
}

/**
 * One scenario's firings as timeline bars: indices renumbered from 0 in firing order, each bar
 * starting where the previous ended. `records` must belong to one scenario.
 */
export function timelineFirings(records: readonly TraceRecord[]): readonly TimelineFiring[] {
  const ordered = [...records].sort((a, b) => a.index - b.index);
  let startMs = 0;
  return Object.freeze(
    ordered.map((r, index): TimelineFiring => {
      const firing = Object.freeze({
        index,
        transition: r.transition,
        actor: r.actor,
        simulatedTime: r.simulatedTime,
        startMs,
        durationMs: r.ms,
        outcome: r.outcome.length === 0 ? 'none' : r.outcome,
      });
      startMs += r.ms;
      return firing;
    }),
  );
}
