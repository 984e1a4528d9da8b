/**
 * Evaluation of the expression language: one table case per construct, short-circuit and laziness,
 * functions through a caller-supplied table, and the run-time errors.
 */
import { describe, expect, it } from 'vitest';
import {
  add,
  and,
  app,
  c,
  type EvalResult,
  type Expr,
  enumType,
  eq,
  evaluate,
  type FunctionTable,
  field,
  ge,
  gt,
  idType,
  inSet,
  isEvaluationError,
  ite,
  le,
  lt,
  mul,
  ne,
  not,
  opaque,
  opaqueType,
  or,
  showExpr,
  sub,
  token,
  tokenKey,
  tuple,
  v,
} from '../../src/model/index.ts';

const Role = enumType(['doctor', 'nurse']);
const r = token({ user: 'alice', role: 'doctor', time: 4, ok: true, key: opaque('k(alice)') });
const bindings = { r };
const Ct = opaqueType('ct');
const functions: FunctionTable = {
  // An abstract-run style term builder: enc(k, m) as a symbolic term.
  enc: ([k, m]) => opaque(`enc(${typeof k === 'object' ? k.key : String(k)},${String(m)})`),
  fail: () => {
    throw new Error('must not be called');
  },
  wrong: () => 7,
};

describe('evaluate', () => {
  it.each<[string, Expr, EvalResult]>([
    ['variable', v('r'), r],
    ['constant', c(3), 3],
    ['field', field(v('r'), 'user'), 'alice'],
    ['eq true', eq(field(v('r'), 'role'), c('doctor', Role)), true],
    ['eq false', eq(field(v('r'), 'role'), c('nurse', Role)), false],
    ['ne', ne(field(v('r'), 'user'), c('bob', idType('user'))), true],
    [
      'eq on opaque compares keys',
      eq(field(v('r'), 'key'), c(opaque('k(alice)', 'other payload'), opaqueType('key'))),
      true,
    ],
    ['lt', lt(field(v('r'), 'time'), c(4)), false],
    ['le', le(field(v('r'), 'time'), c(4)), true],
    ['gt', gt(field(v('r'), 'time'), c(3)), true],
    ['ge', ge(c(3), field(v('r'), 'time')), false],
    ['and', and(c(true), field(v('r'), 'ok')), true],
    ['empty and', and(), true],
    ['or', or(c(false), not(field(v('r'), 'ok'))), false],
    ['empty or', or(), false],
    ['in', inSet(field(v('r'), 'role'), ['nurse', 'doctor']), true],
    ['not in', inSet(field(v('r'), 'time'), [1, 2, 3]), false],
    ['add', add(field(v('r'), 'time'), c(6)), 10],
    ['sub', sub(c(1), field(v('r'), 'time')), -3],
    ['mul', mul(field(v('r'), 'time'), c(-2)), -8],
    ['ite', ite(field(v('r'), 'ok'), c(1), c(2)), 1],
    ['app', app('enc', [field(v('r'), 'key'), field(v('r'), 'user')], Ct), opaque('enc(k(alice),alice)')],
  ])('%s', (_, expr, expected) => {
    const result = evaluate(expr, bindings, functions);
    if (typeof expected === 'object' && !('kind' in expected)) expect(result).toBe(expected);
    else expect(result).toEqual(expected);
  });

  it('builds frozen tokens whose key ignores field order', () => {
    const t = evaluate(tuple({ b: c(2), a: field(v('r'), 'user') }), bindings) as Record<string, unknown>;
    expect(t).toEqual({ b: 2, a: 'alice' });
    expect(Object.isFrozen(t)).toBe(true);
    expect(tokenKey(t as never)).toBe(tokenKey(token({ a: 'alice', b: 2 })));
    expect(tokenKey(t as never)).toBe('{"a":"alice","b":2}');
  });

  it('short-circuits and/or and evaluates only the chosen ite branch', () => {
    const boom = app('fail', [], { kind: 'bool' });
    expect(evaluate(and(c(false), boom), bindings, functions)).toBe(false);
    expect(evaluate(or(c(true), boom), bindings, functions)).toBe(true);
    expect(evaluate(ite(c(true), c(1), app('fail', [], { kind: 'int' })), bindings, functions)).toBe(1);
  });

  it.each<[string, Expr, string]>([
    ['unbound variable', field(v('x'), 'user'), "variable 'x' is not bound"],
    [
      'missing function',
      app('hash', [c(1)], Ct),
      "function 'hash' is not in the function table (needed by hash(1))",
    ],
    [
      'function result of the wrong type',
      app('wrong', [], Ct),
      "function 'wrong' returned a bad result for (): expected an opaque ct, got number 7",
    ],
    [
      'integer overflow',
      mul(c(Number.MAX_SAFE_INTEGER), c(2)),
      `integer overflow (${Number.MAX_SAFE_INTEGER * 2})`,
    ],
  ])('throws EvaluationError: %s', (_, expr, message) => {
    let error: unknown;
    try {
      evaluate(expr, bindings, functions);
    } catch (e) {
      error = e;
    }
    expect(isEvaluationError(error)).toBe(true);
    expect((error as Error).message).toContain(message);
  });

  it('prints expressions readably', () => {
    const e = and(
      eq(field(v('r'), 'role'), c('doctor', Role)),
      not(lt(add(field(v('r'), 'time'), c(1)), c(3))),
      inSet(field(v('r'), 'user'), ['alice', 'bob']),
    );
    expect(showExpr(e)).toBe("(r.role = 'doctor') ∧ (¬((r.time + 1) < 3)) ∧ (r.user ∈ {'alice', 'bob'})");
    expect(showExpr(ite(c(true), tuple({ n: c(1) }), app('f', [c(opaque('k'), Ct)], Ct)))).toBe(
      'if true then (n: 1) else f(⟨k⟩)',
    );
  });
});
