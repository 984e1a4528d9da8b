import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chc } from '../../src/verify/chc.ts';
import {
  add,
  and,
  constant,
  type Expr,
  eq,
  ite,
  le,
  lt,
  not,
  or,
  param,
  sub,
  variable,
} from '../../src/verify/expr.ts';
import { holds, replay } from '../../src/verify/interpreter.ts';
import { kInduction } from '../../src/verify/k-induction.ts';
import { boolSort, intSort } from '../../src/verify/sort.ts';
import type { Property, Transition, TransitionSystem } from '../../src/verify/transition-system.ts';
import { validateTransitionSystem } from '../../src/verify/transition-system.ts';
import type { Verdict } from '../../src/verify/verdict.ts';
import { explore } from './explicit-search.ts';

const a = variable('a');
const b = variable('b');
const f = variable('f');

/** Integer terms over a, b and (inside transitions) the parameter q. */
const intTerm = (withParam: boolean): fc.Arbitrary<Expr> => {
  const leaf = fc.oneof(
    fc.constantFrom(0, 1, 2).map(constant),
    fc.constantFrom(a, b),
    ...(withParam ? [fc.constant(param('q'))] : []),
  );
  return fc.oneof(
    leaf,
    leaf.map((t) => add(t, constant(1))),
    leaf.map((t) => sub(t, constant(1))),
    fc.tuple(fc.constantFrom(f, not(f)), leaf, leaf).map(([c, x, y]) => ite(c, x, y)),
  );
};

const atom = (withParam: boolean): fc.Arbitrary<Expr> =>
  fc.oneof(
    fc.tuple(intTerm(withParam), intTerm(withParam)).map(([x, y]) => le(x, y)),
    fc.tuple(intTerm(withParam), intTerm(withParam)).map(([x, y]) => eq(x, y)),
    fc.constantFrom(f, not(f), lt(a, b)),
  );

const formula = (withParam: boolean): fc.Arbitrary<Expr> =>
  fc.oneof(
    atom(withParam),
    fc.tuple(atom(withParam), atom(withParam)).map(([x, y]) => and(x, y)),
    fc.tuple(atom(withParam), atom(withParam)).map(([x, y]) => or(x, y)),
  );

const transition = (name: string): fc.Arbitrary<Transition> =>
  fc
    .record({
      withParam: fc.boolean(),
      guard: fc.oneof(
        { arbitrary: fc.constant(constant(true)), weight: 1 },
        { arbitrary: formula(true), weight: 2 },
      ),
      a: fc.option(intTerm(true), { nil: undefined }),
      b: fc.option(intTerm(true), { nil: undefined }),
      f: fc.option(formula(true), { nil: undefined }),
    })
    .map(({ withParam, guard, ...updates }) => ({
      name,
      ...(withParam
        ? { params: [{ name: 'q', sort: intSort(0, 2) }] }
        : { params: [{ name: 'q', sort: intSort(0, 0) }] }),
      guard,
      updates: Object.fromEntries(Object.entries(updates).filter(([, t]) => t !== undefined)) as Record<
        string,
        Expr
      >,
    }));

const initial = { a: 0, b: 0, f: false };

/**
 * Random systems over a, b ∈ 0..2 and a flag f: at most 18 states, so k ≤ 18 suffices. Properties
 * hold initially (a violation at depth 0 would test little).
 */
const systemAndProperty: fc.Arbitrary<[TransitionSystem, Property]> = fc
  .tuple(
    fc.array(fc.constantFrom('t0', 't1', 't2'), { minLength: 1, maxLength: 3 }),
    formula(false).filter((e) => holds(e, initial)),
  )
  .chain(([names, prop]) => fc.tuple(fc.tuple(...[...new Set(names)].map(transition)), fc.constant(prop)))
  .map(([transitions, prop]) => [
    validateTransitionSystem({
      name: 'random',
      vars: [
        { name: 'a', sort: intSort(0, 2) },
        { name: 'b', sort: intSort(0, 2) },
        { name: 'f', sort: boolSort },
      ],
      init: and(eq(a, constant(0)), eq(b, constant(0)), not(f)),
      transitions,
    }),
    { id: 'random-property', modality: 'always', formula: prop, doc: 'a random property' },
  ]);

const timeoutMs = 60_000;

/** The verdict matches exhaustive search: proved iff no violation, else a shortest replayable trace. */
function expectAgreement(ts: TransitionSystem, property: Property, v: Verdict): void {
  const oracle = explore(ts, property);
  if (oracle.violation === null) {
    expect(v.kind).toBe('proved');
    return;
  }
  if (v.kind !== 'violated') throw new Error(`expected violated, got ${JSON.stringify(v)}`);
  expect(v.trace).toHaveLength(oracle.violation.trace.length);
  expect(replay(ts, v.initial, v.trace).kind).toBe('replayed');
}

describe('on random small systems, the engines agree with exhaustive search through the interpreter', () => {
  it('CHC: proved exactly when no reachable state violates, else a shortest replayable trace', async () => {
    await fc.assert(
      fc.asyncProperty(systemAndProperty, async ([ts, property]) => {
        expectAgreement(ts, property, await chc(ts, property, { timeoutMs }));
      }),
      { seed: 5_2024, numRuns: 8 },
    );
  });

  it('k-induction with maxK = 18 (the state count): complete, and agrees likewise', async () => {
    await fc.assert(
      fc.asyncProperty(systemAndProperty, async ([ts, property]) => {
        expectAgreement(ts, property, await kInduction(ts, property, { maxK: 18, timeoutMs }));
      }),
      { seed: 7_2024, numRuns: 8 },
    );
  });
});
