import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explorePt,
  isPtExploreError,
  type PtExploreResult,
  type PtProgress,
} from '../../src/model/pt-explore.ts';
import { definePtNet, type PtArc, type PtNet } from '../../src/model/pt-net.ts';
import { ptNetArbitrary } from './pt-net-arbitrary.ts';

/** Builds a net from place initial counts and transitions written as [pre, post] arc lists. */
const net = (initial: readonly number[], transitions: readonly (readonly [PtArc[], PtArc[]])[]): PtNet =>
  definePtNet({
    name: 'test',
    places: initial.map((count, index) => ({ id: `p${index}`, name: `p${index}`, initial: count })),
    transitions: transitions.map(([pre, post], index) => ({ id: `t${index}`, name: `t${index}`, pre, post })),
  });

/**
 * The textbook breadth-first search, markings as arrays keyed by strings: slow and obviously right.
 * It stops like `explorePt` when a new marking would exceed `maxStates`.
 */
const referenceExplore = (pt: PtNet, maxStates: number): PtExploreResult => {
  const start = pt.places.map((place) => place.initial);
  const seen = new Set([start.join(',')]);
  const queue = [start];
  let edges = 0;
  let deadlock = false;
  let maxTokensInPlace = Math.max(0, ...start);
  let maxTokensPerMarking = start.reduce((a, b) => a + b, 0);
  for (let head = 0; head < queue.length; head++) {
    const marking = queue[head]!;
    const enabled = pt.transitions.filter((t) => t.pre.every(([place, weight]) => marking[place]! >= weight));
    for (const t of enabled) {
      const next = [...marking];
      for (const [place, weight] of t.pre) next[place]! -= weight;
      for (const [place, weight] of t.post) next[place]! += weight;
      const key = next.join(',');
      if (seen.has(key)) continue;
      if (seen.size >= maxStates) {
        return {
          states: seen.size,
          edges,
          deadlock,
          maxTokensInPlace,
          maxTokensPerMarking,
          complete: false,
          stoppedBy: 'max-states',
        };
      }
      seen.add(key);
      queue.push(next);
      maxTokensInPlace = Math.max(maxTokensInPlace, ...next);
      maxTokensPerMarking = Math.max(
        maxTokensPerMarking,
        next.reduce((a, b) => a + b, 0),
      );
    }
    edges += enabled.length;
    if (enabled.length === 0) deadlock = true;
  }
  return { states: seen.size, edges, deadlock, maxTokensInPlace, maxTokensPerMarking, complete: true };
};

describe('explorePt on nets whose state space is known by hand', () => {
  it('a token cycling between two places: 2 states, 2 edges, no deadlock', () => {
    const cycle = net(
      [1, 0],
      [
        [[[0, 1]], [[1, 1]]],
        [[[1, 1]], [[0, 1]]],
      ],
    );
    expect(explorePt(cycle)).toEqual({
      states: 1 + 1,
      edges: 2,
      deadlock: false,
      maxTokensInPlace: 1,
      maxTokensPerMarking: 1,
      complete: true,
    });
  });

  it('a net without transitions has one state and it is a deadlock', () => {
    expect(explorePt(net([3], []))).toEqual({
      states: 1,
      edges: 0,
      deadlock: true,
      maxTokensInPlace: 3,
      maxTokensPerMarking: 3,
      complete: true,
    });
  });

  it('a net without places has one (empty) marking; a transition without arcs loops on it', () => {
    expect(explorePt(net([], [[[], []]]))).toEqual({
      states: 1,
      edges: 1,
      deadlock: false,
      maxTokensInPlace: 0,
      maxTokensPerMarking: 0,
      complete: true,
    });
  });

  it('ten feeders into a sink behind 40 idle places: 2^10 states over two words, widened from 1 to 4 bits', () => {
    const feeders = Array.from({ length: 10 }, (_, i): [PtArc[], PtArc[]] => [[[40 + i, 1]], [[50, 1]]]);
    const initial = [...Array<number>(40).fill(0), ...Array<number>(10).fill(1), 0];
    expect(explorePt(net(initial, feeders))).toEqual({
      states: 2 ** 10,
      edges: 10 * 2 ** 9,
      deadlock: true,
      maxTokensInPlace: 10,
      maxTokensPerMarking: 10,
      complete: true,
    });
  });

  it('weighted arcs: 1000 tokens moved 7 at a time', () => {
    // 142 firings move 994 tokens; states are 0..142 firings, each but the last enables the move.
    expect(explorePt(net([1000, 0], [[[[0, 7]], [[1, 7]]]]))).toEqual({
      states: 143,
      edges: 142,
      deadlock: true,
      maxTokensInPlace: 1000,
      maxTokensPerMarking: 1000,
      complete: true,
    });
  });

  it('holds counts up to 2^31 - 1 in a place', () => {
    const max = 0x7fff_ffff;
    expect(explorePt(net([max, 0], [[[[0, max]], [[1, max]]]]))).toEqual({
      states: 2,
      edges: 1,
      deadlock: true,
      maxTokensInPlace: max,
      maxTokensPerMarking: max,
      complete: true,
    });
  });

  it('refuses (naming the place) a count past 2^31 - 1', () => {
    const overflow = () => explorePt(net([0x7fff_ffff], [[[], [[0, 1]]]]));
    expect(overflow).toThrow(/place 'p0' would hold 2147483648 tokens/);
    expect(isPtExploreError(catchError(overflow))).toBe(true);
  });
});

