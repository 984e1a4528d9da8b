/**
 * Type checking of the expression language: well-typed expressions get the expected type, and each
 * kind of mistake is rejected with a message naming the problem and where it is.
 */
import { describe, expect, it } from 'vitest';
import {
  add,
  and,
  app,
  c,
  colourSet,
  type Expr,
  type ExprType,
  enumType,
  eq,
  field,
  idType,
  inSet,
  intType,
  isExprTypeError,
  ite,
  le,
  lt,
  mul,
  ne,
  not,
  opaque,
  opaqueType,
  or,
  showType,
  sub,
  tuple,
  typeOf,
  v,
} from '../../src/model/index.ts';

const Role = enumType(['doctor', 'nurse']);
const Req = colourSet('Req', {
  user: idType('user'),
  role: Role,
  time: intType(0, 10),
  ok: { kind: 'bool' },
});
const File = colourSet('File', { owner: idType('user'), ct: opaqueType('ct'), version: intType(0) });
const env = { r: Req, f: File };

describe('typeOf gives each well-typed expression its type', () => {
  it.each<[string, Expr, ExprType]>([
    ['variable', v('r'), { kind: 'record', fields: Req.fields }],
    ['int constant', c(3), { kind: 'int' }],
    ['bool constant', c(false), { kind: 'bool' }],
    ['typed string constant', c('nurse', Role), Role],
    ['opaque constant', c(opaque('k1'), opaqueType('ct')), opaqueType('ct')],
    ['field', field(v('r'), 'role'), Role],
    ['eq on ids of one domain', eq(field(v('r'), 'user'), field(v('f'), 'owner')), { kind: 'bool' }],
    ['ne on opaque', ne(field(v('f'), 'ct'), c(opaque('x'), opaqueType('ct'))), { kind: 'bool' }],
    ['lt across int ranges', lt(field(v('r'), 'time'), field(v('f'), 'version')), { kind: 'bool' }],
    ['and/or/not', and(c(true), or(not(field(v('r'), 'ok')), c(false))), { kind: 'bool' }],
    ['empty and', and(), { kind: 'bool' }],
    ['in', inSet(field(v('r'), 'role'), ['doctor']), { kind: 'bool' }],
    ['arithmetic drops ranges', sub(mul(field(v('r'), 'time'), c(2)), c(1)), { kind: 'int' }],
    [
      'tuple',
      tuple({ user: field(v('r'), 'user'), n: add(field(v('f'), 'version'), c(1)) }),
      {
        kind: 'record',
        fields: [
          { name: 'user', type: idType('user') },
          { name: 'n', type: { kind: 'int' } },
        ],
      },
    ],
    [
      'app has its declared type',
      app('enc', [field(v('r'), 'user'), c(1)], opaqueType('ct')),
      opaqueType('ct'),
    ],
    ['ite on tokens', ite(c(true), v('r'), v('r')), { kind: 'record', fields: Req.fields }],
    [
      'ite on enums listed in another order',
      ite(c(true), c('doctor', enumType(['nurse', 'doctor'])), field(v('r'), 'role')),
      enumType(['nurse', 'doctor']),
    ],
  ])('%s', (_, expr, type) => {
    expect(typeOf(expr, env)).toEqual(type);
  });
});

describe('typeOf rejects ill-typed expressions, saying what and where', () => {
  const raw = (e: unknown): Expr => e as Expr;
  it.each<[string, Expr, string]>([
    [
      'unbound variable',
      eq(field(v('x'), 'user'), c(1)),
      "unbound variable 'x' (bound here: r, f) in x (at left.of)",
    ],
    [
      'field of a scalar',
      field(field(v('r'), 'user'), 'x'),
      'field access on a non-token value of type id<user> in r.user.x',
    ],
    ['unknown field', field(v('r'), 'rol'), "no field 'rol' (fields: user, role, time, ok) in r.rol"],
    [
      'compare id with int',
      eq(field(v('r'), 'user'), c(1)),
      'cannot compare id<user> with int in r.user = 1',
    ],
    [
      'compare ids of different domains',
      eq(field(v('r'), 'user'), c('f1', idType('file'))),
      "cannot compare id<user> with id<file> in r.user = 'f1'",
    ],
    [
      'compare enums with different values',
      eq(field(v('r'), 'role'), c('doctor', enumType(['doctor']))),
      "cannot compare {doctor|nurse} with {doctor} in r.role = 'doctor'",
    ],
    ['compare whole tokens', eq(v('r'), v('r')), 'left operand must be a field value, not a whole token'],
    [
      'order on enums',
      le(field(v('r'), 'role'), field(v('r'), 'role')),
      'left operand must be int, got {doctor|nurse}',
    ],
    ['and with an int', and(c(true), c(1)), 'operand 1 must be bool, got int in true ∧ 1'],
    ['not of an id', not(field(v('r'), 'user')), 'operand must be bool, got id<user> in ¬r.user'],
    [
      'in with a foreign value',
      inSet(field(v('r'), 'role'), ['surgeon']),
      'set member does not fit {doctor|nurse}',
    ],
    ['arithmetic on bool', add(field(v('r'), 'ok'), c(1)), 'left operand must be int, got bool in r.ok + 1'],
    [
      'tuple field given twice',
      raw({
        kind: 'tuple',
        fields: [
          { name: 'a', expr: c(1) },
          { name: 'a', expr: c(2) },
        ],
      }),
      "field 'a' given twice",
    ],
    ['tuple holding a token', tuple({ t: v('r') }), "field 't' must be a field value, not a whole token"],
    [
      'app on a token',
      app('h', [v('r')], opaqueType('d')),
      'argument 0 must be a field value, not a whole token',
    ],
    ['app with an empty name', app('', [], { kind: 'bool' }), 'function name is empty in ()'],
    ['ite with a non-bool condition', ite(c(1), c(1), c(2)), 'condition must be bool, got int'],
    ['ite with different branches', ite(c(true), c(1), c(false)), 'branches differ: int versus bool'],
    [
      'constant outside its type',
      c('surgeon', Role),
      'constant does not fit its type: expected one of doctor | nurse, got string "surgeon" in \'surgeon\'',
    ],
    [
      'constant outside its range',
      c(11, intType(0, 10)),
      'constant does not fit its type: integer 11 is outside int[0..10] in 11',
    ],
  ])('%s', (_, expr, message) => {
    let error: unknown;
    try {
      typeOf(expr, env);
    } catch (e) {
      error = e;
    }
    expect(isExprTypeError(error)).toBe(true);
    expect((error as Error).message).toContain(message);
  });

  it('a string constant needs a type at construction', () => {
    expect(() => c('doctor' as never)).toThrow('constant doctor needs a type');
  });

  it('shows record types with their fields', () => {
    expect(showType(typeOf(v('f'), env))).toBe('(owner: id<user>, ct: opaque<ct>, version: int[0..])');
  });
});
