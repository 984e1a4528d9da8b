/**
 * Which token of a set place's universe an output arc puts, by cases. The variables the token's
 * fields read take few candidates each (a pruned handful), so every combination of their
 * candidates is compiled on its own: each field becomes one term, a literal when it is read off a
 * token and a state variable when it is read off a record. Copying a token therefore costs one
 * condition on which token was copied, and a token built from records a comparison per field.
 */
import { freeVars, type Expr as ModelExpr, type Token } from '../model/index.ts';
import { constant, type Formula, type Term } from './expr.ts';
import { exprId, fAnd, fEq, fOr } from './ir-fold.ts';
import { fixed } from './net-candidates.ts';
import { chooses, compileTerm, type Scope, type VariableSource } from './net-expr.ts';
import { NetCompileError, plainValue } from './net-universe.ts';

/** At most this many candidate combinations are enumerated to decide an output arc's token. */
const MAX_COMBINATIONS = 4096;

/** For each index of `universe` the arc may put, the condition under which it puts that token. */
export function producedTokens(
  universe: readonly Token[],
  fields: readonly { readonly name: string; readonly expr: ModelExpr }[],
  scope: Scope,
  at: string,
): ReadonlyMap<number, Formula> {
  const involved: VariableSource[] = [
    ...new Set(fields.flatMap((f) => [...freeVars(f.expr)] as string[])),
  ].map((x) => {
    const s = scope.get(x);
    if (s === undefined) throw new NetCompileError(at, `reads '${x}', which is not bound here`);
    return s;
  });
  const combinations = involved.reduce((n, s) => n * s.candidates.length, 1);
  if (combinations > MAX_COMBINATIONS) {
    throw new NetCompileError(at, `its token depends on ${combinations} combinations of input tokens`);
  }
  // The combinations grouped by the terms the fields come to.
  const groups = new Map<string, { terms: readonly Term[]; conds: Formula[] }>();
  const chosen: number[] = [];
  const visit = (i: number): void => {
    if (i === involved.length) {
      const inner = new Map(scope);
      involved.forEach((s, j) => {
        inner.set(s.variable, fixed(s, chosen[j]!));
      });
      const terms = fields.map((f) => compileTerm(f.expr, inner, `${at} field '${f.name}'`));
      const key = terms.map(exprId).join(',');
      const cond = fAnd(...involved.map((s, j) => chooses(s, chosen[j]!)));
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { terms, conds: [cond] });
      else g.conds.push(cond);
      return;
    }
    for (let c = 0; c < involved[i]!.candidates.length; c++) {
      chosen[i] = c;
      visit(i + 1);
    }
  };
  visit(0);
  const out = new Map<number, Formula>();
  universe.forEach((u, k) => {
    const options = [...groups.values()].map((g) =>
      fAnd(...fields.map((f, j) => fEq(g.terms[j]!, constant(plainValue(u[f.name]!)))), fOr(...g.conds)),
    );
    const match = fOr(...options);
    if (!(match.kind === 'const' && match.value !== true)) out.set(k, match);
  });
  return out;
}