const catchError = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('explorePt limits and progress', () => {
  const generator = net([0], [[[], [[0, 1]]]]);

  it('stops at maxStates and says so; the figures cover the markings expanded before the stop', () => {
    expect(explorePt(generator, { maxStates: 10 })).toEqual({
      states: 10,
      edges: 9,
      deadlock: false,
      maxTokensInPlace: 9,
      maxTokensPerMarking: 9,
      complete: false,
      stoppedBy: 'max-states',
    });
  });

  it('a limit equal to the state count is not a cut-off', () => {
    const cycle = net(
      [1, 0],
      [
        [[[0, 1]], [[1, 1]]],
        [[[1, 1]], [[0, 1]]],
      ],
    );
    expect(explorePt(cycle, { maxStates: 2 })).toMatchObject({ states: 2, complete: true });
  });

  it.each([0, -3, 1.5, Number.NaN])('rejects maxStates %s', (maxStates) => {
    expect(() => explorePt(generator, { maxStates })).toThrow(/maxStates must be a positive integer/);
  });

  it('reports progress on the clock it is given, at most once per 250 ms', () => {
    let clock = 0;
    const reports: PtProgress[] = [];
    explorePt(generator, {
      maxStates: 5000,
      now: () => {
        clock += 100;
        return clock;
      },
      onProgress: (progress) => reports.push(progress),
    });
    // The start reads the clock (100); progress is looked at every 1024 expanded markings (heads 0,
    // 1024, ..., 4096 read 200, 300, ...), so only head 2048 (400) is 250 ms after the last report.
    expect(reports).toEqual([{ states: 2049, edges: 2048, frontier: 1, seconds: 0.3 }]);
  });
});

describe('explorePt agrees with a textbook breadth-first search', () => {
  const agree = (pt: PtNet): void => {
    const fast = explorePt(pt, { maxStates: 1000 });
    const reference = referenceExplore(pt, 1000);
    expect(fast.complete).toBe(reference.complete);
    // Past the limit the two may store different markings (their successor orders differ).
    if (reference.complete) expect(fast).toEqual(reference);
    else expect(fast.states).toBe(1000);
  };

  it('on random small nets, bounded or not', () => {
    fc.assert(fc.property(ptNetArbitrary(), agree), { seed: 20_240_517, numRuns: 200 });
  });

  it('on random conservative nets (finite, larger state spaces)', () => {
    fc.assert(
      fc.property(
        ptNetArbitrary({ conservative: true, maxPlaces: 6, maxInitial: 4, maxTransitions: 8 }),
        agree,
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('on random nets with heavy weights and counts, which force the packing to widen', () => {
    fc.assert(
      fc.property(ptNetArbitrary({ conservative: true, maxPlaces: 4, maxWeight: 30, maxInitial: 60 }), agree),
      { seed: 6, numRuns: 150 },
    );
    fc.assert(fc.property(ptNetArbitrary({ maxWeight: 40, maxInitial: 100, maxPlaces: 4 }), agree), {
      seed: 77,
      numRuns: 100,
    });
  });
});
