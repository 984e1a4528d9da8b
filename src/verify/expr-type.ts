/**
 * Static typing of IR expressions. Enum literals carry no sort of their own, so typing is
 * bidirectional: a literal takes the enum sort of the other operand of `=`/`≠` or of the variable it
 * is assigned to. The encoder asks the same questions ({@link operandType}) to map a literal to the
 * right index, so what type-checks here is exactly what encodes.
 */
import { IrError } from './errors.ts';
import type { Expr } from './expr.ts';
import { type EnumSort, formatSort, type Sort, sameSort } from './sort.ts';

/** The sort of an expression: integer terms have no range (ranges constrain state, not terms). */
export type ExprType = { readonly kind: 'bool' } | { readonly kind: 'int' } | EnumSort;

/** The names an expression may mention: state variables always, parameters inside a transition. */
export interface Scope {
  readonly vars: ReadonlyMap<string, Sort>;
  readonly params: ReadonlyMap<string, Sort>;
}

const BOOL: ExprType = Object.freeze({ kind: 'bool' });
const INT: ExprType = Object.freeze({ kind: 'int' });

/** The expression type of values of `sort`. */
export function typeOfSort(sort: Sort): ExprType {
  return sort.kind === 'int' ? INT : sort;
}

function sameType(a: ExprType, b: ExprType): boolean {
  if (a.kind === 'enum' && b.kind === 'enum') return sameSort(a, b);
  return a.kind === b.kind;
}

const show = (t: ExprType): string => (t.kind === 'int' ? 'int' : formatSort(t));

/** Checks expressions of one element (`transition inc`, `init`) and names it in every error. */
class Checker {
  constructor(
    private readonly scope: Scope,
    private readonly element: string,
  ) {}

  fail(problem: string, path: string): never {
    throw new IrError(this.element, problem, path);
  }

  /** The type of `e` when it can be told without context; `null` for a bare enum literal. */
  synth(e: Expr, path: string): ExprType | null {
    switch (e.kind) {
      case 'var': {
        const sort = this.scope.vars.get(e.name);
        if (sort === undefined) this.fail(`unknown state variable ${JSON.stringify(e.name)}`, path);
        return typeOfSort(sort);
      }
      case 'param': {
        const sort = this.scope.params.get(e.name);
        if (sort === undefined) {
          this.fail(
            `unknown parameter ${JSON.stringify(e.name)} (parameters exist only in transitions)`,
            path,
          );
        }
        return typeOfSort(sort);
      }
      case 'const':
        if (typeof e.value === 'boolean') return BOOL;
        if (typeof e.value === 'number') {
          if (!Number.isSafeInteger(e.value))
            this.fail(`integer literal ${e.value} is not a safe integer`, path);
          return INT;
        }
        if (typeof e.value !== 'string') this.fail(`literal ${JSON.stringify(e.value)} is not a value`, path);
        return null;
      case 'not':
        this.check(e.arg, BOOL, `${path}.arg`);
        return BOOL;
      case 'and':
      case 'or':
        e.args.forEach((a, i) => {
          this.check(a, BOOL, `${path}.${e.kind}[${i}]`);
        });
        return BOOL;
      case 'implies':
        this.check(e.left, BOOL, `${path}.left`);
        this.check(e.right, BOOL, `${path}.right`);
        return BOOL;
      case 'eq':
      case 'ne':
        this.common(e.left, e.right, path, 'left', 'right');
        return BOOL;
      case 'lt':
      case 'le':
        this.check(e.left, INT, `${path}.left`);
        this.check(e.right, INT, `${path}.right`);
        return BOOL;
      case 'add':
      case 'sub':
        this.check(e.left, INT, `${path}.left`);
        this.check(e.right, INT, `${path}.right`);
        return INT;
      case 'ite': {
        this.check(e.cond, BOOL, `${path}.cond`);
        const t = this.synth(e.ifTrue, `${path}.ifTrue`);
        if (t === null) {
          const f = this.synth(e.ifFalse, `${path}.ifFalse`);
          if (f === null) return null;
          this.check(e.ifTrue, f, `${path}.ifTrue`);
          return f;
        }
        this.check(e.ifFalse, t, `${path}.ifFalse`);
        return t;
      }
      default: {
        const bad: never = e;
        return this.fail(`unknown expression kind ${JSON.stringify((bad as { kind: unknown }).kind)}`, path);
      }
    }
  }

  /** Checks that `e` has type `expected`; enum literals must name a value of the expected enum. */
  check(e: Expr, expected: ExprType, path: string): void {
    if (e.kind === 'const' && typeof e.value === 'string') {
      if (expected.kind !== 'enum' || !expected.values.includes(e.value)) {
        this.fail(`literal ${JSON.stringify(e.value)} is not a value of ${show(expected)}`, path);
      }
      return;
    }
    if (e.kind === 'ite') {
      this.check(e.cond, BOOL, `${path}.cond`);
      this.check(e.ifTrue, expected, `${path}.ifTrue`);
      this.check(e.ifFalse, expected, `${path}.ifFalse`);
      return;
    }
    const got = this.synth(e, path);
    if (got === null || !sameType(got, expected)) {
      this.fail(`expected ${show(expected)}, got ${got === null ? 'an enum literal' : show(got)}`, path);
    }
  }

  /** The one type both operands share; fails when neither side fixes an enum literal's sort. */
  common(a: Expr, b: Expr, path: string, aName: string, bName: string): ExprType {
    const ta = this.synth(a, `${path}.${aName}`);
    if (ta !== null) {
      this.check(b, ta, `${path}.${bName}`);
      return ta;
    }
    const tb = this.synth(b, `${path}.${bName}`);
    if (tb === null) this.fail('cannot tell which enum two literals belong to; compare a variable', path);
    this.check(a, tb, `${path}.${aName}`);
    return tb;
  }
}

/**
 * Checks that `expr` is well typed in `scope` with type `expected`; throws an {@link IrError} that
 * names `element` and the path of the offending node.
 */
export function checkExpr(expr: Expr, scope: Scope, expected: ExprType, element: string): void {
  new Checker(scope, element).check(expr, expected, 'expr');
}

/** The boolean expression type, for {@link checkExpr}. */
export const boolType: ExprType = BOOL;

/**
 * The shared type of two operands (of `=`/`≠`, or the branches of an `ite`), for callers that must
 * know an enum literal's sort; assumes the expression already passed {@link checkExpr}.
 */
export function operandType(left: Expr, right: Expr, scope: Scope): ExprType {
  return new Checker(scope, 'operands').common(left, right, 'expr', 'left', 'right');
}
