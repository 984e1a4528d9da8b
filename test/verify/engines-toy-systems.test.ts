import { describe, expect, it } from 'vitest';
import { bmc } from '../../src/verify/bmc.ts';
import { chc } from '../../src/verify/chc.ts';
import { holds, replay } from '../../src/verify/interpreter.ts';
import { kInduction } from '../../src/verify/k-induction.ts';
import type { Property, TransitionSystem } from '../../src/verify/transition-system.ts';
import type { Verdict, Violated } from '../../src/verify/verdict.ts';
import {
  counter,
  counterAtMost3,
  counterAtMost5,
  guardedJump,
  lockstep,
  lockstepBounded,
  mutex,
  mutualExclusion,
  staysAtZero,
} from './toy-systems.ts';

/** Generous: a loaded CI machine must not turn an expected verdict into a timeout. */
const timeoutMs = 60_000;

function expectViolated(v: Verdict): Violated {
  if (v.kind !== 'violated') throw new Error(`expected violated, got ${JSON.stringify(v)}`);
  return v;
}

/** The trace replays through the interpreter and ends in a state violating the property. */
function expectReplayableViolation(ts: TransitionSystem, property: Property, v: Violated): void {
  const r = replay(ts, v.initial, v.trace);
  if (r.kind !== 'replayed') throw new Error(`trace does not replay: ${JSON.stringify(r)}`);
  expect(holds(property.formula, r.states.at(-1)!)).toBe(false);
  expect(r.states.slice(0, -1).every((s) => holds(property.formula, s))).toBe(true);
}

describe('bounded counter (x from 0, x := x + 1 while x < 5)', () => {
  it('x ≤ 5 is proved by CHC with a certified invariant mentioning x', async () => {
    const v = await chc(counter, counterAtMost5, { timeoutMs });
    expect(v).toMatchObject({ kind: 'proved', engine: 'chc' });
    expect(v.kind === 'proved' && v.invariant).toMatch(/\bx\b/);
  });

  it('x ≤ 5 is 1-inductive', async () => {
    expect(await kInduction(counter, counterAtMost5, { maxK: 5, timeoutMs })).toMatchObject({
      kind: 'proved',
      engine: 'kind',
      invariant: 'x-le-5 is k-inductive for k=1',
    });
  });

  it('x ≤ 5 is only "no violation up to depth 8" for BMC, never proved', async () => {
    expect(await bmc(counter, counterAtMost5, { depth: 8, timeoutMs })).toMatchObject({
      kind: 'unknown',
      engine: 'bmc',
      reason: 'bound-reached',
      detail: 'no violation up to depth 8',
    });
  });

  it('x ≤ 3 is violated by BMC with a trace of exactly 4 increments', async () => {
    const v = expectViolated(await bmc(counter, counterAtMost3, { depth: 10, timeoutMs }));
    expect(v.engine).toBe('bmc');
    expect(v.initial).toEqual({ x: 0 });
    expect(v.trace).toEqual([1, 2, 3, 4].map((x) => ({ transition: 'inc', params: {}, state: { x } })));
    expectReplayableViolation(counter, counterAtMost3, v);
  });

  it('x ≤ 3 is violated by CHC, with the same shortest trace rebuilt', async () => {
    const v = expectViolated(await chc(counter, counterAtMost3, { timeoutMs }));
    expect(v.engine).toBe('chc');
    expect(v.trace.map((s) => s.state)).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }]);
  });

  it('x ≤ 3 is violated by k-induction (its base case)', async () => {
    const v = expectViolated(await kInduction(counter, counterAtMost3, { maxK: 10, timeoutMs }));
    expect(v.trace).toHaveLength(4);
  });
});

