/**
 * The engine's working form of a net: place indices instead of ids, input arcs split into binders
 * (consume, read) and inhibitors, and the guard cut into conjuncts scheduled right after the binder
 * that binds their last variable, so enumeration prunes a partial binding as early as possible.
 *
 * Conjuncts of the form `x.f = e`, where `x` is the binder's variable and `e` uses only variables
 * bound earlier (and no functions), become matchers of that binder: enumeration computes `e` once
 * and compares token fields directly; when matchers fix every field of the place's colour, it finds
 * the one candidate token by key instead of scanning the place. Since such conjuncts are pure and
 * total, this changes neither the bindings found nor their order.
 * Internal to src/model; built once per net and cached.
 */
import type { TransitionId } from './brand.ts';
import type { ColourSet } from './colour.ts';
import { ModelError } from './errors.ts';
import { applications, type Expr, freeVars } from './expr.ts';
import { layoutOf, type Marking, type PlaceLayout } from './marking.ts';
import { defineNet, isDefinedNet, type Net, type Transition } from './net.ts';
import { type Token, UNIT_TOKEN } from './token.ts';

/** A consume or read arc: chooses one token of its place. */
export interface Binder {
  readonly consume: boolean;
  readonly place: number;
  /** The variable it binds; undefined for an anonymous consume on a UNIT place. */
  readonly bind: string | undefined;
  /** Copies taken (consume) or required (read, always 1). */
  readonly weight: number;
  /** Arc position among the transition's inputs, for messages. */
  readonly arc: number;
  /** Field equalities the chosen token must satisfy, from the guard. */
  readonly matchers: readonly Matcher[];
  /**
   * When the matchers fix every field: for each of the colour's fields in name order, the index of
   * its matcher, so the candidate's token code can be built directly.
   */
  readonly keyFields: readonly number[] | undefined;
}

/** `token.field = expr` for the token a binder chooses. */
export interface Matcher {
  readonly field: string;
  readonly expr: Expr;
}

export interface Inhibitor {
  readonly place: number;
  readonly bind: string;
  readonly where: Expr | undefined;
  readonly arc: number;
}

export interface Output {
  readonly place: number;
  readonly token: Expr;
  /** The token when it does not depend on the binding (unit tokens of plain places). */
  readonly constant: Token | undefined;
  readonly weight: number;
  readonly when: Expr | undefined;
  /** Names this arc's `when` in evaluation errors. */
  readonly whenLabel: string;
  readonly colour: ColourSet;
  /**
   * The bounded int fields of the colour: the only part of a produced token that type checking
   * cannot guarantee (field names, kinds, enum values and function results are checked already).
   */
  readonly bounds: readonly { readonly field: string; readonly min: number; readonly max: number }[];
  readonly arc: number;
}

export interface CompiledTransition {
  readonly index: number;
  readonly transition: Transition;
  readonly binders: readonly Binder[];
  /** Guard conjuncts to evaluate before any binder (index 0) and after binder i (index i + 1). */
  readonly checks: readonly (readonly Expr[])[];
  readonly inhibitors: readonly Inhibitor[];
  readonly outputs: readonly Output[];
}

export interface CompiledNet {
  readonly net: Net;
  readonly layout: PlaceLayout;
  readonly transitions: readonly CompiledTransition[];
  readonly byId: ReadonlyMap<TransitionId, CompiledTransition>;
  /** Per place: the transitions with a consume or read arc on it (each listed once). */
  readonly consumers: readonly Int32Array[];
  /** Per transition: how many distinct places its consume and read arcs use. */
  readonly needed: Int32Array;
  /** Scratch space for {@link candidates}: per transition, a visit stamp and a count of marked places. */
  readonly scratch: { epoch: number; readonly stamps: Int32Array; readonly counts: Int32Array };
}

const cache = new WeakMap<Net, CompiledNet>();

/** The compiled form of `net`, validating it first if it did not come from `defineNet`. */
export function compileNet(net: Net): CompiledNet {
  let compiled = cache.get(net);
  if (compiled === undefined) {
    if (!isDefinedNet(net)) defineNet(net);
    compiled = compile(net);
    cache.set(net, compiled);
  }
  return compiled;
}

/** The transition with `id`, or a ModelError naming it. */
export function transitionOf(c: CompiledNet, id: TransitionId): CompiledTransition {
  const t = c.byId.get(id);
  if (t === undefined) throw new ModelError(`net '${c.net.name}' has no transition '${id}'`);
  return t;
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'and' ? e.args.flatMap(conjuncts) : [e];
}

/** `x.f = e` (or `e = x.f`) with `e` over `earlier` variables only and free of functions. */
function asMatcher(conjunct: Expr, x: string, earlier: ReadonlySet<string>): Matcher | undefined {
  if (conjunct.kind !== 'eq') return undefined;
  const sides: readonly [Expr, Expr][] = [
    [conjunct.left, conjunct.right],
    [conjunct.right, conjunct.left],
  ];
  for (const [own, other] of sides) {
    if (own.kind !== 'field' || own.of.kind !== 'var' || own.of.name !== x) continue;
    if (applications(other).length > 0) continue;
    if ([...freeVars(other)].every((name) => earlier.has(name))) return { field: own.name, expr: other };
  }
  return undefined;
}

