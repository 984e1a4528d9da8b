/**
 * Deliberately broken SeSPHR nets for the conformance tests: a conjunct dropped from a guard, a
 * refusal that can never fire, an output arc removed. Every helper throws when it changes nothing,
 * so a test can never pass against an unbroken net by accident.
 */
import {
  and,
  c,
  type Expr,
  type Net,
  showExpr,
  type Transition,
  type Value,
} from '../../../src/model/index.ts';
import { type NetInstance, sesphrMutant, sesphrNet } from '../../../src/protocol/index.ts';

/** `guard` without its conjuncts (at any depth of nested ∧) shown as `text`. */
export function dropConjunct(guard: Expr | undefined, text: string): Expr {
  let dropped = 0;
  const walk = (e: Expr): Expr => {
    if (e.kind !== 'and') return e;
    const kept = e.args.filter((a) => {
      const drop = showExpr(a) === text;
      if (drop) dropped++;
      return !drop;
    });
    return and(...kept.map(walk));
  };
  const result = walk(guard ?? c(true));
  if (dropped === 0) throw new Error(`dropConjunct: no conjunct ${text} in ${showExpr(guard ?? c(true))}`);
  return result;
}

/** One change: every transition named `name` (all its `/principal` copies) rewritten by `change`. */
export type Rewrite = readonly [name: string, change: (t: Transition) => Transition];

/** The SeSPHR net of an instance with `rewrites` applied; throws when one matches no transition. */
export function mutant(...rewrites: readonly Rewrite[]): (instance: NetInstance) => Net {
  return (instance) => {
    const used = new Set<string>();
    const net = sesphrMutant(sesphrNet(instance), (t) =>
      rewrites.reduce((acc, [name, change]) => {
        if (acc.name !== name) return acc;
        used.add(name);
        return change(acc);
      }, t),
    );
    const unused = rewrites.map(([name]) => name).filter((n) => !used.has(n));
    if (unused.length > 0) throw new Error(`mutant: no transition named ${unused.join(', ')}`);
    return net;
  };
}

/** A rewrite dropping the conjunct shown as `text` from the guard. */
export const withoutConjunct =
  (text: string) =>
  (t: Transition): Transition => ({ ...t, guard: dropConjunct(t.guard, text) });

/** A rewrite making the transition never fire (its guard `false`). */
export const disabled = (t: Transition): Transition => ({ ...t, guard: c(false) });

/** A rewrite removing the outputs into knowledge places: the actor learns nothing. */
export const forgetful = (t: Transition): Transition => ({
  ...t,
  outputs: t.outputs.filter((o) => !o.place.startsWith('K_')),
});

/**
 * A rewrite making every `fn(…)` payload the transition outputs take `value` as its argument
 * `index` (a constant of the same type): the net then names another object than the protocol made.
 */
export const withPayloadArgument =
  (fn: string, index: number, value: Value) =>
  (t: Transition): Transition => {
    let changed = 0;
    const walk = (e: Expr): Expr => {
      if (e.kind === 'tuple') return { ...e, fields: e.fields.map((f) => ({ ...f, expr: walk(f.expr) })) };
      if (e.kind !== 'app' || e.fn !== fn) return e;
      const arg = e.args[index];
      if (arg?.kind !== 'const')
        throw new Error(`withPayloadArgument: ${fn} argument ${index} is not a constant`);
      changed++;
      return { ...e, args: e.args.map((a, i) => (i === index ? { ...arg, value } : a)) };
    };
    const outputs = t.outputs.map((o) => ({ ...o, token: walk(o.token) }));
    if (changed === 0) throw new Error(`withPayloadArgument: ${t.id} outputs no ${fn}(…)`);
    return { ...t, outputs };
  };

/** The window check of the SRS (rule 31) as the net writes it. */
export const WINDOW_CONJUNCT = '(¬(fr.whas = true)) ∨ ((fr.wlo ≤ ck.now) ∧ (ck.now ≤ fr.whi))';

/** The ACL's grant check of the SRS (rule 31) as the net writes it. */
export const GRANT_CONJUNCT = '(rg.on = true) ∨ (ug.on = true)';
