/**
 * Bindings: which token each input variable of a transition takes. The set of enabled bindings of a
 * marking is the set of possible next steps; this module enumerates it in a fixed order
 * (transitions in net order, then each input arc's tokens in key order) so that a seeded choice
 * among them is reproducible.
 */
import type { TransitionId } from './brand.ts';
import {
  type CompiledTransition,
  candidates,
  compileNet,
  type Matcher,
  transitionOf,
} from './compiled-net.ts';
import { EvaluationError } from './errors.ts';
import { type Expr, showExpr } from './expr.ts';
import { evaluate, type FunctionTable } from './expr-eval.ts';
import { checkLayout, findEntry, type Marking } from './marking.ts';
import type { Net } from './net.ts';
import { showToken, type Token, type Value, valueEquals, valueKey } from './token.ts';

/** A transition with a token for each of its consume/read variables: one possible firing. */
export interface Binding {
  readonly transition: TransitionId;
  readonly vars: Readonly<Record<string, Token>>;
}

const NO_FUNCTIONS: FunctionTable = Object.freeze({});

/** Every enabled binding of every transition in `marking`, in deterministic order. */
export function enabledBindings(
  net: Net,
  marking: Marking,
  functions: FunctionTable = NO_FUNCTIONS,
): Binding[] {
  const c = compileNet(net);
  checkLayout(net, marking);
  const out: Binding[] = [];
  for (const ct of candidates(c, marking)) enumerateBindings(ct, marking, functions, out);
  return out;
}

/** The enabled bindings of one transition in `marking`, in deterministic order. */
export function enabledBindingsOf(
  net: Net,
  marking: Marking,
  transition: TransitionId,
  functions: FunctionTable = NO_FUNCTIONS,
): Binding[] {
  const c = compileNet(net);
  checkLayout(net, marking);
  const out: Binding[] = [];
  enumerateBindings(transitionOf(c, transition), marking, functions, out);
  return out;
}

/** A readable label for a binding, e.g. `D_R_S r=(user=alice, role=doctor) a=(…)`. */
export function showBinding(net: Net, binding: Binding): string {
  const t = transitionOf(compileNet(net), binding.transition).transition;
  const vars = Object.entries(binding.vars).map(([name, tok]) => `${name}=${showToken(tok)}`);
  return vars.length === 0 ? t.name : `${t.name} ${vars.join(' ')}`;
}

/** Evaluates a boolean expression; an evaluation error gets the transition and `part` prepended. */
export function holds(
  e: Expr,
  vars: Readonly<Record<string, Token>>,
  functions: FunctionTable,
  transition: TransitionId,
  part: string,
): boolean {
  try {
    return evaluate(e, vars, functions) === true;
  } catch (err) {
    if (err instanceof EvaluationError) {
      throw new EvaluationError(`transition '${transition}' ${part}: ${err.message} (in ${showExpr(e)})`);
    }
    throw err;
  }
}

/**
 * The token of `place` that blocks `ct` under `vars` through one of its inhibitor arcs, if any.
 * Writes each inhibitor's variable into `vars` while testing its `where`.
 */
export function inhibitedBy(
  ct: CompiledTransition,
  marking: Marking,
  vars: Record<string, Token>,
  functions: FunctionTable,
): { arc: number; token: Token } | undefined {
  for (const inh of ct.inhibitors) {
    const bag = marking.bags[inh.place]!;
    if (bag.total === 0) continue;
    if (inh.where === undefined) return { arc: inh.arc, token: bag.entries[0]!.token };
    for (const e of bag.entries) {
      vars[inh.bind] = e.token;
      if (holds(inh.where, vars, functions, ct.transition.id, `input arc ${inh.arc} where`)) {
        return { arc: inh.arc, token: e.token };
      }
    }
  }
  return undefined;
}

function checksHold(
  ct: CompiledTransition,
  i: number,
  vars: Readonly<Record<string, Token>>,
  functions: FunctionTable,
): boolean {
  const checks = ct.checks[i]!;
  for (const e of checks) {
    if (!holds(e, vars, functions, ct.transition.id, 'guard')) return false;
  }
  return true;
}

/** The state of one enumeration, passed down the recursion instead of captured in closures. */
interface Enumeration {
  readonly ct: CompiledTransition;
  readonly marking: Marking;
  readonly functions: FunctionTable;
  readonly vars: Record<string, Token>;
  /** Key of the token chosen by each binder so far. */
  readonly chosen: string[];
  readonly out: Binding[];
}

/**
 * Appends the enabled bindings of `ct` in `marking` to `out`. Each consume/read arc picks a distinct
 * token of its place in key order, honouring counts already taken by earlier arcs of the same place;
 * guard conjuncts run as soon as their variables are bound; inhibitor arcs are checked last.
 */
export function enumerateBindings(
  ct: CompiledTransition,
  marking: Marking,
  functions: FunctionTable,
  out: Binding[],
): void {
  // Most transitions of a big net are disabled for want of tokens: say so before allocating anything.
  const bags = marking.bags;
  for (const b of ct.binders) if (bags[b.place]!.total < b.weight) return;
  const state: Enumeration = { ct, marking, functions, vars: {}, chosen: [], out };
  if (checksHold(ct, 0, state.vars, functions)) step(state, 0);
}

function emit(s: Enumeration): void {
  const { ct, vars } = s;
  if (ct.inhibitors.length > 0 && inhibitedBy(ct, s.marking, vars, s.functions) !== undefined) return;
  const bound: Record<string, Token> = {};
  for (const b of ct.binders) if (b.bind !== undefined) bound[b.bind] = vars[b.bind]!;
  s.out.push(Object.freeze({ transition: ct.transition.id, vars: Object.freeze(bound) }));
}

function step(s: Enumeration, i: number): void {
  const binders = s.ct.binders;
  if (i === binders.length) {
    emit(s);
    return;
  }
  const b = binders[i]!;
  const bag = s.marking.bags[b.place]!;
  if (bag.total < b.weight) return;
  const matchers = b.matchers;
  let wanted: Value[] | undefined;
  let from = 0;
  let to = bag.entries.length;
  if (matchers.length > 0) {
    wanted = matchers.map((m) => evaluate(m.expr, s.vars, s.functions) as Value);
    if (b.keyFields !== undefined) {
      let code = '';
      for (let k = 0; k < b.keyFields.length; k++) {
        if (k > 0) code += ',';
        code += valueKey(wanted[b.keyFields[k]!]!);
      }
      from = findEntry(bag, code);
      if (from < 0) return;
      to = from + 1;
    }
  }
  for (let at = from; at < to; at++) {
    const e = bag.entries[at]!;
    if (wanted !== undefined && !matches(e.token, matchers, wanted)) continue;
    let available = e.count;
    for (let j = 0; j < i; j++) {
      const o = binders[j]!;
      if (o.place === b.place && s.chosen[j] === e.key) available -= o.weight;
    }
    if (available < b.weight) continue;
    s.chosen[i] = e.key;
    if (b.bind !== undefined) s.vars[b.bind] = e.token;
    if (checksHold(s.ct, i + 1, s.vars, s.functions)) step(s, i + 1);
  }
}

function matches(t: Token, matchers: readonly Matcher[], wanted: readonly Value[]): boolean {
  for (let k = 0; k < matchers.length; k++) {
    if (!valueEquals(t[matchers[k]!.field]!, wanted[k]!)) return false;
  }
  return true;
}
