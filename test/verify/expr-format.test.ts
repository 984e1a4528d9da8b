import { describe, expect, it } from 'vitest';
import {
  add,
  and,
  constant,
  eq,
  formatExpr,
  implies,
  ite,
  le,
  lt,
  ne,
  not,
  or,
  param,
  sub,
  variable,
} from '../../src/verify/expr.ts';

const x = variable('x');
const y = variable('y');

describe('formatExpr', () => {
  it.each([
    [and(le(x, constant(5)), not(eq(y, constant('idle')))), 'x ≤ 5 ∧ ¬(y = idle)'],
    [or(and(x, y), not(x)), 'x ∧ y ∨ ¬x'],
    [and(or(x, y), x), '(x ∨ y) ∧ x'],
    [implies(implies(x, y), x), '(x ⇒ y) ⇒ x'],
    [implies(x, implies(y, x)), 'x ⇒ y ⇒ x'],
    [sub(x, sub(y, constant(1))), 'x - (y - 1)'],
    [sub(add(x, y), constant(1)), 'x + y - 1'],
    [lt(param('p'), constant(2)), '?p < 2'],
    [ne(ite(x, constant(1), constant(2)), y), '(if x then 1 else 2) ≠ y'],
    [and(), 'true'],
    [or(), 'false'],
  ])('prints %j as %s', (e, text) => {
    expect(formatExpr(e)).toBe(text);
  });

  it('builds frozen nodes', () => {
    const e = and(x, y);
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.args)).toBe(true);
  });
});
