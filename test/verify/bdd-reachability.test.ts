import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bdd } from '../../src/verify/bdd.ts';
import { bddReachability } from '../../src/verify/bdd-reachability.ts';
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
import { boolSort, intSort } from '../../src/verify/sort.ts';
import type { Property, TransitionSystem } from '../../src/verify/transition-system.ts';
import { explore } from './explicit-search.ts';
import {
  binaryCounter,
  counter,
  counterAtMost3,
  counterAtMost5,
  guardedJump,
  lockstep,
  lockstepBounded,
  mutex,
  mutualExclusion,
  notAllOnes,
  staysAtZero,
} from './toy-systems.ts';

describe('the BDD package', () => {
  /** f at one assignment: whether f meets the cube of that assignment. */
  const evaluateAt = (b: Bdd, f: number, bits: readonly number[]): number => {
    const cube = b.cube(
      bits.map((_, l) => l),
      Uint8Array.from(bits),
    );
    return b.and(f, cube) === 0 ? 0 : 1;
  };
  type Fn = { op: 'var'; l: number } | { op: 'not'; a: Fn } | { op: 'and' | 'or'; a: Fn; b: Fn };
  const fn: fc.Arbitrary<Fn> = fc.letrec<{ f: Fn }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.integer({ min: 0, max: 3 }).map((l) => ({ op: 'var', l }) as const),
      tie('f').map((a) => ({ op: 'not', a }) as const),
      fc.record({ op: fc.constantFrom('and', 'or'), a: tie('f'), b: tie('f') }),
    ),
  })).f;
  const build = (b: Bdd, f: Fn): number =>
    f.op === 'var'
      ? b.variable(f.l)
      : f.op === 'not'
        ? b.not(build(b, f.a))
        : f.op === 'and'
          ? b.and(build(b, f.a), build(b, f.b))
          : b.or(build(b, f.a), build(b, f.b));
  const truth = (f: Fn, bits: readonly number[]): boolean =>
    f.op === 'var'
      ? bits[f.l] === 1
      : f.op === 'not'
        ? !truth(f.a, bits)
        : f.op === 'and'
          ? truth(f.a, bits) && truth(f.b, bits)
          : truth(f.a, bits) || truth(f.b, bits);

  it('represents every formula exactly: same truth table, canonical nodes, exact counts', () => {
    fc.assert(
      fc.property(fn, fn, (f, g) => {
        const b = new Bdd(4);
        const nf = build(b, f);
        const rows = Array.from({ length: 16 }, (_, r) => Array.from({ length: 4 }, (_, l) => (r >> l) & 1));
        expect(rows.map((bits) => evaluateAt(b, nf, bits)).join('')).toBe(
          rows.map((bits) => (truth(f, bits) ? 1 : 0)).join(''),
        );
        expect(b.satCount(nf)).toBe(rows.filter((bits) => truth(f, bits)).length);
        // Canonicity: equivalent formulas are the same node (De Morgan, double negation).
        expect(b.not(b.not(nf))).toBe(nf);
        const ng = build(b, g);
        expect(b.not(b.and(nf, ng))).toBe(b.or(b.not(nf), b.not(ng)));
        // ∃l. f = f[l:=0] ∨ f[l:=1], row by row against the truth table.
        const q = b.quantifier([0]);
        const ef = b.exists(nf, q);
        expect(rows.map((bits) => evaluateAt(b, ef, bits)).join('')).toBe(
          rows
            .map((bits) => (truth(f, [0, ...bits.slice(1)]) || truth(f, [1, ...bits.slice(1)]) ? 1 : 0))
            .join(''),
        );
        expect(b.andExists(nf, ng, q)).toBe(b.exists(b.and(nf, ng), q));
        const picked = b.pick(nf);
        if (picked === null) expect(nf).toBe(0);
        else expect(evaluateAt(b, nf, [...picked])).toBe(1);
      }),
      { seed: 3_141, numRuns: 200 },
    );
  });

  it('renames levels order-preservingly', () => {
    const b = new Bdd(4);
    const f = b.and(b.variable(1), b.not(b.variable(3)));
    const map = Int32Array.from([0, 0, 2, 2, 4]);
    expect(b.replace(f, b.renaming(map))).toBe(b.and(b.variable(0), b.not(b.variable(2))));
  });
});

const timeoutMs = 60_000;

/**
 * The BDD verdict agrees with exhaustive search; a violation's trace is shortest, replays, and ends
 * in the first state that violates the property.
 */
function expectAgreement(ts: TransitionSystem, property: Property): void {
  const oracle = explore(ts, property);
  const run = bddReachability(ts, [property], { timeoutMs });
  const v = run.verdicts.get(property.id)!;
  if (oracle.violation === null) {
    expect(v.kind).toBe('proved');
    expect(run.states).toBe(oracle.reachable);
    return;
  }
  if (v.kind !== 'violated') throw new Error(`expected violated, got ${JSON.stringify(v)}`);
  expect(v.engine).toBe('bdd');
  expect(v.trace).toHaveLength(oracle.violation.trace.length);
  const replayed = replay(ts, v.initial, v.trace);
  if (replayed.kind !== 'replayed') throw new Error(`the trace diverged: ${JSON.stringify(replayed)}`);
  // The trace ends in a violating state, and, being shortest, passes through none before it.
  const states = replayed.states;
  expect(states).toHaveLength(v.trace.length + 1);
  expect(holds(property.formula, states[states.length - 1]!)).toBe(false);
  expect(states.slice(0, -1).map((s) => holds(property.formula, s))).toEqual(
    states.slice(0, -1).map(() => true),
  );
}

