import { describe, expect, it } from 'vitest';
import { type IrError, isIrError } from '../../src/verify/errors.ts';
import { add, and, constant, eq, ite, le, param, variable } from '../../src/verify/expr.ts';
import {
  boolSort,
  enumSort,
  formatSort,
  intSort,
  sameSort,
  sortContains,
  sortValues,
} from '../../src/verify/sort.ts';
import {
  type Property,
  type TransitionSystem,
  validateProperty,
  validateTransitionSystem,
} from '../../src/verify/transition-system.ts';
import { counter, counterAtMost5, mutex, mutualExclusion } from './toy-systems.ts';

const x = variable('x');
const withCounter = (patch: Partial<TransitionSystem>): TransitionSystem => ({ ...counter, ...patch });

function irError(f: () => unknown): IrError {
  try {
    f();
  } catch (e) {
    if (isIrError(e)) return e;
    throw e;
  }
  throw new Error('expected an IrError');
}

describe('sorts', () => {
  it('reject empty, unsafe and duplicate-valued sorts', () => {
    expect(irError(() => intSort(3, 2)).message).toBe('int sort 3..2: int sort is empty: 3 > 2');
    expect(irError(() => intSort(0, 2 ** 60)).problem).toMatch(/safe integers/);
    expect(irError(() => enumSort()).problem).toBe('enum sort has no values');
    expect(irError(() => enumSort('a', 'a')).problem).toBe('enum value "a" appears twice');
  });

  it('enumerate, test membership and print', () => {
    expect(sortValues(intSort(-1, 2))).toEqual([-1, 0, 1, 2]);
    expect(sortValues(boolSort)).toEqual([false, true]);
    expect(sortContains(intSort(0, 3), 3)).toBe(true);
    expect(sortContains(intSort(0, 3), 4)).toBe(false);
    expect(sortContains(intSort(0, 3), 1.5)).toBe(false);
    expect(sortContains(enumSort('a', 'b'), 'c')).toBe(false);
    expect(sortContains(boolSort, 0)).toBe(false);
    expect(formatSort(intSort(0, 5))).toBe('int[0..5]');
    expect(formatSort(enumSort('idle', 'crit'))).toBe('{idle, crit}');
    expect(sameSort(enumSort('a', 'b'), enumSort('b', 'a'))).toBe(false);
    expect(sameSort(intSort(0, 1), intSort(0, 1))).toBe(true);
  });
});

describe('validateTransitionSystem', () => {
  it('accepts the toy systems and freezes them', () => {
    const ts = validateTransitionSystem(mutex());
    expect(Object.isFrozen(ts)).toBe(true);
    expect(Object.isFrozen(ts.transitions[0])).toBe(true);
    expect(ts.transitions.map((t) => t.name)).toEqual(['request', 'enter', 'leave']);
  });

  it('names the element and the expression path at fault', () => {
    const e = irError(() =>
      validateTransitionSystem(
        withCounter({
          transitions: [{ name: 'inc', guard: and(le(x, constant(5)), add(x, constant(1))), updates: {} }],
        }),
      ),
    );
    expect(e.element).toBe('transition "inc" guard');
    expect(e.path).toBe('expr.and[1]');
    expect(e.message).toBe('transition "inc" guard: expected bool, got int (at expr.and[1])');
  });

  it.each([
    [
      'unknown variable in init',
      withCounter({ init: eq(variable('z'), constant(0)) }),
      'init: unknown state variable "z" (at expr.left)',
    ],
    [
      'parameter outside a transition',
      withCounter({ init: eq(param('p'), constant(0)) }),
      /parameters exist only in transitions/,
    ],
    ['non-boolean init', withCounter({ init: x }), 'init: expected bool, got int (at expr)'],
    [
      'duplicate variable',
      withCounter({ vars: [...counter.vars, ...counter.vars] }),
      'system "counter": state variable x is declared twice',
    ],
    ['bad name', withCounter({ vars: [{ name: 'x@1', sort: boolSort }] }), /state variable name must match/],
    [
      'update of an unknown variable',
      withCounter({ transitions: [{ name: 't', guard: constant(true), updates: { z: constant(1) } }] }),
      'transition "t": updates unknown state variable "z"',
    ],
    [
      'ill-sorted update',
      withCounter({ transitions: [{ name: 't', guard: constant(true), updates: { x: constant(true) } }] }),
      'transition "t" update of x: expected int, got bool (at expr)',
    ],
    [
      'duplicate transition',
      withCounter({ transitions: [...counter.transitions, ...counter.transitions] }),
      'transition "inc": transition name is used twice',
    ],
    [
      'parameter named like a variable',
      withCounter({
        transitions: [
          { name: 't', params: [{ name: 'x', sort: boolSort }], guard: constant(true), updates: {} },
        ],
      }),
      'transition "t": parameter x has the name of a state variable',
    ],
    [
      'enum literal outside its enum',
      { ...mutex(), init: eq(variable('pc0'), constant('sleeping')) },
      'init: literal "sleeping" is not a value of {idle, waiting, critical} (at expr.right)',
    ],
    [
      'two bare enum literals',
      { ...mutex(), init: eq(constant('idle'), constant('idle')) },
      'init: cannot tell which enum two literals belong to; compare a variable (at expr)',
    ],
    [
      'mixed enum sorts',
      {
        ...mutex(),
        vars: [...mutex().vars, { name: 'color', sort: enumSort('red', 'blue') }],
        init: eq(variable('pc0'), variable('color')),
      },
      'init: expected {idle, waiting, critical}, got {red, blue} (at expr.right)',
    ],
  ] as const)('rejects %s', (_name, ts, message) => {
    const e = irError(() => validateTransitionSystem(ts));
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  it('types an enum literal from the other ite branch and the updated variable', () => {
    const ts = {
      ...mutex(),
      transitions: [
        {
          name: 'flip',
          params: [{ name: 'b', sort: boolSort }],
          guard: eq(ite(param('b'), constant('idle'), variable('pc1')), constant('waiting')),
          updates: { pc0: ite(param('b'), constant('critical'), constant('idle')) },
        },
      ],
    };
    expect(validateTransitionSystem(ts).transitions[0]!.name).toBe('flip');
  });
});

describe('validateProperty', () => {
  it('accepts a documented always-property over state variables', () => {
    expect(validateProperty(mutex(), mutualExclusion).id).toBe('mutual-exclusion');
  });

  it.each([
    [
      'an undocumented property',
      { ...counterAtMost5, doc: ' ' },
      'property "x-le-5": doc must say what the property means',
    ],
    ['another modality', { ...counterAtMost5, modality: 'eventually' }, /modality must be 'always'/],
    [
      'a parameter in the formula',
      { ...counterAtMost5, formula: le(param('p'), constant(1)) },
      /parameters exist only/,
    ],
    [
      'a non-boolean formula',
      { ...counterAtMost5, formula: x },
      'property "x-le-5": expected bool, got int (at expr)',
    ],
  ] as const)('rejects %s', (_name, property, message) => {
    const e = irError(() => validateProperty(counter, property as unknown as Property));
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });
});
