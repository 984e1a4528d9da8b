/**
 * The tokens each input variable of a transition may take, pruned before anything is encoded.
 * Every variable starts with every token of its place's universe (every record, for a record
 * place); then each guard conjunct whose other variables are already down to one candidate is
 * evaluated on the candidates' possible tokens, and candidates it can never satisfy are dropped,
 * until nothing changes. `D_R_S/bob` reads the principal `bob`, so its Member variable is pinned to
 * the record (owner, bob) before the solver sees it: fewer parameters, smaller formulas, and the
 * same transition, since a dropped candidate could never fire.
 */
import { evaluate, freeVars, type Expr as ModelExpr, type Token, tokenKey } from '../model/index.ts';
import { indexIn } from './case-term.ts';
import { constant, type Formula, type Term, variable } from './expr.ts';
import { fAnd, fOr } from './ir-fold.ts';
import type { Candidate, VariableSource } from './net-expr.ts';
import { fieldTerm, type PlaceEncoding } from './net-places.ts';
import { plainValue, type TokenUniverse } from './net-universe.ts';

const literals = (t: Token): ReadonlyMap<string, Term> =>
  new Map(Object.entries(t).map(([f, v]) => [f, constant(plainValue(v))]));

/** Every token a variable bound to the place of `enc` may take, unpruned. */
export function allCandidates(enc: PlaceEncoding, universe: TokenUniverse): readonly Candidate[] {
  switch (enc.kind) {
    case 'static':
      return enc.tokens.map((t) => ({
        identity: tokenKey(t),
        fields: literals(t),
        present: constant(true),
        token: t,
        witnesses: [t],
      }));
    case 'set':
      return enc.tokens.map((t, i) => ({
        identity: tokenKey(t),
        fields: literals(t),
        present: variable(enc.vars[i]!),
        token: t,
        witnesses: [t],
      }));
    case 'record': {
      const possible = universe.get(enc.place.id) ?? [];
      return enc.slots.map((slot) => ({
        identity: tokenKey(slot.key),
        fields: new Map([
          ...[...literals(slot.key)],
          ...[...slot.fields].map(([f, field]) => [f, fieldTerm(field)] as const),
        ]),
        present: constant(true),
        slot,
        witnesses: possible.filter((t) => enc.keyFields.every((f) => t[f] === slot.key[f])),
      }));
    }
    default: {
      const bad: never = enc;
      return bad;
    }
  }
}

/** Whether some combination of the witnesses of `sources` (one candidate each) satisfies `c`. */
function satisfiable(c: ModelExpr, sources: readonly { variable: string; candidate: Candidate }[]): boolean {
  const bound: Record<string, Token> = {};
  const visit = (i: number): boolean => {
    if (i === sources.length) return evaluate(c, bound) === true;
    const s = sources[i]!;
    for (const w of s.candidate.witnesses) {
      bound[s.variable] = w;
      if (visit(i + 1)) return true;
    }
    return false;
  };
  return visit(0);
}

/**
 * Drops the candidates that can never satisfy `conditions` (see the module comment). `mutable`
 * names the variables whose candidates may be pruned; the others only serve as context. The
 * conditions must not read opaque fields.
 */
export function prune(
  sources: Map<string, VariableSource>,
  conditions: readonly ModelExpr[],
  mutable: ReadonlySet<string>,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of conditions) {
      const vars = [...freeVars(c)] as string[];
      if (!vars.every((x) => sources.has(x))) continue;
      if (vars.some((x) => sources.get(x)!.candidates.length === 0)) return;
      const open = vars.filter((x) => sources.get(x)!.candidates.length > 1);
      const target = open.length === 0 ? vars.find((x) => mutable.has(x)) : open[0];
      if (target === undefined || open.length > 1 || !mutable.has(target)) continue;
      const source = sources.get(target)!;
      const context = vars
        .filter((x) => x !== target)
        .map((x) => ({ variable: x, candidate: sources.get(x)!.candidates[0]! }));
      const kept = source.candidates.filter((candidate) =>
        satisfiable(c, [...context, { variable: target, candidate }]),
      );
      if (kept.length !== source.candidates.length) {
        sources.set(target, { ...source, candidates: kept });
        changed = true;
      }
    }
  }
}

/** `source` with a parameter named `param` when it still has more than one candidate. */
export function withParameter(source: VariableSource, param: string): VariableSource {
  return { ...source, param: source.candidates.length > 1 ? param : undefined };
}

/** The condition that the token `source` takes is in its place. */
export function presence(source: VariableSource): Formula {
  const byTerm = new Map<string, { present: Formula; indices: number[] }>();
  source.candidates.forEach((c, i) => {
    const key =
      c.present.kind === 'var' ? c.present.name : String(c.present.kind === 'const' && c.present.value);
    const g = byTerm.get(key);
    if (g === undefined) byTerm.set(key, { present: c.present, indices: [i] });
    else g.indices.push(i);
  });
  return fOr(
    ...[...byTerm.values()].map((g) =>
      fAnd(
        source.param === undefined
          ? constant(true)
          : indexIn(source.param, g.indices, source.candidates.length),
        g.present,
      ),
    ),
  );
}

/** `source` restricted to its candidate `i` (no parameter): for compiling inside one case. */
export function fixed(source: VariableSource, i: number): VariableSource {
  return { ...source, candidates: [source.candidates[i]!], param: undefined };
}
