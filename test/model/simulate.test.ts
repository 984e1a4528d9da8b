/**
 * Random simulation: seeded and reproducible, stops at deadlock or the step limit, and its trace
 * replays with `fire`.
 */
import { describe, expect, it } from 'vitest';
import { fire, markingKey, simulate } from '../../src/model/index.ts';
import { philosophers } from './philosophers.ts';

describe('simulate', () => {
  const net = philosophers(3, false);

  it('stops at the step limit or at a deadlock, whichever comes first', () => {
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const run = simulate(net, { seed, maxSteps: 12 });
      outcomes.add(run.stoppedBy);
      if (run.stoppedBy === 'max-steps') expect(run.steps).toHaveLength(12);
      else expect(run.steps.length).toBeLessThan(12);
    }
    // The left-first philosophers can deadlock, and need not: both endings occur.
    expect(outcomes).toEqual(new Set(['max-steps', 'deadlock']));
  });

  it('replays with fire, step by step', () => {
    const run = simulate(net, { seed: 7, maxSteps: 30 });
    let m = run.initial;
    for (const step of run.steps) {
      const r = fire(net, m, step.binding);
      if (r.kind !== 'fired') throw new Error(r.reason);
      expect(r.consumed).toEqual(step.consumed);
      expect(r.produced).toEqual(step.produced);
      m = r.marking;
      expect(markingKey(net, m)).toBe(markingKey(net, step.marking));
    }
    expect(markingKey(net, run.final)).toBe(markingKey(net, m));
  });

  it('different seeds can take different paths', () => {
    const traces = new Set(
      Array.from({ length: 10 }, (_, seed) =>
        simulate(net, { seed, maxSteps: 6 })
          .steps.map((s) => markingKey(net, s.marking))
          .join(' '),
      ),
    );
    expect(traces.size).toBeGreaterThan(1);
  });
});
