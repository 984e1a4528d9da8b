/**
 * The model's expression language (guards, `where`, `when`, output fields) compiled to the IR, so
 * that the net the simulator fires is, expression for expression, the net the solver reasons
 * about. Within one transition each input variable takes one of a finite list of candidate tokens
 * (chosen by an IR parameter when there is more than one); a field of a variable is a case term
 * over that choice, and every operator distributes over the cases (see case-term.ts).
 */
import type { Expr as ModelExpr, Token } from '../model/index.ts';
import {
  always,
  asTerm,
  type Cases,
  eqCases,
  holdsWhen,
  indexIn,
  literalCases,
  map1,
  map2,
  merge,
} from './case-term.ts';
import { constant, type Formula, type Term } from './expr.ts';
import { fAdd, fAnd, fEq, fLe, fLt, fNot, fOr, fSub, leafKey, literal } from './ir-fold.ts';
import type { RecordSlot } from './net-places.ts';
import { NetCompileError } from './net-universe.ts';

/** One token a variable may take: its fields as terms, and when it is there. */
export interface Candidate {
  /** Unique within the place: the token's key (set, static) or the record's key. */
  readonly identity: string;
  /** Every non-opaque field: a literal, or the variable of a record field. */
  readonly fields: ReadonlyMap<string, Term>;
  /** That the token is in its place: a presence variable, or true for records and constants. */
  readonly present: Formula;
  /** The (stripped) token itself, for set and static places; a record's is read off the state. */
  readonly token?: Token;
  /** The record it stands for, for record places. */
  readonly slot?: RecordSlot;
  /**
   * Every token it may be in a reachable state: the token itself, or for a record every token of
   * the universe with its key. Static pruning evaluates conditions on these.
   */
  readonly witnesses: readonly Token[];
}

/** Where one variable of a transition takes its token from, and which tokens it may take. */
export interface VariableSource {
  readonly variable: string;
  readonly place: string;
  readonly candidates: readonly Candidate[];
  /** The IR parameter choosing among the candidates; undefined when there is only one. */
  readonly param: string | undefined;
}

/** The variables an expression may read. */
export type Scope = ReadonlyMap<string, VariableSource>;

/** The condition that `source` takes candidate `i`. */
export function chooses(source: VariableSource, i: number): Formula {
  return source.param === undefined ? constant(true) : indexIn(source.param, [i], source.candidates.length);
}

/** `source.field` by cases over the candidate chosen. */
function fieldCases(source: VariableSource, field: string, element: string): Cases {
  const groups = new Map<string, { term: Term; indices: number[] }>();
  source.candidates.forEach((c, i) => {
    const term = c.fields.get(field);
    if (term === undefined) {
      throw new NetCompileError(
        element,
        `'${source.variable}' (place '${source.place}') has no field '${field}' the verifier keeps`,
      );
    }
    const key = leafKey(term) ?? `#${i}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { term, indices: [i] });
    else g.indices.push(i);
  });
  const n = source.candidates.length;
  return [...groups.values()].map((g) => ({
    cond: source.param === undefined ? constant(true) : indexIn(source.param, g.indices, n),
    term: g.term,
  }));
}

/** `a × b` when one side is a literal (the IR has no multiplication). */
function multiply(a: Term, b: Term, element: string): Term {
  const la = literal(a);
  const lb = literal(b);
  if (typeof la === 'number' && typeof lb === 'number') return constant(la * lb);
  const [n, x] = typeof lb === 'number' ? [lb, a] : typeof la === 'number' ? [la, b] : [undefined, a];
  if (n === undefined || !Number.isSafeInteger(n) || n < 0 || n > 64) {
    throw new NetCompileError(element, 'multiplication needs a literal factor between 0 and 64');
  }
  let out: Term = constant(0);
  for (let i = 0; i < n; i++) out = fAdd(out, x);
  return out;
}

/** Compiles `e` in `scope`; `element` names the transition part in errors. */
export function compileExpr(e: ModelExpr, scope: Scope, element: string): Cases {
  const go = (x: ModelExpr): Cases => compileExpr(x, scope, element);
  const formula = (x: ModelExpr): Formula => holdsWhen(go(x));
  switch (e.kind) {
    case 'var':
      throw new NetCompileError(element, `the whole token '${e.name}' is used where a value is needed`);
    case 'const':
      if (typeof e.value === 'object') {
        throw new NetCompileError(element, 'an opaque constant is used where a value is needed');
      }
      return literalCases(e.value);
    case 'field': {
      if (e.of.kind === 'var') {
        const source = scope.get(e.of.name);
        if (source === undefined) throw new NetCompileError(element, `'${e.of.name}' is not bound here`);
        return fieldCases(source, e.name, element);
      }
      if (e.of.kind === 'tuple') {
        const f = e.of.fields.find((x) => x.name === e.name);
        if (f !== undefined) return go(f.expr);
      }
      throw new NetCompileError(element, `cannot read field '${e.name}' of a ${e.of.kind} node`);
    }
    case 'eq':
      return always(eqCases(go(e.left), go(e.right)));
    case 'ne':
      return always(fNot(eqCases(go(e.left), go(e.right))));
    case 'lt':
      return always(holdsWhen(map2(go(e.left), go(e.right), fLt)));
    case 'le':
      return always(holdsWhen(map2(go(e.left), go(e.right), fLe)));
    case 'and':
      return always(fAnd(...e.args.map(formula)));
    case 'or':
      return always(fOr(...e.args.map(formula)));
    case 'not':
      return always(fNot(formula(e.arg)));
    case 'in': {
      if (e.set.some((v) => typeof v === 'object')) {
        throw new NetCompileError(element, 'membership in a set of opaque values');
      }
      const values = e.set.map((v) => constant(v as string | number | boolean));
      return always(holdsWhen(map1(go(e.elem), (t) => fOr(...values.map((v) => fEq(t, v))))));
    }
    case 'add':
      return map2(go(e.left), go(e.right), fAdd);
    case 'sub':
      return map2(go(e.left), go(e.right), fSub);
    case 'mul':
      return map2(go(e.left), go(e.right), (a, b) => multiply(a, b, element));
    case 'tuple':
      throw new NetCompileError(element, 'a token is built where a value is needed');
    case 'app':
      throw new NetCompileError(element, `function '${e.fn}' yields a value the verifier abstracts away`);
    case 'ite': {
      const c = formula(e.cond);
      const yes = go(e.ifTrue).map((x) => ({ cond: fAnd(c, x.cond), term: x.term }));
      const no = go(e.ifFalse).map((x) => ({ cond: fAnd(fNot(c), x.cond), term: x.term }));
      return merge([...yes, ...no]);
    }
    default: {
      const bad: never = e;
      return bad;
    }
  }
}

/** Compiles a condition to one formula. */
export function compileCondition(e: ModelExpr, scope: Scope, element: string): Formula {
  return holdsWhen(compileExpr(e, scope, element));
}

/** Compiles a value to one term. */
export function compileTerm(e: ModelExpr, scope: Scope, element: string): Term {
  return asTerm(compileExpr(e, scope, element));
}
