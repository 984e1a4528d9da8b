import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIrError } from '../../src/verify/errors.ts';
import { add, constant, ite, lt, param, sub, variable } from '../../src/verify/expr.ts';
import { evaluate, initialStates, replay, step, successors } from '../../src/verify/interpreter.ts';
import { intSort, sortContains, sortValues } from '../../src/verify/sort.ts';
import type { TransitionSystem } from '../../src/verify/transition-system.ts';
import { explore } from './explicit-search.ts';
import {
  counter,
  counterAtMost3,
  counterAtMost5,
  lockstep,
  lockstepBounded,
  mutex,
  mutualExclusion,
} from './toy-systems.ts';

const idle = { pc0: 'idle', pc1: 'idle', lock: false };

describe('evaluate', () => {
  it('computes with state variables and parameters', () => {
    const e = ite(
      lt(variable('x'), param('p')),
      add(variable('x'), constant(1)),
      sub(param('p'), constant(1)),
    );
    expect(evaluate(e, { x: 2 }, { p: 5 })).toBe(3);
    expect(evaluate(e, { x: 7 }, { p: 5 })).toBe(4);
  });

  it('throws an IrError for an unbound name and for overflow', () => {
    expect(() => evaluate(variable('z'), { x: 1 })).toThrow('evaluation: state has no variable z');
    expect(() => evaluate(param('p'), { x: 1 })).toThrow('evaluation: no value for parameter p');
    expect(() => evaluate(add(variable('x'), constant(1)), { x: Number.MAX_SAFE_INTEGER })).toThrow(
      /integer overflow/,
    );
  });
});

describe('step', () => {
  it('fires an enabled transition, keeping the unchanged variables (frame)', () => {
    expect(step(counter, { x: 4 }, 'inc', {})).toEqual({ kind: 'fired', state: { x: 5 } });
    expect(step(mutex(), idle, 'request', { p: 1 })).toEqual({
      kind: 'fired',
      state: { pc0: 'idle', pc1: 'waiting', lock: false },
    });
  });

  it('reports a false guard and an update leaving its sort as not enabled', () => {
    expect(step(counter, { x: 5 }, 'inc', {})).toEqual({ kind: 'guard-false' });
    const tight: TransitionSystem = { ...counter, vars: [{ name: 'x', sort: intSort(0, 2) }] };
    expect(step(tight, { x: 2 }, 'inc', {})).toEqual({ kind: 'out-of-range', variable: 'x', value: 3 });
  });

  it.each([
    [
      'an unknown transition',
      () => step(counter, { x: 0 }, 'dec', {}),
      'system counter: no transition named "dec"',
    ],
    [
      'a missing parameter',
      () => step(mutex(), idle, 'request', {}),
      /parameter p must be a value of its sort, got undefined/,
    ],
    [
      'a parameter outside its sort',
      () => step(mutex(), idle, 'request', { p: 2 }),
      /parameter p must be a value/,
    ],
    [
      'an extra parameter',
      () => step(counter, { x: 0 }, 'inc', { p: 1 }),
      'transition "inc": unknown parameters: p',
    ],
    [
      'a state outside its sort',
      () => step(counter, { x: 11 }, 'inc', {}),
      /state variable x must be a value/,
    ],
  ])('throws an IrError for %s', (_name, f, message) => {
    expect(f).toThrow(message);
    try {
      f();
    } catch (e) {
      expect(isIrError(e)).toBe(true);
    }
  });

  it('agrees with the guard and keeps every result within the sorts (mutex, all states and bindings)', () => {
    const ts = mutex();
    const phase = sortValues(ts.vars[0]!.sort);
    fc.assert(
      fc.property(
        fc.constantFrom(...phase),
        fc.constantFrom(...phase),
        fc.boolean(),
        fc.constantFrom(...ts.transitions),
        fc.constantFrom(0, 1),
        (pc0, pc1, lock, t, p) => {
          const state = { pc0, pc1, lock };
          const r = step(ts, state, t.name, { p });
          expect(r.kind === 'fired').toBe(evaluate(t.guard, state, { p }) === true);
          if (r.kind !== 'fired') return;
          for (const v of ts.vars) {
            expect(sortContains(v.sort, r.state[v.name]!)).toBe(true);
            if (t.updates[v.name] === undefined)
              expect(r.state[v.name]).toBe(state[v.name as keyof typeof state]);
          }
        },
      ),
      { seed: 20_240_605, numRuns: 300 },
    );
  });
});

describe('state enumeration', () => {
  it('finds the initial states and the successors', () => {
    expect(initialStates(mutex())).toEqual([idle]);
    expect(successors(mutex(), idle).map((s) => `${s.transition}(${s.params.p})`)).toEqual([
      'request(0)',
      'request(1)',
    ]);
    expect(initialStates({ ...counter, init: lt(variable('x'), constant(3)) })).toEqual([
      { x: 0 },
      { x: 1 },
      { x: 2 },
    ]);
  });

  it('refuses to enumerate more candidates than the limit', () => {
    expect(() => initialStates(lockstep, 100)).toThrow(
      'system lockstep: 121 candidate states exceed the limit 100',
    );
  });

  it('pins the reachable-state counts of the toy systems', () => {
    expect(explore(counter, counterAtMost5)).toEqual({ reachable: 6, violation: null });
    expect(explore(lockstep, lockstepBounded)).toEqual({ reachable: 9, violation: null });
    expect(explore(mutex(), mutualExclusion)).toEqual({ reachable: 8, violation: null });
    const broken = explore(mutex(true), mutualExclusion);
    expect(broken.reachable).toBe(13);
    expect(broken.violation?.trace.length).toBe(4);
    expect(explore(counter, counterAtMost3).violation?.trace.map((s) => s.state.x)).toEqual([1, 2, 3, 4]);
  });
});

describe('replay', () => {
  const trace = [
    { transition: 'inc', params: {}, state: { x: 1 } },
    { transition: 'inc', params: {}, state: { x: 2 } },
  ];

  it('replays a faithful trace and returns every state', () => {
    expect(replay(counter, { x: 0 }, trace)).toEqual({
      kind: 'replayed',
      states: [{ x: 0 }, { x: 1 }, { x: 2 }],
    });
  });

  it('points at the first step that differs', () => {
    expect(replay(counter, { x: 1 }, trace)).toEqual({
      kind: 'diverged',
      step: -1,
      reason: 'the initial state does not satisfy init',
    });
    expect(replay(counter, { x: 0 }, [trace[0]!, { ...trace[1]!, state: { x: 3 } }])).toEqual({
      kind: 'diverged',
      step: 1,
      reason: 'the recorded state differs in x',
    });
    const atFive = Array.from({ length: 6 }, (_, i) => ({
      transition: 'inc',
      params: {},
      state: { x: i + 1 },
    }));
    expect(replay(counter, { x: 0 }, atFive)).toEqual({
      kind: 'diverged',
      step: 5,
      reason: 'inc is not enabled (guard-false)',
    });
  });
});
