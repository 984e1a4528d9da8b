/**
 * Evaluation of expressions against bound tokens. Well-typed expressions (see `typeOf`) cannot go
 * wrong except through functions and integer overflow, which raise {@link EvaluationError}.
 */
import { valueProblem } from './colour.ts';
import { EvaluationError } from './errors.ts';
import { type Expr, showExpr } from './expr.ts';
import { sealToken, showValue, type Token, type Value, valueEquals } from './token.ts';

/**
 * The implementations of the functions named in `app` nodes. In abstract runs they build symbolic
 * terms; in concrete runs they compute real cryptography. The engine checks each result against the
 * node's declared type.
 */
export type FunctionTable = Readonly<Record<string, (args: readonly Value[]) => Value>>;

/** What an expression evaluates to: a field value, or a whole token (variables, tuples). */
export type EvalResult = Value | Token;

const NO_FUNCTIONS: FunctionTable = Object.freeze({});

/**
 * Evaluates `expr` with variables bound to tokens. Assumes the expression type-checks in the
 * corresponding environment; throws {@link EvaluationError} for unbound variables, unknown or
 * ill-behaved functions, and results that leave the safe-integer range.
 */
export function evaluate(
  expr: Expr,
  bindings: Readonly<Record<string, Token>>,
  functions: FunctionTable = NO_FUNCTIONS,
): EvalResult {
  return run(expr, bindings, functions);
}

function scalar(x: EvalResult): Value {
  return x as Value;
}

function int(x: EvalResult, e: Expr): number {
  if (typeof x !== 'number')
    throw new EvaluationError(`expected an integer in ${showExpr(e)}, got ${String(x)}`);
  return x;
}

function bool(x: EvalResult, e: Expr): boolean {
  if (typeof x !== 'boolean')
    throw new EvaluationError(`expected a boolean in ${showExpr(e)}, got ${String(x)}`);
  return x;
}

function safe(n: number, e: Expr): number {
  if (!Number.isSafeInteger(n)) throw new EvaluationError(`integer overflow (${n}) in ${showExpr(e)}`);
  return n;
}

function run(e: Expr, b: Readonly<Record<string, Token>>, fns: FunctionTable): EvalResult {
  switch (e.kind) {
    case 'var': {
      const t = Object.hasOwn(b, e.name) ? b[e.name] : undefined;
      if (t === undefined) throw new EvaluationError(`variable '${e.name}' is not bound`);
      return t;
    }
    case 'const':
      return e.value;
    case 'field': {
      const t = run(e.of, b, fns) as Token;
      const x = t[e.name];
      if (x === undefined) throw new EvaluationError(`token has no field '${e.name}' in ${showExpr(e)}`);
      return x;
    }
    case 'eq':
      return valueEquals(scalar(run(e.left, b, fns)), scalar(run(e.right, b, fns)));
    case 'ne':
      return !valueEquals(scalar(run(e.left, b, fns)), scalar(run(e.right, b, fns)));
    case 'lt':
      return int(run(e.left, b, fns), e) < int(run(e.right, b, fns), e);
    case 'le':
      return int(run(e.left, b, fns), e) <= int(run(e.right, b, fns), e);
    case 'and':
      for (const a of e.args) if (!bool(run(a, b, fns), e)) return false;
      return true;
    case 'or':
      for (const a of e.args) if (bool(run(a, b, fns), e)) return true;
      return false;
    case 'not':
      return !bool(run(e.arg, b, fns), e);
    case 'in': {
      const x = scalar(run(e.elem, b, fns));
      return e.set.some((y) => valueEquals(x, y));
    }
    case 'add':
      return safe(int(run(e.left, b, fns), e) + int(run(e.right, b, fns), e), e);
    case 'sub':
      return safe(int(run(e.left, b, fns), e) - int(run(e.right, b, fns), e), e);
    case 'mul':
      return safe(int(run(e.left, b, fns), e) * int(run(e.right, b, fns), e), e);
    case 'tuple': {
      const out: Record<string, Value> = {};
      for (const f of e.fields) out[f.name] = scalar(run(f.expr, b, fns));
      return sealToken(out);
    }
    case 'app': {
      const fn = Object.hasOwn(fns, e.fn) ? fns[e.fn] : undefined;
      if (fn === undefined) {
        throw new EvaluationError(
          `function '${e.fn}' is not in the function table (needed by ${showExpr(e)})`,
        );
      }
      const args = e.args.map((a) => scalar(run(a, b, fns)));
      const result = fn(args);
      const problem = valueProblem(result, e.type);
      if (problem !== undefined) {
        throw new EvaluationError(
          `function '${e.fn}' returned a bad result for (${args.map(showValue).join(', ')}): ${problem}`,
        );
      }
      return result;
    }
    case 'ite':
      return bool(run(e.cond, b, fns), e) ? run(e.ifTrue, b, fns) : run(e.ifFalse, b, fns);
    default: {
      const never: never = e;
      return never;
    }
  }
}
