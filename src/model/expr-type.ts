/**
 * Type checking of expressions. Every node gets an {@link ExprType}; the verifier relies on this to
 * pick an SMT sort per node, and `defineNet` relies on it to reject ill-formed guards before a run.
 */
import {
  type ColourField,
  type ColourSet,
  comparable,
  type FieldType,
  fieldTypeProblem,
  showFieldType,
  valueProblem,
} from './colour.ts';
import { ExprTypeError } from './errors.ts';
import { type Expr, showExpr } from './expr.ts';

/** The type of a token-valued node: its fields, in order (colour names do not matter). */
export interface RecordType {
  readonly kind: 'record';
  readonly fields: readonly ColourField[];
}

/** The type of an expression node: a scalar field type or a record (a whole token). */
export type ExprType = FieldType | RecordType;

/** Variables in scope and the colour of the token each is bound to. */
export type TypeEnv = Readonly<Record<string, ColourSet>>;

const BOOL: FieldType = { kind: 'bool' };
const INT: FieldType = { kind: 'int' };

/**
 * The type of `expr` under `env`. Throws {@link ExprTypeError} naming the problem and the path of
 * the offending node (e.g. `and[1].left`).
 */
export function typeOf(expr: Expr, env: TypeEnv): ExprType {
  return check(expr, env, '');
}

/** Shows a type: a field type as in colour sets, a record as `(user: id<user>, n: int)`. */
export function showType(t: ExprType): string {
  return t.kind === 'record'
    ? `(${t.fields.map((f) => `${f.name}: ${showFieldType(f.type)}`).join(', ')})`
    : showFieldType(t);
}

/**
 * Why a value of type `t` cannot be put in a place of colour `colour`, or undefined when it can:
 * the fields must match by name and kind. Integer bounds are checked when the token is produced.
 */
export function colourMismatch(t: ExprType, colour: ColourSet): string | undefined {
  if (t.kind !== 'record') return `expected a token of colour ${colour.name}, got ${showType(t)}`;
  for (const f of colour.fields) {
    const g = t.fields.find((x) => x.name === f.name);
    if (g === undefined) return `field '${f.name}' of colour ${colour.name} is missing`;
    if (!comparable(g.type, f.type)) {
      return `field '${f.name}' is ${showFieldType(g.type)}, colour ${colour.name} wants ${showFieldType(f.type)}`;
    }
  }
  const extra = t.fields.filter((g) => !colour.fields.some((f) => f.name === g.name));
  if (extra.length > 0) return `field '${extra[0]!.name}' is not in colour ${colour.name}`;
  return undefined;
}

function join(path: string, step: string): string {
  return path === '' ? step : `${path}.${step}`;
}

function fail(problem: string, e: Expr, path: string): never {
  throw new ExprTypeError(`${problem} in ${showExpr(e)}`, path);
}

function scalar(t: ExprType, e: Expr, path: string, what: string): FieldType {
  if (t.kind === 'record') fail(`${what} must be a field value, not a whole token ${showType(t)}`, e, path);
  return t;
}

function expect(t: ExprType, kind: 'bool' | 'int', e: Expr, path: string, what: string): void {
  if (t.kind !== kind) fail(`${what} must be ${kind}, got ${showType(t)}`, e, path);
}

function sameType(a: ExprType, b: ExprType): boolean {
  if (a.kind === 'record' || b.kind === 'record') {
    return (
      a.kind === 'record' &&
      b.kind === 'record' &&
      a.fields.length === b.fields.length &&
      a.fields.every((f) => b.fields.some((g) => g.name === f.name && comparable(f.type, g.type)))
    );
  }
  return comparable(a, b);
}

function check(e: Expr, env: TypeEnv, path: string): ExprType {
  switch (e.kind) {
    case 'var': {
      const colour = Object.hasOwn(env, e.name) ? env[e.name] : undefined;
      if (colour === undefined) {
        const bound = Object.keys(env);
        fail(
          `unbound variable '${e.name}' (bound here: ${bound.length === 0 ? 'none' : bound.join(', ')})`,
          e,
          path,
        );
      }
      return { kind: 'record', fields: colour.fields };
    }
    case 'const': {
      const problem = valueProblem(e.value, e.type);
      if (problem !== undefined) fail(`constant does not fit its type: ${problem}`, e, path);
      return e.type;
    }
    case 'field': {
      const of = check(e.of, env, join(path, 'of'));
      if (of.kind !== 'record') fail(`field access on a non-token value of type ${showType(of)}`, e, path);
      const f = of.fields.find((x) => x.name === e.name);
      if (f === undefined) {
        fail(`no field '${e.name}' (fields: ${of.fields.map((x) => x.name).join(', ') || 'none'})`, e, path);
      }
      return f.type;
    }
    case 'eq':
    case 'ne': {
      const l = scalar(check(e.left, env, join(path, 'left')), e, path, 'left operand');
      const r = scalar(check(e.right, env, join(path, 'right')), e, path, 'right operand');
      if (!comparable(l, r)) fail(`cannot compare ${showFieldType(l)} with ${showFieldType(r)}`, e, path);
      return BOOL;
    }
    case 'lt':
    case 'le':
    case 'add':
    case 'sub':
    case 'mul': {
      expect(check(e.left, env, join(path, 'left')), 'int', e, path, 'left operand');
      expect(check(e.right, env, join(path, 'right')), 'int', e, path, 'right operand');
      return e.kind === 'lt' || e.kind === 'le' ? BOOL : INT;
    }
    case 'and':
    case 'or':
      e.args.forEach((a, i) => {
        expect(check(a, env, join(path, `${e.kind}[${i}]`)), 'bool', e, path, `operand ${i}`);
      });
      return BOOL;
    case 'not':
      expect(check(e.arg, env, join(path, 'arg')), 'bool', e, path, 'operand');
      return BOOL;
    case 'in': {
      const t = scalar(check(e.elem, env, join(path, 'elem')), e, path, 'element');
      const kindOnly: FieldType = t.kind === 'int' ? INT : t;
      for (const value of e.set) {
        const problem = valueProblem(value, kindOnly);
        if (problem !== undefined) fail(`set member does not fit ${showFieldType(t)}: ${problem}`, e, path);
      }
      return BOOL;
    }
    case 'tuple': {
      const seen = new Set<string>();
      const fields: ColourField[] = [];
      for (const f of e.fields) {
        if (seen.has(f.name)) fail(`field '${f.name}' given twice`, e, path);
        seen.add(f.name);
        const t = scalar(check(f.expr, env, join(path, f.name)), e, path, `field '${f.name}'`);
        fields.push({ name: f.name, type: t });
      }
      return { kind: 'record', fields };
    }
    case 'app': {
      if (e.fn.length === 0) fail('function name is empty', e, path);
      const problem = fieldTypeProblem(e.type);
      if (problem !== undefined) fail(`result type is malformed: ${problem}`, e, path);
      e.args.forEach((a, i) => {
        scalar(check(a, env, join(path, `args[${i}]`)), e, path, `argument ${i}`);
      });
      return e.type;
    }
    case 'ite': {
      expect(check(e.cond, env, join(path, 'cond')), 'bool', e, path, 'condition');
      const a = check(e.ifTrue, env, join(path, 'ifTrue'));
      const b = check(e.ifFalse, env, join(path, 'ifFalse'));
      if (!sameType(a, b)) fail(`branches differ: ${showType(a)} versus ${showType(b)}`, e, path);
      return a.kind === 'int' ? INT : a;
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}
