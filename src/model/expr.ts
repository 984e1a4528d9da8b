/**
 * The expression language of guards and arc inscriptions. It is data, not code: the engine
 * evaluates it ({@link evaluate}), the verifier compiles the same tree to SMT, and the stepper prints
 * it ({@link showExpr}). That is why guards are never TypeScript closures.
 *
 * Every node has a type ({@link typeOf}): a {@link FieldType} for scalar nodes, or a record type for
 * the nodes that denote whole tokens (variables, which are bound to the tokens taken by input arcs,
 * and `tuple`, which builds the token an output arc produces). Functions (`app`) are named and their
 * result type is declared: uninterpreted in SMT, supplied by a {@link FunctionTable} at run time.
 */
import { type VarName, varName } from './brand.ts';
import type { FieldType } from './colour.ts';
import { type Opaque, showValue, type Value } from './token.ts';

export { type EvalResult, evaluate, type FunctionTable } from './expr-eval.ts';
export { type ExprType, type RecordType, type TypeEnv, typeOf } from './expr-type.ts';

/** A variable: the token bound by the input arc (consume, read or inhibit) that declares it. */
export interface VarExpr {
  readonly kind: 'var';
  readonly name: VarName;
}
/** A constant of a declared type (strings and opaque values need one; numbers are int, booleans bool). */
export interface ConstExpr {
  readonly kind: 'const';
  readonly value: Value;
  readonly type: FieldType;
}
/** Reads one field of a token-valued expression. */
export interface FieldExpr {
  readonly kind: 'field';
  readonly of: Expr;
  readonly name: string;
}
/** `=` and `≠` on comparable scalars; `<` and `≤` on integers. */
export interface CompareExpr {
  readonly kind: 'eq' | 'ne' | 'lt' | 'le';
  readonly left: Expr;
  readonly right: Expr;
}
/** n-ary conjunction or disjunction, evaluated left to right with short-circuit; empty `and` is true. */
export interface LogicExpr {
  readonly kind: 'and' | 'or';
  readonly args: readonly Expr[];
}
/** Boolean negation. */
export interface NotExpr {
  readonly kind: 'not';
  readonly arg: Expr;
}
/** Membership of a scalar in a constant set of values (e.g. a role among the granted roles). */
export interface InExpr {
  readonly kind: 'in';
  readonly elem: Expr;
  readonly set: readonly Value[];
}
/** Integer arithmetic; results must stay safe integers. */
export interface ArithExpr {
  readonly kind: 'add' | 'sub' | 'mul';
  readonly left: Expr;
  readonly right: Expr;
}
/** Builds a token from named field expressions, in the listed order. */
export interface TupleExpr {
  readonly kind: 'tuple';
  readonly fields: readonly { readonly name: string; readonly expr: Expr }[];
}
/** Applies a named function with a declared result type (a crypto operation, a term constructor). */
export interface AppExpr {
  readonly kind: 'app';
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly type: FieldType;
}
/** If-then-else; only the chosen branch is evaluated. */
export interface IteExpr {
  readonly kind: 'ite';
  readonly cond: Expr;
  readonly ifTrue: Expr;
  readonly ifFalse: Expr;
}

/** An expression: a discriminated union on `kind`. Switch on it and end with a `never` check. */
export type Expr =
  | VarExpr
  | ConstExpr
  | FieldExpr
  | CompareExpr
  | LogicExpr
  | NotExpr
  | InExpr
  | ArithExpr
  | TupleExpr
  | AppExpr
  | IteExpr;

/** A variable reference. */
export const v = (name: string): VarExpr => Object.freeze({ kind: 'var', name: varName(name) });

/** A constant: `c(3)`, `c(true)`, or a string/opaque value with its type, `c('doctor', roleType)`. */
export function c(value: number | boolean): ConstExpr;
export function c(value: Value, type: FieldType): ConstExpr;
export function c(value: Value, type?: FieldType): ConstExpr {
  const t: FieldType | undefined =
    type ??
    (typeof value === 'number' ? { kind: 'int' } : typeof value === 'boolean' ? { kind: 'bool' } : undefined);
  if (t === undefined) throw new TypeError(`constant ${showValue(value)} needs a type`);
  return Object.freeze({ kind: 'const', value, type: t });
}

/** `of.name`. */
export const field = (of: Expr, name: string): FieldExpr => Object.freeze({ kind: 'field', of, name });

const compare =
  (kind: CompareExpr['kind']) =>
  (left: Expr, right: Expr): CompareExpr =>
    Object.freeze({ kind, left, right });
/** `a = b`. */
export const eq = compare('eq');
/** `a ≠ b`. */
export const ne = compare('ne');
/** `a < b`. */
export const lt = compare('lt');
/** `a ≤ b`. */
export const le = compare('le');
/** `a > b`, written as `b < a` so the tree keeps only `lt` and `le`. */
export const gt = (a: Expr, b: Expr): CompareExpr => lt(b, a);
/** `a ≥ b`, written as `b ≤ a`. */
export const ge = (a: Expr, b: Expr): CompareExpr => le(b, a);

