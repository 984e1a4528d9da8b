/**
 * Constructors of IR expressions that fold constants as they build. The net compiler produces
 * formulas by case analysis over which token a variable takes, so most subformulas it builds are
 * decided by the constants in the tokens (`parameter = ciphertext` is simply false): folding keeps
 * the compiled system to the comparisons that depend on the state, and it is what lets two enum
 * literals meet (`=` of two literals is decided here, before the IR's type checker would have to
 * guess their enum).
 */
import {
  add,
  and,
  constant,
  type Expr,
  eq,
  type Formula,
  ite,
  le,
  lt,
  not,
  or,
  sub,
  type Term,
} from './expr.ts';
import type { Value } from './sort.ts';

const TRUE = constant(true);
const FALSE = constant(false);

/** The literal value of `e`, if it is one. */
export const literal = (e: Expr): Value | undefined => (e.kind === 'const' ? e.value : undefined);

/** A key equal for structurally equal leaves (variables, parameters, literals); undefined otherwise. */
export function leafKey(e: Expr): string | undefined {
  switch (e.kind) {
    case 'var':
      return `v:${e.name}`;
    case 'param':
      return `p:${e.name}`;
    case 'const':
      return `c:${typeof e.value}:${String(e.value)}`;
    default:
      return undefined;
  }
}

/** Whether two expressions are the same leaf. */
export function sameLeaf(a: Expr, b: Expr): boolean {
  const k = leafKey(a);
  return k !== undefined && k === leafKey(b);
}

const ids = new WeakMap<Expr, number>();
const interned = new Map<string, number>();

/**
 * A number equal for structurally equal expressions (hash-consing by children's numbers), so that
 * repeated subformulas, which case analysis produces in quantity, are recognised in constant time.
 */
export function exprId(e: Expr): number {
  const known = ids.get(e);
  if (known !== undefined) return known;
  let key: string;
  switch (e.kind) {
    case 'var':
    case 'param':
    case 'const':
      key = leafKey(e)!;
      break;
    case 'not':
      key = `not(${exprId(e.arg)})`;
      break;
    case 'and':
    case 'or':
      key = `${e.kind}(${e.args.map(exprId).join(',')})`;
      break;
    case 'ite':
      key = `ite(${exprId(e.cond)},${exprId(e.ifTrue)},${exprId(e.ifFalse)})`;
      break;
    default:
      key = `${e.kind}(${exprId(e.left)},${exprId(e.right)})`;
  }
  let id = interned.get(key);
  if (id === undefined) {
    id = interned.size;
    interned.set(key, id);
  }
  ids.set(e, id);
  return id;
}

/** `¬a`, folded. */
export function fNot(a: Formula): Formula {
  if (a.kind === 'const') return constant(a.value !== true);
  if (a.kind === 'not') return a.arg;
  return not(a);
}

/** `a ∧ b ∧ …`, flattened and folded (repeated conjuncts dropped). */
export function fAnd(...args: readonly Formula[]): Formula {
  const out: Formula[] = [];
  const seen = new Set<number>();
  for (const a of args.flatMap((x) => (x.kind === 'and' ? x.args : [x]))) {
    if (a.kind === 'const') {
      if (a.value !== true) return FALSE;
      continue;
    }
    const k = exprId(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  if (out.length === 0) return TRUE;
  return out.length === 1 ? out[0]! : and(...out);
}

/** `a ∨ b ∨ …`, flattened and folded (repeated disjuncts dropped). */
export function fOr(...args: readonly Formula[]): Formula {
  const out: Formula[] = [];
  const seen = new Set<number>();
  for (const a of args.flatMap((x) => (x.kind === 'or' ? x.args : [x]))) {
    if (a.kind === 'const') {
      if (a.value === true) return TRUE;
      continue;
    }
    const k = exprId(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  if (out.length === 0) return FALSE;
  return out.length === 1 ? out[0]! : or(...out);
}

/** `a ⇒ b`, folded. */
export function fImplies(a: Formula, b: Formula): Formula {
  return fOr(fNot(a), b);
}

/** `a = b`, folded: two literals compare now; a boolean literal turns into the other side or its negation. */
export function fEq(a: Term, b: Term): Formula {
  const la = literal(a);
  const lb = literal(b);
  if (la !== undefined && lb !== undefined) return constant(la === lb);
  if (sameLeaf(a, b)) return TRUE;
  if (typeof la === 'boolean') return la ? b : fNot(b);
  if (typeof lb === 'boolean') return lb ? a : fNot(a);
  return eq(a, b);
}

/** `a ≤ b` on integers, folded. */
export function fLe(a: Term, b: Term): Formula {
  const la = literal(a);
  const lb = literal(b);
  if (typeof la === 'number' && typeof lb === 'number') return constant(la <= lb);
  if (sameLeaf(a, b)) return TRUE;
  return le(a, b);
}

/** `a < b` on integers, folded. */
export function fLt(a: Term, b: Term): Formula {
  const la = literal(a);
  const lb = literal(b);
  if (typeof la === 'number' && typeof lb === 'number') return constant(la < lb);
  if (sameLeaf(a, b)) return FALSE;
  return lt(a, b);
}

/** `a + b` on integers, folded. */
export function fAdd(a: Term, b: Term): Term {
  const la = literal(a);
  const lb = literal(b);
  if (typeof la === 'number' && typeof lb === 'number') return constant(la + lb);
  if (la === 0) return b;
  if (lb === 0) return a;
  return add(a, b);
}

/** `a − b` on integers, folded. */
export function fSub(a: Term, b: Term): Term {
  const la = literal(a);
  const lb = literal(b);
  if (typeof la === 'number' && typeof lb === 'number') return constant(la - lb);
  if (lb === 0) return a;
  return sub(a, b);
}

/** `if c then a else b`, folded; boolean branches become connectives. */
export function fIte(c: Formula, a: Term, b: Term): Term {
  if (c.kind === 'const') return c.value === true ? a : b;
  if (sameLeaf(a, b)) return a;
  const la = literal(a);
  const lb = literal(b);
  if (la === true && lb === false) return c;
  if (la === false && lb === true) return fNot(c);
  if (la === true) return fOr(c, b);
  if (la === false) return fAnd(fNot(c), b);
  if (lb === true) return fOr(fNot(c), a);
  if (lb === false) return fAnd(c, a);
  return ite(c, a, b);
}
