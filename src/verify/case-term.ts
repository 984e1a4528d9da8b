/**
 * Case terms: a value given by cases, `{c₁: t₁, c₂: t₂, …}`, whose conditions are mutually
 * exclusive and, under the constraints of the transition they are built in, exhaustive. A field of
 * a variable that may take one of several tokens is such a term: one case per distinct value, its
 * condition saying which tokens have it. Operations distribute over the cases and fold, so
 * `ct.kind = ciphertext` becomes the condition on `ct`'s choice under which it holds, with no
 * if-then-else chains of literals left for the solver.
 */
import { constant, type Formula, param, type Term } from './expr.ts';
import { fAnd, fEq, fIte, fLe, fNot, fOr, leafKey } from './ir-fold.ts';
import type { Value } from './sort.ts';

/** One case: when `cond` holds, the value is `term`. */
export interface Case {
  readonly cond: Formula;
  readonly term: Term;
}

/** A value by cases (see the module comment); never empty. */
export type Cases = readonly Case[];

const TRUE = constant(true);

/** The plain term `t` as a case term. */
export const always = (t: Term): Cases => [{ cond: TRUE, term: t }];

/** A literal as a case term. */
export const literalCases = (v: Value): Cases => always(constant(v));

/** Merges cases with the same leaf term (their conditions joined) and drops impossible ones. */
export function merge(cases: Cases): Cases {
  const out: Case[] = [];
  const index = new Map<string, number>();
  for (const c of cases) {
    if (c.cond.kind === 'const' && c.cond.value !== true) continue;
    const k = leafKey(c.term);
    const at = k === undefined ? undefined : index.get(k);
    if (at === undefined) {
      if (k !== undefined) index.set(k, out.length);
      out.push(c);
    } else {
      const prior = out[at]!;
      out[at] = { cond: fOr(prior.cond, c.cond), term: prior.term };
    }
  }
  return out.length === 0 ? cases.slice(0, 1) : out;
}

/** `f` applied to the cases of `a`. */
export function map1(a: Cases, f: (x: Term) => Term): Cases {
  return merge(a.map((c) => ({ cond: c.cond, term: f(c.term) })));
}

/** `f` applied to every pair of cases of `a` and `b`. */
export function map2(a: Cases, b: Cases, f: (x: Term, y: Term) => Term): Cases {
  const out: Case[] = [];
  for (const x of a) {
    for (const y of b) {
      const cond = fAnd(x.cond, y.cond);
      if (cond.kind === 'const' && cond.value !== true) continue;
      out.push({ cond, term: f(x.term, y.term) });
    }
  }
  return merge(out);
}

/** A boolean case term as one formula: the disjunction of its true cases. */
export function holdsWhen(a: Cases): Formula {
  return fOr(...a.map((c) => fAnd(c.cond, c.term)));
}

/** A case term as one term: an if-then-else chain, the last case taken when no other holds. */
export function asTerm(a: Cases): Term {
  let out = a[a.length - 1]!.term;
  for (let i = a.length - 2; i >= 0; i--) out = fIte(a[i]!.cond, a[i]!.term, out);
  return out;
}

/** `a = b` by cases. */
export const eqCases = (a: Cases, b: Cases): Formula => holdsWhen(map2(a, b, fEq));

/**
 * The condition that parameter `name`, ranging over `0..n-1`, takes one of `indices` (sorted,
 * distinct): an interval test when they are contiguous, else a disjunction (or the negation of
 * the smaller complement).
 */
export function indexIn(name: string, indices: readonly number[], n: number): Formula {
  if (indices.length === 0) return constant(false);
  if (indices.length === n) return TRUE;
  const p = param(name);
  const lo = indices[0]!;
  const hi = indices[indices.length - 1]!;
  if (lo === hi) return fEq(p, constant(lo));
  if (hi - lo + 1 === indices.length) {
    return fAnd(lo > 0 ? fLe(constant(lo), p) : TRUE, hi < n - 1 ? fLe(p, constant(hi)) : TRUE);
  }
  const chosen = new Set(indices);
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !chosen.has(i));
  if (rest.length < indices.length) return fNot(fOr(...rest.map((i) => fEq(p, constant(i)))));
  return fOr(...indices.map((i) => fEq(p, constant(i))));
}
