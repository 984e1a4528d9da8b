/**
 * Manual stepping: enabled bindings listed with readable labels, choosing shows the moves, undo
 * returns to the exact earlier marking, bad choices are refused.
 */
import { describe, expect, it } from 'vitest';
import { createStepper, initialMarking, markingOf, showMarking } from '../../src/model/index.ts';
import { philosophers } from './philosophers.ts';

describe('stepper', () => {
  const net = philosophers(3, false);

  it('lists the enabled bindings with labels, in transition then token order', () => {
    const s = createStepper(net);
    expect(s.enabled.map((e) => e.label)).toEqual([
      'left x=(p=0) l=(f=0)',
      'left x=(p=1) l=(f=1)',
      'left x=(p=2) l=(f=2)',
    ]);
    expect(s.history).toEqual([]);
  });

  it('choose fires the binding and records what moved', () => {
    const r = createStepper(net).choose(1);
    if (r.kind !== 'stepped') throw new Error(r.reason);
    expect(r.step.choice.label).toBe('left x=(p=1) l=(f=1)');
    expect(r.step.consumed.map((m) => [m.place, m.token, m.count])).toEqual([
      ['think', { p: 1 }, 1],
      ['fork', { f: 1 }, 1],
    ]);
    expect(r.step.produced.map((m) => [m.place, m.token, m.count])).toEqual([['hungry', { p: 1 }, 1]]);
    expect(showMarking(r.stepper.marking)).toBe('think: (p=0) + (p=2); hungry: (p=1); fork: (f=0) + (f=2)');
    expect(r.stepper.history).toHaveLength(1);
    expect(r.stepper.enabled.map((e) => e.label)).toEqual([
      'left x=(p=0) l=(f=0)',
      'left x=(p=2) l=(f=2)',
      'right x=(p=1) r=(f=2)',
    ]);
  });

  it('undo returns the very marking from before, and stops at the start', () => {
    const start = createStepper(net);
    const one = start.choose(0);
    if (one.kind !== 'stepped') throw new Error(one.reason);
    const two = one.stepper.choose(0);
    if (two.kind !== 'stepped') throw new Error(two.reason);
    const back = two.stepper.undo()!;
    expect(back.marking).toBe(one.stepper.marking);
    expect(back.history).toHaveLength(1);
    const first = back.undo()!;
    expect(first.marking).toBe(start.marking);
    expect(first.undo()).toBeUndefined();
  });

  it('refuses an index outside the list, and says when nothing is enabled', () => {
    expect(createStepper(net).choose(3)).toEqual({
      kind: 'no-such-choice',
      reason: 'choose an index from 0 to 2, not 3',
    });
    const deadlocked = createStepper(net, {
      initial: markingOf(net, { hungry: [{ token: { p: 0 } }, { token: { p: 1 } }, { token: { p: 2 } }] }),
    });
    expect(deadlocked.enabled).toEqual([]);
    expect(deadlocked.choose(0)).toEqual({
      kind: 'no-such-choice',
      reason: 'no binding is enabled (deadlock)',
    });
  });

  it('starts from the initial marking by default', () => {
    expect(createStepper(net).marking).toEqual(initialMarking(net));
  });
});