describe('symbolic reachability on the toy systems agrees with exhaustive search', () => {
  it.each([
    ['counter, x ≤ 5 (proved)', counter, counterAtMost5],
    ['counter, x ≤ 3 (violated after 4 steps)', counter, counterAtMost3],
    ['mutex (proved)', mutex(), mutualExclusion],
    ['mutex without the lock check (violated)', mutex(true), mutualExclusion],
    ['lockstep, y ≤ 8 (proved, not 1-inductive)', lockstep, lockstepBounded],
    ['guarded jump (proved only because parameters stay in their sort)', guardedJump, staysAtZero],
  ] as const)('%s', (_name, ts, property) => {
    expectAgreement(ts, property);
  });

  it('decides several properties in one run and counts the reachable states exactly', () => {
    const run = bddReachability(counter, [counterAtMost5, counterAtMost3], { timeoutMs });
    expect(run.complete).toBe(true);
    expect(run.states).toBe(6);
    expect(run.depth).toBe(5);
    expect(run.verdicts.get('x-le-5')?.kind).toBe('proved');
    expect(run.verdicts.get('x-le-3')?.kind).toBe('violated');
  });

  const a = variable('a');
  const b = variable('b');
  const f = variable('f');
  const leaf = fc.oneof(fc.constantFrom(0, 1, 2).map(constant), fc.constantFrom(a, b, param('q')));
  const term: fc.Arbitrary<Expr> = fc.oneof(
    leaf,
    leaf.map((t) => add(t, constant(1))),
    leaf.map((t) => sub(t, constant(1))),
    fc.tuple(fc.constantFrom(f, not(f)), leaf, leaf).map(([c, x, y]) => ite(c, x, y)),
  );
  const atom = fc.oneof(
    fc.tuple(term, term).map(([x, y]) => le(x, y)),
    fc.tuple(term, term).map(([x, y]) => eq(x, y)),
    fc.constantFrom(f, not(f), lt(a, b)),
  );
  const noParams = (e: Expr): boolean => {
    switch (e.kind) {
      case 'param':
        return false;
      case 'var':
      case 'const':
        return true;
      case 'not':
        return noParams(e.arg);
      case 'and':
      case 'or':
        return e.args.every(noParams);
      case 'ite':
        return noParams(e.cond) && noParams(e.ifTrue) && noParams(e.ifFalse);
      default:
        return noParams(e.left) && noParams(e.right);
    }
  };
  const formula = fc.oneof(
    atom,
    fc.tuple(atom, atom).map(([x, y]) => and(x, y)),
    fc.tuple(atom, atom).map(([x, y]) => or(x, y)),
  );
  const system: fc.Arbitrary<[TransitionSystem, Property]> = fc
    .tuple(
      fc.array(
        fc.record({
          guard: formula,
          a: fc.option(term, { nil: undefined }),
          b: fc.option(term, { nil: undefined }),
          f: fc.option(formula, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      formula.filter(noParams),
    )
    .map(([ts, prop]) => [
      {
        name: 'random',
        vars: [
          { name: 'a', sort: intSort(0, 2) },
          { name: 'b', sort: intSort(0, 2) },
          { name: 'f', sort: boolSort },
        ],
        init: and(eq(a, constant(0)), eq(b, constant(0)), not(f)),
        transitions: ts.map(({ guard, ...updates }, i) => ({
          name: `t${i}`,
          params: [{ name: 'q', sort: intSort(0, 2) }],
          guard,
          updates: Object.fromEntries(Object.entries(updates).filter(([, t]) => t !== undefined)) as Record<
            string,
            Expr
          >,
        })),
      },
      { id: 'random-property', modality: 'always', formula: prop, doc: 'a random property' },
    ]);

  it('on random systems (parameters, out-of-range updates, if-then-else): the same verdicts and state counts', () => {
    fc.assert(
      fc.property(system, ([ts, property]) => {
        expectAgreement(ts, property);
      }),
      { seed: 2_718, numRuns: 60 },
    );
  });
});

describe('a run that cannot finish is unknown, never proved', () => {
  it('a node limit too small for the diagrams', () => {
    const run = bddReachability(binaryCounter(12), [notAllOnes(12)], { timeoutMs, nodeLimit: 200 });
    expect(run.verdicts.get('not-all-ones')).toMatchObject({
      kind: 'unknown',
      engine: 'bdd',
      reason: 'node-limit',
    });
    expect(run.complete).toBe(false);
  });

  it('a violation found before the budget ran out stands; the property still open is unknown', () => {
    const early: Property = {
      id: 'b1-never',
      modality: 'always',
      formula: not(variable('b1')),
      doc: 'false at step 2',
    };
    const run = bddReachability(binaryCounter(20), [early, notAllOnes(20)], { timeoutMs: 1500 });
    const v = run.verdicts.get('b1-never');
    expect(v).toMatchObject({ kind: 'violated', engine: 'bdd' });
    expect(v?.kind === 'violated' && v.trace.length).toBe(2);
    expect(run.verdicts.get('not-all-ones')).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    expect(run.complete).toBe(false);
  });

  it('a violation 2^20 − 1 steps away within 50 ms', () => {
    const run = bddReachability(binaryCounter(20), [notAllOnes(20)], { timeoutMs: 50 });
    const v = run.verdicts.get('not-all-ones');
    expect(v).toMatchObject({ kind: 'unknown', engine: 'bdd', reason: 'timeout' });
    expect(v?.kind === 'unknown' && v.detail).toMatch(/^no violation up to depth \d+/);
  });
});
