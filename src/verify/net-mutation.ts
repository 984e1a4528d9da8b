/**
 * Mutating a net: the same places and transitions with a guard conjunct dropped, an output's field
 * replaced or an output added. Mutants show that a proof is not vacuous: a property that still
 * holds once the check it relies on is removed proved nothing about that check. Each edit counts
 * what it changed, so a mutant that no longer matches the net (after the net was edited) fails
 * loudly instead of quietly verifying the unchanged net.
 */
import {
  and,
  defineNet,
  type Expr,
  type Net,
  type OutputArc,
  showExpr,
  type Transition,
  type TransitionSpec,
  tuple,
} from '../model/index.ts';
import { NetCompileError } from './net-universe.ts';

/** A rewrite of one transition; returns it unchanged when it does not apply. */
export type TransitionEdit = (t: Transition) => Transition | TransitionSpec;

/** `net` with every transition passed through `edits` (in order), named `name`. */
export function mutateNet(net: Net, name: string, edits: readonly TransitionEdit[]): Net {
  return defineNet({
    name,
    places: net.places,
    transitions: net.transitions.map((t) =>
      edits.reduce<Transition | TransitionSpec>((x, e) => e(x as Transition), t),
    ),
  });
}

/** The conjuncts of a condition, nested `and`s flattened. */
function flatten(e: Expr | undefined): Expr[] {
  if (e === undefined) return [];
  return e.kind === 'and' ? e.args.flatMap(flatten) : [e];
}

/** Counts the changes an edit made, so a mutant can insist that it changed something. */
export class EditCount {
  count = 0;
  /** Throws when nothing was changed: the mutant no longer fits the net. */
  expectChanges(mutant: string): void {
    if (this.count === 0) throw new NetCompileError(`mutant '${mutant}'`, 'changes nothing in this net');
  }
}

/**
 * Drops, from the guards of the transitions `applies` selects, every top-level conjunct whose text
 * (`showExpr`) `matches` selects.
 */
export function dropConjuncts(
  applies: (t: Transition) => boolean,
  matches: (text: string) => boolean,
  count: EditCount,
): TransitionEdit {
  return (t) => {
    if (!applies(t) || t.guard === undefined) return t;
    const parts = flatten(t.guard);
    const kept = parts.filter((c) => !matches(showExpr(c)));
    if (kept.length === parts.length) return t;
    count.count += parts.length - kept.length;
    const { guard: _dropped, ...rest } = t;
    return kept.length === 0 ? rest : { ...rest, guard: kept.length === 1 ? kept[0]! : and(...kept) };
  };
}

/** Replaces field `field` of the tokens the selected transitions put into `place` by `value`. */
export function replaceOutputField(
  applies: (t: Transition) => boolean,
  place: string,
  field: string,
  value: Expr,
  count: EditCount,
): TransitionEdit {
  return (t) => {
    if (!applies(t)) return t;
    let changed = false;
    const outputs = t.outputs.map((o): OutputArc => {
      if (o.place !== place || o.token.kind !== 'tuple') return o;
      if (!o.token.fields.some((f) => f.name === field)) return o;
      changed = true;
      const fields = Object.fromEntries(
        o.token.fields.map((f) => [f.name, f.name === field ? value : f.expr]),
      );
      return { ...o, token: tuple(fields) };
    });
    if (!changed) return t;
    count.count++;
    return { ...t, outputs };
  };
}

/** Adds, to the selected transitions, a copy of their output into `from` that goes into `to`. */
export function copyOutput(
  applies: (t: Transition) => boolean,
  from: string,
  to: string,
  count: EditCount,
): TransitionEdit {
  return (t) => {
    if (!applies(t)) return t;
    const copies = t.outputs
      .filter((o) => o.place === from)
      .map((o) => ({ ...o, place: to as OutputArc['place'] }));
    if (copies.length === 0) return t;
    count.count += copies.length;
    return { ...t, outputs: [...t.outputs, ...copies] };
  };
}

/** Removes, from the selected transitions, the input arc that binds `bind`. */
export function dropInput(
  applies: (t: Transition) => boolean,
  bind: string,
  count: EditCount,
): TransitionEdit {
  return (t) => {
    if (!applies(t)) return t;
    const inputs = t.inputs.filter((a) => a.bind !== bind);
    if (inputs.length === t.inputs.length) return t;
    count.count++;
    return { ...t, inputs };
  };
}
