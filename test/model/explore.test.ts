/**
 * Exploration: invariant violations come with a shortest path that replays with `fire`; a state
 * limit is reported, never silent; progress is reported at the requested interval.
 */
import { describe, expect, it } from 'vitest';
import {
  countIn,
  explore,
  fire,
  initialMarking,
  type Marking,
  markingKey,
  placeId,
  showBinding,
} from '../../src/model/index.ts';
import { philosophers } from './philosophers.ts';

const eat = placeId('eat');

describe('explore', () => {
  it('returns a shortest path to an invariant violation, and the path replays with fire', () => {
    const net = philosophers(5, false);
    const invariant = { name: 'at most one eats', holds: (m: Marking) => countIn(m, eat) <= 1 };
    const result = explore(net, { invariant });
    expect(result.complete).toBe(false);
    expect(result.stoppedBy).toBe('violation');
    const violation = result.violation!;
    expect(violation.invariant).toBe('at most one eats');
    // Two philosophers need left + right each before both eat: 4 firings, no fewer.
    expect(violation.path).toHaveLength(4);
    let m = initialMarking(net);
    for (const b of violation.path) {
      const r = fire(net, m, b);
      if (r.kind !== 'fired') throw new Error(r.reason);
      m = r.marking;
    }
    expect(markingKey(net, m)).toBe(markingKey(net, violation.marking));
    expect(invariant.holds(m)).toBe(false);
    expect(violation.path.map((b) => showBinding(net, b).split(' ')[0])).toEqual([
      'left',
      'left',
      'right',
      'right',
    ]);
  });

  it('reports a violation of the initial marking with an empty path', () => {
    const net = philosophers(3, true);
    const result = explore(net, { invariant: { name: 'never', holds: () => false } });
    expect(result.violation?.path).toEqual([]);
    expect(result.states).toBe(1);
  });

  it('finds no violation when the invariant holds everywhere, and says so by completing', () => {
    const net = philosophers(5, true);
    const result = explore(net, {
      invariant: { name: 'at most two eat', holds: (m) => countIn(m, eat) <= 2 },
    });
    expect(result).toMatchObject({ states: 11, complete: true });
    expect(result.violation).toBeUndefined();
    expect(result.stoppedBy).toBeUndefined();
  });

  it('stops at maxStates and reports complete=false with stoppedBy', () => {
    const net = philosophers(5, false);
    const cut = explore(net, { maxStates: 10 });
    expect(cut).toMatchObject({ states: 10, complete: false, stoppedBy: 'max-states' });
    // A limit equal to the state count is not hit: nothing lies beyond it.
    expect(explore(philosophers(3, false), { maxStates: 14 })).toMatchObject({ states: 14, complete: true });
    expect(explore(philosophers(3, false), { maxStates: 13 })).toMatchObject({ states: 13, complete: false });
  });

  it('calls onProgress no more often than the interval, with growing counts', () => {
    let clock = 0;
    const reports: { at: number; states: number; edges: number; frontier: number }[] = [];
    const result = explore(philosophers(9, false), {
      now: () => {
        clock += 100;
        return clock;
      },
      onProgress: (p) => reports.push({ at: clock, ...p }),
    });
    // Nine philosophers taking the left fork first: the T/H/E assignments sharing no fork (2786,
    // counted by brute force over {T,H,E}^9 outside this code base).
    expect(result.states).toBe(2786);
    expect(reports.length).toBeGreaterThan(0);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.at - reports[i - 1]!.at).toBeGreaterThanOrEqual(250);
      expect(reports[i]!.states).toBeGreaterThanOrEqual(reports[i - 1]!.states);
      expect(reports[i]!.edges).toBeGreaterThan(reports[i - 1]!.edges);
    }
    for (const r of reports) {
      expect(r.states).toBeLessThanOrEqual(result.states);
      expect(r.frontier).toBeGreaterThanOrEqual(0);
    }
  });
});