describe('two-process mutex with a lock flag', () => {
  it('mutual exclusion is proved by CHC', async () => {
    expect(await chc(mutex(), mutualExclusion, { timeoutMs })).toMatchObject({
      kind: 'proved',
      engine: 'chc',
    });
  });

  it('mutual exclusion is 3-inductive under simple paths (and not less)', async () => {
    expect(await kInduction(mutex(), mutualExclusion, { maxK: 8, timeoutMs })).toMatchObject({
      kind: 'proved',
      invariant: 'mutual-exclusion is k-inductive for k=3',
    });
    expect(await kInduction(mutex(), mutualExclusion, { maxK: 2, timeoutMs })).toMatchObject({
      kind: 'unknown',
      reason: 'bound-reached',
      detail: 'no violation up to depth 1; not k-inductive for any k ≤ 2',
    });
  });

  it('with the lock check dropped, BMC finds a 4-step attack that replays in the interpreter', async () => {
    const broken = mutex(true);
    const v = expectViolated(await bmc(broken, mutualExclusion, { depth: 10, timeoutMs }));
    expect(v.trace.map((s) => s.transition).sort()).toEqual(['enter', 'enter', 'request', 'request']);
    expect(new Set(v.trace.map((s) => s.params.p))).toEqual(new Set([0, 1]));
    expectReplayableViolation(broken, mutualExclusion, v);
  });

  it('with the lock check dropped, CHC and k-induction report the violation with replayable traces', async () => {
    const broken = mutex(true);
    for (const v of [
      await chc(broken, mutualExclusion, { timeoutMs }),
      await kInduction(broken, mutualExclusion, { maxK: 8, timeoutMs }),
    ]) {
      const violated = expectViolated(v);
      expect(violated.trace).toHaveLength(4);
      expectReplayableViolation(broken, mutualExclusion, violated);
    }
  });
});

describe('a true property that is not 1-inductive (y ≤ 8 while x and y count together)', () => {
  it('k-induction with k = 1 does not prove it: bound reached, not proved', async () => {
    expect(await kInduction(lockstep, lockstepBounded, { maxK: 1, timeoutMs })).toEqual(
      expect.objectContaining({
        kind: 'unknown',
        reason: 'bound-reached',
        detail: 'no violation up to depth 0; not k-inductive for any k ≤ 1',
      }),
    );
  });

  it('k-induction proves it at k = 9, the longest simple path into a violation plus one', async () => {
    expect(await kInduction(lockstep, lockstepBounded, { maxK: 12, timeoutMs })).toMatchObject({
      kind: 'proved',
      invariant: 'y-le-8 is k-inductive for k=9',
    });
  });

  it('CHC proves it by finding the strengthening itself', async () => {
    const v = await chc(lockstep, lockstepBounded, { timeoutMs });
    expect(v).toMatchObject({ kind: 'proved', engine: 'chc' });
    expect(v.kind === 'proved' && v.invariant).toMatch(/\bx\b.*\by\b|\by\b.*\bx\b/);
  });
});

describe('parameters range over their sorts only', () => {
  it('a transition enabled only by an out-of-sort parameter never fires, for every engine', async () => {
    expect(await chc(guardedJump, staysAtZero, { timeoutMs })).toMatchObject({ kind: 'proved' });
    expect(await kInduction(guardedJump, staysAtZero, { maxK: 3, timeoutMs })).toMatchObject({
      kind: 'proved',
      invariant: 'x-eq-0 is k-inductive for k=1',
    });
    expect(await bmc(guardedJump, staysAtZero, { depth: 3, timeoutMs })).toMatchObject({
      reason: 'bound-reached',
    });
  });
});

describe('argument checks', () => {
  it('rejects a negative depth, k = 0 and a non-positive timeout before loading Z3', async () => {
    await expect(bmc(counter, counterAtMost5, { depth: -1, timeoutMs })).rejects.toThrow(
      'depth must be an integer ≥ 0, got -1',
    );
    await expect(kInduction(counter, counterAtMost5, { maxK: 0, timeoutMs })).rejects.toThrow(
      'maxK must be an integer ≥ 1, got 0',
    );
    await expect(chc(counter, counterAtMost5, { timeoutMs: 0 })).rejects.toThrow(
      /timeoutMs must be a positive number/,
    );
  });
});
