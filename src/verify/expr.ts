/**
 * Formulas and terms of the transition-system IR. They are data, not closures, so one tree is
 * evaluated by the pure interpreter, encoded into Z3 and printed in verdicts: the system that is
 * simulated is the system that is verified. Guards and update terms see only the current state and
 * the transition's parameters; the next state exists only in the encodings.
 */
import type { Value } from './sort.ts';

/** A current-state variable. */
export interface VarExpr {
  readonly kind: 'var';
  readonly name: string;
}
/** A parameter of the transition being fired (chosen freely among its sort's values per step). */
export interface ParamExpr {
  readonly kind: 'param';
  readonly name: string;
}
/** A literal: a boolean, an integer, or an enum value name (its enum is inferred from context). */
export interface ConstExpr {
  readonly kind: 'const';
  readonly value: Value;
}
/** Boolean negation. */
export interface NotExpr {
  readonly kind: 'not';
  readonly arg: Expr;
}
/** n-ary conjunction or disjunction; empty `and` is true, empty `or` is false. */
export interface LogicExpr {
  readonly kind: 'and' | 'or';
  readonly args: readonly Expr[];
}
/** Boolean implication. */
export interface ImpliesExpr {
  readonly kind: 'implies';
  readonly left: Expr;
  readonly right: Expr;
}
/** `=` and `≠` on two operands of one sort; `<` and `≤` on integers. */
export interface CompareExpr {
  readonly kind: 'eq' | 'ne' | 'lt' | 'le';
  readonly left: Expr;
  readonly right: Expr;
}
/** Integer addition and subtraction (unbounded in the formula; range limits apply to state). */
export interface ArithExpr {
  readonly kind: 'add' | 'sub';
  readonly left: Expr;
  readonly right: Expr;
}
/** If-then-else on any sort; both branches have the same sort. */
export interface IteExpr {
  readonly kind: 'ite';
  readonly cond: Expr;
  readonly ifTrue: Expr;
  readonly ifFalse: Expr;
}

/** Any IR expression; its sort is fixed by {@link inferSort} in the scope it is used in. */
export type Expr =
  | VarExpr
  | ParamExpr
  | ConstExpr
  | NotExpr
  | LogicExpr
  | ImpliesExpr
  | CompareExpr
  | ArithExpr
  | IteExpr;
/** An expression used where a boolean is required (guards, init, properties). */
export type Formula = Expr;
/** An expression used as a value (update right-hand sides, operands). */
export type Term = Expr;

/** The current value of state variable `name`. */
export const variable = (name: string): VarExpr => Object.freeze({ kind: 'var', name });
/** The value chosen for parameter `name` of the transition being fired. */
export const param = (name: string): ParamExpr => Object.freeze({ kind: 'param', name });
/** A literal boolean, integer or enum value name. */
export const constant = (value: Value): ConstExpr => Object.freeze({ kind: 'const', value });
/** `¬arg` */
export const not = (arg: Expr): NotExpr => Object.freeze({ kind: 'not', arg });
/** `args[0] ∧ args[1] ∧ …` (true when empty). */
export const and = (...args: Expr[]): LogicExpr => Object.freeze({ kind: 'and', args: Object.freeze(args) });
/** `args[0] ∨ args[1] ∨ …` (false when empty). */
export const or = (...args: Expr[]): LogicExpr => Object.freeze({ kind: 'or', args: Object.freeze(args) });
/** `left ⇒ right` */
export const implies = (left: Expr, right: Expr): ImpliesExpr =>
  Object.freeze({ kind: 'implies', left, right });
/** `left = right` */
export const eq = (left: Expr, right: Expr): CompareExpr => Object.freeze({ kind: 'eq', left, right });
/** `left ≠ right` */
export const ne = (left: Expr, right: Expr): CompareExpr => Object.freeze({ kind: 'ne', left, right });
/** `left < right` on integers. */
export const lt = (left: Expr, right: Expr): CompareExpr => Object.freeze({ kind: 'lt', left, right });
/** `left ≤ right` on integers. */
export const le = (left: Expr, right: Expr): CompareExpr => Object.freeze({ kind: 'le', left, right });
/** `left + right` on integers. */
export const add = (left: Expr, right: Expr): ArithExpr => Object.freeze({ kind: 'add', left, right });
/** `left − right` on integers. */
export const sub = (left: Expr, right: Expr): ArithExpr => Object.freeze({ kind: 'sub', left, right });
/** `if cond then ifTrue else ifFalse` */
export const ite = (cond: Expr, ifTrue: Expr, ifFalse: Expr): IteExpr =>
  Object.freeze({ kind: 'ite', cond, ifTrue, ifFalse });

/** Binding strength for printing: higher binds tighter; `¬` binds tightest, so `¬(a = b)` keeps its parentheses. */
const PRECEDENCE: Readonly<Record<Expr['kind'], number>> = {
  ite: 0,
  implies: 1,
  or: 2,
  and: 3,
  eq: 4,
  ne: 4,
  lt: 4,
  le: 4,
  add: 5,
  sub: 5,
  not: 6,
  var: 9,
  param: 9,
  const: 9,
};

const SYMBOL = { and: '∧', or: '∨', eq: '=', ne: '≠', lt: '<', le: '≤', add: '+', sub: '-' } as const;

/**
 * Prints `expr` in conventional infix notation with as few parentheses as precedence allows;
 * parameters print as `?name` so a reader can tell them from state variables.
 */
export function formatExpr(expr: Expr): string {
  const wrap = (e: Expr, min: number): string => {
    const s = formatExpr(e);
    return PRECEDENCE[e.kind] < min ? `(${s})` : s;
  };
  switch (expr.kind) {
    case 'var':
      return expr.name;
    case 'param':
      return `?${expr.name}`;
    case 'const':
      return String(expr.value);
    case 'not':
      return `¬${wrap(expr.arg, PRECEDENCE.not)}`;
    case 'and':
    case 'or':
      if (expr.args.length === 0) return expr.kind === 'and' ? 'true' : 'false';
      return expr.args.map((a) => wrap(a, PRECEDENCE[expr.kind] + 1)).join(` ${SYMBOL[expr.kind]} `);
    case 'implies':
      return `${wrap(expr.left, PRECEDENCE.implies + 1)} ⇒ ${wrap(expr.right, PRECEDENCE.implies)}`;
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
      return `${wrap(expr.left, PRECEDENCE.eq + 1)} ${SYMBOL[expr.kind]} ${wrap(expr.right, PRECEDENCE.eq + 1)}`;
    case 'add':
    case 'sub':
      return `${wrap(expr.left, PRECEDENCE.add)} ${SYMBOL[expr.kind]} ${wrap(expr.right, PRECEDENCE.add + 1)}`;
    case 'ite':
      return `if ${wrap(expr.cond, 1)} then ${wrap(expr.ifTrue, 1)} else ${wrap(expr.ifFalse, 0)}`;
    default: {
      const bad: never = expr;
      return bad;
    }
  }
}