function compile(net: Net): CompiledNet {
  const layout = layoutOf(net);
  const placeIndex = (id: string): number => {
    const i = layout.index.get(id as never);
    if (i === undefined) throw new ModelError(`net '${net.name}' has no place '${id}'`);
    return i;
  };
  const transitions = net.transitions.map((t, index): CompiledTransition => {
    const arcs: Omit<Binder, 'matchers' | 'keyFields'>[] = [];
    const inhibitors: Inhibitor[] = [];
    t.inputs.forEach((a, arc) => {
      switch (a.kind) {
        case 'consume':
          arcs.push({ consume: true, place: placeIndex(a.place), bind: a.bind, weight: a.weight ?? 1, arc });
          break;
        case 'read':
          arcs.push({ consume: false, place: placeIndex(a.place), bind: a.bind, weight: 1, arc });
          break;
        case 'inhibit':
          inhibitors.push({ place: placeIndex(a.place), bind: a.bind, where: a.where, arc });
          break;
        default: {
          const never: never = a;
          throw new ModelError(`unknown arc ${JSON.stringify(never)}`);
        }
      }
    });
    const boundAt = new Map<string, number>();
    arcs.forEach((b, i) => {
      if (b.bind !== undefined) boundAt.set(b.bind, i + 1);
    });
    const checks: Expr[][] = Array.from({ length: arcs.length + 1 }, () => []);
    const matchers: Matcher[][] = arcs.map(() => []);
    for (const conjunct of t.guard === undefined ? [] : conjuncts(t.guard)) {
      let at = 0;
      for (const name of freeVars(conjunct)) at = Math.max(at, boundAt.get(name) ?? 0);
      const arc = arcs[at - 1];
      if (arc?.bind !== undefined) {
        const earlier = new Set<string>(
          arcs.slice(0, at - 1).flatMap((b) => (b.bind === undefined ? [] : [b.bind])),
        );
        const matcher = asMatcher(conjunct, arc.bind, earlier);
        if (matcher !== undefined) {
          matchers[at - 1]!.push(matcher);
          continue;
        }
      }
      checks[at]!.push(conjunct);
    }
    const binders = arcs.map((b, i): Binder => {
      const own = matchers[i]!;
      const fields = net.places[b.place]!.colour.fields.map((f) => f.name);
      const covered = fields.length > 0 && fields.every((f) => own.some((m) => m.field === f));
      return {
        ...b,
        matchers: own,
        keyFields: covered ? [...fields].sort().map((f) => own.findIndex((m) => m.field === f)) : undefined,
      };
    });
    const outputs = t.outputs.map((o, arc): Output => {
      const place = placeIndex(o.place);
      const colour = net.places[place]!.colour;
      const unit = o.token.kind === 'tuple' && o.token.fields.length === 0 && colour.fields.length === 0;
      return {
        place,
        token: o.token,
        constant: unit ? UNIT_TOKEN : undefined,
        weight: o.weight ?? 1,
        when: o.when,
        whenLabel: `output arc ${arc} when`,
        colour,
        bounds: colour.fields.flatMap((f) =>
          f.type.kind === 'int' && (f.type.min !== undefined || f.type.max !== undefined)
            ? [
                {
                  field: f.name,
                  min: f.type.min ?? Number.MIN_SAFE_INTEGER,
                  max: f.type.max ?? Number.MAX_SAFE_INTEGER,
                },
              ]
            : [],
        ),
        arc,
      };
    });
    return { index, transition: t, binders, checks, inhibitors, outputs };
  });
  const consumers: number[][] = net.places.map(() => []);
  const needed = new Int32Array(transitions.length);
  for (const ct of transitions) {
    const places = new Set(ct.binders.map((b) => b.place));
    needed[ct.index] = places.size;
    for (const place of places) consumers[place]!.push(ct.index);
  }
  return {
    net,
    layout,
    transitions,
    byId: new Map(transitions.map((t) => [t.transition.id, t] as const)),
    consumers: consumers.map((ts) => Int32Array.from(ts)),
    needed,
    scratch: {
      epoch: 0,
      stamps: new Int32Array(transitions.length),
      counts: new Int32Array(transitions.length),
    },
  };
}

/**
 * The transitions that may be enabled in `marking`, in net order: those whose consume and read arcs
 * all point at non-empty places. Big nets have many transitions and few marked places, so counting
 * from the marked places is much cheaper than testing every transition.
 */
export function candidates(c: CompiledNet, marking: Marking): CompiledTransition[] {
  const { stamps, counts } = c.scratch;
  if (c.scratch.epoch === 0x7fffffff) {
    stamps.fill(0);
    c.scratch.epoch = 0;
  }
  const epoch = ++c.scratch.epoch;
  const bags = marking.bags;
  for (let p = 0; p < bags.length; p++) {
    if (bags[p]!.total === 0) continue;
    const ts = c.consumers[p]!;
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      if (stamps[t] === epoch) counts[t]!++;
      else {
        stamps[t] = epoch;
        counts[t] = 1;
      }
    }
  }
  const out: CompiledTransition[] = [];
  const needed = c.needed;
  for (let t = 0; t < needed.length; t++) {
    const n = needed[t]!;
    if (n === 0 || (stamps[t] === epoch && counts[t] === n)) out.push(c.transitions[t]!);
  }
  return out;
}