/** Conjunction of any number of conditions. */
export const and = (...args: readonly Expr[]): LogicExpr =>
  Object.freeze({ kind: 'and', args: Object.freeze([...args]) });
/** Disjunction of any number of conditions. */
export const or = (...args: readonly Expr[]): LogicExpr =>
  Object.freeze({ kind: 'or', args: Object.freeze([...args]) });
/** Negation. */
export const not = (arg: Expr): NotExpr => Object.freeze({ kind: 'not', arg });

/** `elem ∈ set` for a constant set (`in` is a reserved word in TypeScript, hence the name). */
export const inSet = (elem: Expr, set: readonly Value[]): InExpr =>
  Object.freeze({ kind: 'in', elem, set: Object.freeze([...set]) });

const arith =
  (kind: ArithExpr['kind']) =>
  (left: Expr, right: Expr): ArithExpr =>
    Object.freeze({ kind, left, right });
/** `a + b`. */
export const add = arith('add');
/** `a − b`. */
export const sub = arith('sub');
/** `a × b`. */
export const mul = arith('mul');

/** A token built from field expressions: `tuple({ user: field(v('r'), 'user'), n: c(0) })`. */
export const tuple = (fields: Readonly<Record<string, Expr>>): TupleExpr =>
  Object.freeze({
    kind: 'tuple',
    fields: Object.freeze(Object.entries(fields).map(([name, expr]) => Object.freeze({ name, expr }))),
  });

/** The unit token as an expression: what an output arc to a plain place produces. */
export const UNIT_EXPR: TupleExpr = tuple({});

/** `fn(args…)` with declared result type `type`. */
export const app = (fn: string, args: readonly Expr[], type: FieldType): AppExpr =>
  Object.freeze({ kind: 'app', fn, args: Object.freeze([...args]), type });

/** `if cond then a else b`. */
export const ite = (cond: Expr, a: Expr, b: Expr): IteExpr =>
  Object.freeze({ kind: 'ite', cond, ifTrue: a, ifFalse: b });

/** The direct subexpressions of a node, in evaluation order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'var':
    case 'const':
      return [];
    case 'field':
      return [e.of];
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'add':
    case 'sub':
    case 'mul':
      return [e.left, e.right];
    case 'and':
    case 'or':
    case 'app':
      return e.args;
    case 'not':
      return [e.arg];
    case 'in':
      return [e.elem];
    case 'tuple':
      return e.fields.map((f) => f.expr);
    case 'ite':
      return [e.cond, e.ifTrue, e.ifFalse];
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The variables an expression mentions: which input arcs must be bound before it can be evaluated. */
export function freeVars(e: Expr): ReadonlySet<VarName> {
  const out = new Set<VarName>();
  const walk = (x: Expr): void => {
    if (x.kind === 'var') out.add(x.name);
    else for (const child of children(x)) walk(child);
  };
  walk(e);
  return out;
}

/** The names of the functions an expression applies, with their nodes, in tree order. */
export function applications(e: Expr): readonly AppExpr[] {
  const out: AppExpr[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'app') out.push(x);
    for (const child of children(x)) walk(child);
  };
  walk(e);
  return out;
}

const INFIX: Readonly<Record<CompareExpr['kind'] | ArithExpr['kind'], string>> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  add: '+',
  sub: '−',
  mul: '×',
};

function showConst(value: Value): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return showOpaque(value);
  return String(value);
}

function showOpaque(o: Opaque): string {
  return `⟨${o.key}⟩`;
}

/** Shows an expression in conventional infix notation, fully parenthesised where nested. */
export function showExpr(e: Expr): string {
  const nested = (x: Expr): string => {
    const s = showExpr(x);
    return x.kind === 'var' ||
      x.kind === 'const' ||
      x.kind === 'field' ||
      x.kind === 'app' ||
      x.kind === 'tuple'
      ? s
      : `(${s})`;
  };
  switch (e.kind) {
    case 'var':
      return e.name;
    case 'const':
      return showConst(e.value);
    case 'field':
      return `${nested(e.of)}.${e.name}`;
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'add':
    case 'sub':
    case 'mul':
      return `${nested(e.left)} ${INFIX[e.kind]} ${nested(e.right)}`;
    case 'and':
      return e.args.length === 0 ? 'true' : e.args.map(nested).join(' ∧ ');
    case 'or':
      return e.args.length === 0 ? 'false' : e.args.map(nested).join(' ∨ ');
    case 'not':
      return `¬${nested(e.arg)}`;
    case 'in':
      return `${nested(e.elem)} ∈ {${e.set.map(showConst).join(', ')}}`;
    case 'tuple':
      return `(${e.fields.map((f) => `${f.name}: ${showExpr(f.expr)}`).join(', ')})`;
    case 'app':
      return `${e.fn}(${e.args.map(showExpr).join(', ')})`;
    case 'ite':
      return `if ${showExpr(e.cond)} then ${showExpr(e.ifTrue)} else ${showExpr(e.ifFalse)}`;
    default: {
      const never: never = e;
      return never;
    }
  }
}
