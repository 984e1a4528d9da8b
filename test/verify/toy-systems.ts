/**
 * Small transition systems whose verdicts are known by hand; every engine test runs on them.
 */
import { add, and, constant, eq, ite, le, lt, ne, not, or, param, variable } from '../../src/verify/expr.ts';
import { boolSort, enumSort, intSort } from '../../src/verify/sort.ts';
import type { Property, TransitionSystem } from '../../src/verify/transition-system.ts';

const x = variable('x');

/** x starts at 0 and counts up while x < 5; its sort allows up to 10, so only the guard stops it. */
export const counter: TransitionSystem = {
  name: 'counter',
  vars: [{ name: 'x', sort: intSort(0, 10) }],
  init: eq(x, constant(0)),
  transitions: [{ name: 'inc', guard: lt(x, constant(5)), updates: { x: add(x, constant(1)) } }],
};

/** Holds: the guard stops the counter at 5. */
export const counterAtMost5: Property = {
  id: 'x-le-5',
  modality: 'always',
  formula: le(x, constant(5)),
  doc: 'the counter never exceeds 5',
};

/** Fails after exactly four increments (x = 4). */
export const counterAtMost3: Property = {
  id: 'x-le-3',
  modality: 'always',
  formula: le(x, constant(3)),
  doc: 'the counter never exceeds 3 (false: it reaches 4 after 4 steps)',
};

const phase = enumSort('idle', 'waiting', 'critical');
const pc = (i: 0 | 1) => variable(`pc${i}`);
const who = param('p');
const mine = (i: 0 | 1) => eq(who, constant(i));
/** `pc_p = value` for the process chosen by parameter p. */
const chosenIs = (value: string) =>
  or(and(mine(0), eq(pc(0), constant(value))), and(mine(1), eq(pc(1), constant(value))));
/** Sets the chosen process's phase to `value`, leaving the other's. */
const setChosen = (value: string) => ({
  pc0: ite(mine(0), constant(value), pc(0)),
  pc1: ite(mine(1), constant(value), pc(1)),
});
const lock = variable('lock');

/**
 * Two processes and one lock flag. `enter` takes the lock only when it is free; `brokenGuard`
 * drops that check, so both processes can enter.
 */
export function mutex(brokenGuard = false): TransitionSystem {
  return {
    name: brokenGuard ? 'mutex-broken' : 'mutex',
    vars: [
      { name: 'pc0', sort: phase },
      { name: 'pc1', sort: phase },
      { name: 'lock', sort: boolSort },
    ],
    init: and(eq(pc(0), constant('idle')), eq(pc(1), constant('idle')), not(lock)),
    transitions: [
      {
        name: 'request',
        params: [{ name: 'p', sort: intSort(0, 1) }],
        guard: chosenIs('idle'),
        updates: setChosen('waiting'),
      },
      {
        name: 'enter',
        params: [{ name: 'p', sort: intSort(0, 1) }],
        guard: brokenGuard ? chosenIs('waiting') : and(chosenIs('waiting'), not(lock)),
        updates: { ...setChosen('critical'), lock: constant(true) },
      },
      {
        name: 'leave',
        params: [{ name: 'p', sort: intSort(0, 1) }],
        guard: chosenIs('critical'),
        updates: { ...setChosen('idle'), lock: constant(false) },
      },
    ],
  };
}

/** Mutual exclusion: never both processes critical. */
export const mutualExclusion: Property = {
  id: 'mutual-exclusion',
  modality: 'always',
  formula: not(and(eq(pc(0), constant('critical')), eq(pc(1), constant('critical')))),
  doc: 'the two processes are never in their critical sections at the same time',
};

const y = variable('y');
/**
 * x and y count up together while x < 8. `y ≤ 8` holds, but only because x = y: a state with
 * y = 8 and x < 8 satisfies it and steps out of it, so it is not 1-inductive (it is 9-inductive
 * under simple paths, and Spacer finds the strengthening).
 */
export const lockstep: TransitionSystem = {
  name: 'lockstep',
  vars: [
    { name: 'x', sort: intSort(0, 10) },
    { name: 'y', sort: intSort(0, 10) },
  ],
  init: and(eq(x, constant(0)), eq(y, constant(0))),
  transitions: [
    { name: 'tick', guard: lt(x, constant(8)), updates: { x: add(x, constant(1)), y: add(y, constant(1)) } },
  ],
};

/** True, not 1-inductive. */
export const lockstepBounded: Property = {
  id: 'y-le-8',
  modality: 'always',
  formula: le(y, constant(8)),
  doc: 'y never exceeds 8 (true since y = x and x stops at 8; needs that strengthening)',
};

/**
 * A binary counter of `bits` booleans, from all false, incremented by one transition. "Not all
 * ones" fails only after 2^bits − 1 steps: far beyond any small time budget for every engine.
 */
export function binaryCounter(bits: number): TransitionSystem {
  const b = (i: number) => variable(`b${i}`);
  const carry = (i: number) => and(...Array.from({ length: i }, (_, j) => b(j)));
  return {
    name: `binary-counter-${bits}`,
    vars: Array.from({ length: bits }, (_, i) => ({ name: `b${i}`, sort: boolSort })),
    init: and(...Array.from({ length: bits }, (_, i) => not(b(i)))),
    transitions: [
      {
        name: 'increment',
        guard: constant(true),
        updates: Object.fromEntries(Array.from({ length: bits }, (_, i) => [`b${i}`, ne(b(i), carry(i))])),
      },
    ],
  };
}

/** Violated, but only at depth 2^bits − 1. */
export function notAllOnes(bits: number): Property {
  return {
    id: 'not-all-ones',
    modality: 'always',
    formula: not(and(...Array.from({ length: bits }, (_, i) => variable(`b${i}`)))),
    doc: 'the counter never shows all ones (false, but only after 2^bits − 1 steps)',
  };
}

/**
 * A parameter q ∈ 0..2 that would enable `jump` only if it could be negative: x = 0 holds exactly
 * because parameters stay within their sorts.
 */
export const guardedJump: TransitionSystem = {
  name: 'guarded-jump',
  vars: [{ name: 'x', sort: intSort(0, 5) }],
  init: eq(x, constant(0)),
  transitions: [
    {
      name: 'jump',
      params: [{ name: 'q', sort: intSort(0, 2) }],
      guard: le(add(param('q'), constant(1)), constant(0)),
      updates: { x: constant(5) },
    },
  ],
};

/** Holds only because q ≥ 0. */
export const staysAtZero: Property = {
  id: 'x-eq-0',
  modality: 'always',
  formula: eq(x, constant(0)),
  doc: 'x stays 0: jump needs a negative q, which its sort excludes',
};
