/**
 * Firing: the one state change of the engine. `fire` is pure: it returns the next marking and what
 * moved, and leaves the given marking untouched (it is immutable anyway).
 */

import { type Binding, holds, inhibitedBy } from './binding.ts';
import type { PlaceId } from './brand.ts';
import { tokenProblem } from './colour.ts';
import { type CompiledNet, type CompiledTransition, compileNet, type Output } from './compiled-net.ts';
import { EvaluationError } from './errors.ts';
import { showExpr } from './expr.ts';
import { evaluate, type FunctionTable } from './expr-eval.ts';
import { type Bag, bagAdd, bagRemove, checkLayout, findEntry, type Marking, makeMarking } from './marking.ts';
import type { Net } from './net.ts';
import { showToken, type Token, tokenCode, tokenKey } from './token.ts';

/** Tokens taken from or put into a place by one arc of a firing. */
export interface TokenMove {
  readonly place: PlaceId;
  readonly token: Token;
  readonly count: number;
}

/** The outcome of {@link fire}: the next marking and the moves, or why the binding is not enabled. */
export type FireResult =
  | {
      readonly kind: 'fired';
      readonly marking: Marking;
      readonly consumed: readonly TokenMove[];
      readonly produced: readonly TokenMove[];
    }
  | { readonly kind: 'not-enabled'; readonly reason: string };

const NO_FUNCTIONS: FunctionTable = Object.freeze({});

/**
 * Fires `binding` in `marking`. Checks that the binding is enabled (its tokens are there, the guard
 * holds, no inhibitor blocks) and says why not otherwise. Evaluation errors in the net's expressions
 * are model bugs and are thrown as {@link EvaluationError}.
 */
export function fire(
  net: Net,
  marking: Marking,
  binding: Binding,
  functions: FunctionTable = NO_FUNCTIONS,
): FireResult {
  const c = compileNet(net);
  checkLayout(net, marking);
  const ct = c.byId.get(binding.transition);
  if (ct === undefined) return notEnabled(`net '${net.name}' has no transition '${binding.transition}'`);
  const reason = whyNotEnabled(c, ct, marking, binding.vars, functions);
  if (reason !== undefined) return notEnabled(`${ct.transition.name}: ${reason}`);
  const consumed: TokenMove[] = [];
  const produced: TokenMove[] = [];
  const next = fireEnabled(ct, marking, binding.vars, functions, { consumed, produced });
  return Object.freeze({
    kind: 'fired',
    marking: next,
    consumed: Object.freeze(consumed),
    produced: Object.freeze(produced),
  });
}

function notEnabled(reason: string): FireResult {
  return Object.freeze({ kind: 'not-enabled', reason });
}

function whyNotEnabled(
  c: CompiledNet,
  ct: CompiledTransition,
  marking: Marking,
  given: Readonly<Record<string, Token>>,
  functions: FunctionTable,
): string | undefined {
  const places = c.net.places;
  const expected = new Set<string>();
  const chosen: string[] = [];
  for (const b of ct.binders) {
    const bag = marking.bags[b.place]!;
    const placeId = places[b.place]!.id;
    let t: Token | undefined;
    if (b.bind === undefined) t = bag.entries[0]?.token;
    else {
      expected.add(b.bind);
      t = Object.hasOwn(given, b.bind) ? given[b.bind] : undefined;
      if (t === undefined) return `variable '${b.bind}' is not bound`;
    }
    const key = t === undefined ? '' : tokenCode(t);
    const at = findEntry(bag, key);
    // Codes identify tokens only among tokens of the place's colour: check the fields too.
    const present = at >= 0 && (t === undefined || tokenKey(bag.entries[at]!.token) === tokenKey(t));
    let available = present ? bag.entries[at]!.count : 0;
    ct.binders.forEach((o, j) => {
      if (j < chosen.length && o.place === b.place && chosen[j] === key) available -= o.weight;
    });
    chosen.push(key);
    if (available < b.weight) {
      const shown = t === undefined ? '•' : showToken(t);
      return `place '${placeId}' lacks ${b.weight} × ${shown} for input arc ${b.arc}`;
    }
  }
  for (const name of Object.keys(given)) {
    if (!expected.has(name)) return `variable '${name}' is not an input variable`;
  }
  const guard = ct.transition.guard;
  if (guard !== undefined && !holds(guard, given, functions, ct.transition.id, 'guard')) {
    return `guard ${showExpr(guard)} is false`;
  }
  const blocked = inhibitedBy(ct, marking, { ...given }, functions);
  if (blocked !== undefined) {
    const place = ct.transition.inputs[blocked.arc]!.place;
    return `inhibited by ${showToken(blocked.token)} in place '${place}' (input arc ${blocked.arc})`;
  }
  return undefined;
}

/**
 * Fires a binding already known to be enabled (from `enumerateBindings`); records the moves
 * when `effects` is given. The explorer's and simulator's inner step.
 */
export function fireEnabled(
  ct: CompiledTransition,
  marking: Marking,
  vars: Readonly<Record<string, Token>>,
  functions: FunctionTable,
  effects?: { consumed: TokenMove[]; produced: TokenMove[] },
): Marking {
  const bags: Bag[] = marking.bags.slice();
  const places = marking.layout.places;
  for (const b of ct.binders) {
    if (!b.consume) continue;
    const bag = bags[b.place]!;
    const t = b.bind === undefined ? bag.entries[0]!.token : vars[b.bind]!;
    bags[b.place] = bagRemove(bag, tokenCode(t), b.weight);
    effects?.consumed.push(Object.freeze({ place: places[b.place]!, token: t, count: b.weight }));
  }
  for (const o of ct.outputs) {
    if (o.when !== undefined && !holds(o.when, vars, functions, ct.transition.id, o.whenLabel)) {
      continue;
    }
    let t = o.constant;
    if (t === undefined) {
      t = produce(ct, o.arc, o.token, vars, functions);
      if (!withinBounds(t, o.bounds)) {
        throw new EvaluationError(
          `transition '${ct.transition.id}' output arc ${o.arc} produced ${showToken(t)}, which does not fit colour ${o.colour.name} of place '${places[o.place]}': ${tokenProblem(t, o.colour)}`,
        );
      }
    }
    bags[o.place] = bagAdd(bags[o.place]!, t, tokenCode(t), o.weight);
    effects?.produced.push(Object.freeze({ place: places[o.place]!, token: t, count: o.weight }));
  }
  return makeMarking(marking.layout, bags);
}

function withinBounds(t: Token, bounds: Output['bounds']): boolean {
  for (const b of bounds) {
    const x = t[b.field] as number;
    if (x < b.min || x > b.max) return false;
  }
  return true;
}

function produce(
  ct: CompiledTransition,
  arc: number,
  e: CompiledTransition['outputs'][number]['token'],
  vars: Readonly<Record<string, Token>>,
  functions: FunctionTable,
): Token {
  try {
    return evaluate(e, vars, functions) as Token;
  } catch (err) {
    if (err instanceof EvaluationError) {
      throw new EvaluationError(`transition '${ct.transition.id}' output arc ${arc}: ${err.message}`);
    }
    throw err;
  }
}
