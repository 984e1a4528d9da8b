/**
 * The net: places typed by colour sets, transitions with input arcs (consume, read, inhibit), a
 * guard and output arcs whose tokens are built by expressions. {@link defineNet} is the only way
 * in: it checks everything that can be checked before a run, so firing never meets a dangling arc or
 * an ill-typed guard.
 */
import { type PlaceId, placeId, type TransitionId, transitionId, type VarName, varName } from './brand.ts';
import { type ColourSet, colourSetProblem, comparable, showFieldType, tokenProblem, UNIT } from './colour.ts';
import { isExprTypeError, NetDefinitionError } from './errors.ts';
import { applications, type Expr, UNIT_EXPR } from './expr.ts';
import { colourMismatch, type ExprType, showType, type TypeEnv, typeOf } from './expr-type.ts';
import { type Token, type TokenCount, token, UNIT_TOKEN } from './token.ts';

/** A place: where tokens of one colour live. */
export interface Place {
  readonly id: PlaceId;
  readonly name: string;
  readonly colour: ColourSet;
  readonly initial: readonly TokenCount[];
}

/**
 * Takes `weight` copies of one token from `place`. `bind` names the token for the guard and output
 * expressions; it may be left out only on UNIT places, where every token is the same.
 */
export interface ConsumeArc {
  readonly kind: 'consume';
  readonly place: PlaceId;
  readonly bind?: VarName;
  readonly weight?: number;
}

/**
 * Requires one token in `place` and binds it to `bind` without taking it. The token must be
 * available besides whatever the transition's other input arcs take (contextual-net semantics:
 * a read never shares a token occurrence with a consume).
 */
export interface ReadArc {
  readonly kind: 'read';
  readonly place: PlaceId;
  readonly bind: VarName;
}

/**
 * Blocks the transition while `place` holds a token `t` such that `where` holds with `bind := t`
 * (and the other input variables as bound); without `where`, while the place holds any token.
 * Checked against the marking before firing, after all other arcs are bound.
 */
export interface InhibitArc {
  readonly kind: 'inhibit';
  readonly place: PlaceId;
  readonly bind: VarName;
  readonly where?: Expr;
}

export type InputArc = ConsumeArc | ReadArc | InhibitArc;

/** Puts `weight` copies of the token `token` evaluates to into `place`, if `when` holds (default true). */
export interface OutputArc {
  readonly place: PlaceId;
  readonly token: Expr;
  readonly weight?: number;
  readonly when?: Expr;
}

/** A transition. `meta` carries free-form labels (paper rule numbers, actor names) for reports. */
export interface Transition {
  readonly id: TransitionId;
  readonly name: string;
  readonly inputs: readonly InputArc[];
  readonly guard?: Expr;
  readonly outputs: readonly OutputArc[];
  readonly meta?: Readonly<Record<string, string>>;
}

/** A validated, frozen net. Obtain it from {@link defineNet}. */
export interface Net {
  readonly name: string;
  readonly places: readonly Place[];
  readonly transitions: readonly Transition[];
}

/** A place as written: `colour` defaults to UNIT, `name` to the id; `initial` may be a count of unit tokens. */
export interface PlaceSpec {
  readonly id: string;
  readonly name?: string;
  readonly colour?: ColourSet;
  readonly initial?: number | readonly { readonly token: Token; readonly count?: number }[];
}

/** An input arc as written (`bind` of an inhibitor arc defaults to `_`). */
export type InputArcSpec =
  | { readonly kind: 'consume'; readonly place: string; readonly bind?: string; readonly weight?: number }
  | { readonly kind: 'read'; readonly place: string; readonly bind: string }
  | { readonly kind: 'inhibit'; readonly place: string; readonly bind?: string; readonly where?: Expr };

/** An output arc as written: `token` may be left out for UNIT places. */
export interface OutputArcSpec {
  readonly place: string;
  readonly token?: Expr;
  readonly weight?: number;
  readonly when?: Expr;
}

/** A transition as written: `name` defaults to the id, arcs to none. */
export interface TransitionSpec {
  readonly id: string;
  readonly name?: string;
  readonly inputs?: readonly InputArcSpec[];
  readonly guard?: Expr;
  readonly outputs?: readonly OutputArcSpec[];
  readonly meta?: Readonly<Record<string, string>>;
}

/** What {@link defineNet} accepts. A {@link Net} is also a valid spec. */
export interface NetSpec {
  readonly name: string;
  readonly places: readonly PlaceSpec[];
  readonly transitions: readonly TransitionSpec[];
}

const definedNets = new WeakSet<Net>();

/** Whether `net` came out of {@link defineNet} (so it needs no further validation). */
export function isDefinedNet(net: Net): boolean {
  return definedNets.has(net);
}

/**
 * Validates a net and returns it frozen: ids unique, arcs naming existing places, weights positive
 * integers, initial tokens fitting their colours, variables bound once, guards and `where`/`when`
 * conditions boolean, output tokens fitting their place's colour, and each function applied with
 * one signature throughout. Throws {@link NetDefinitionError} naming the element at fault.
 */
export function defineNet(spec: NetSpec): Net {
  const netName = typeof spec.name === 'string' && spec.name.length > 0 ? spec.name : undefined;
  if (netName === undefined) throw new NetDefinitionError('net', 'needs a non-empty name');
  const signatures = new Map<string, { args: readonly ExprType[]; result: ExprType; where: string }>();

  const colours = new Map<string, ColourSet>();
  const places = spec.places.map((p, i) => {
    const where = `place ${i} ('${String(p.id)}')`;
    if (typeof p.id !== 'string' || p.id.length === 0)
      throw new NetDefinitionError(where, 'needs a non-empty id');
    if (colours.has(p.id)) throw new NetDefinitionError(`place '${p.id}'`, 'id is used by another place');
    const place = definePlace(p, `place '${p.id}'`);
    colours.set(p.id, place.colour);
    return place;
  });

  const seenTransitions = new Set<string>();
  const transitions = spec.transitions.map((t, i) => {
    if (typeof t.id !== 'string' || t.id.length === 0) {
      throw new NetDefinitionError(`transition ${i}`, 'needs a non-empty id');
    }
    const where = `transition '${t.id}'`;
    if (seenTransitions.has(t.id)) throw new NetDefinitionError(where, 'id is used by another transition');
    seenTransitions.add(t.id);
    return defineTransition(t, where, colours, signatures);
  });

  const net: Net = Object.freeze({
    name: netName,
    places: Object.freeze(places),
    transitions: Object.freeze(transitions),
  });
  definedNets.add(net);
  return net;
}

function positiveInt(n: unknown, where: string, what: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new NetDefinitionError(where, `${what} must be a positive integer, got ${String(n)}`);
  }
  return n;
}

function definePlace(p: PlaceSpec, where: string): Place {
  const colour = p.colour ?? UNIT;
  const problem = colourSetProblem(colour);
  if (problem !== undefined) throw new NetDefinitionError(where, problem);
  const initialSpec = p.initial ?? [];
  let initial: TokenCount[];
  if (typeof initialSpec === 'number') {
    if (colour.fields.length > 0) {
      throw new NetDefinitionError(
        where,
        `a token count as initial marking needs the UNIT colour, not ${colour.name}`,
      );
    }
    initial =
      initialSpec === 0
        ? []
        : [{ token: UNIT_TOKEN, count: positiveInt(initialSpec, where, 'initial token count') }];
  } else {
    initial = initialSpec.map((tc, i) => {
      const at = `${where} initial token ${i}`;
      const count = positiveInt(tc.count ?? 1, at, 'count');
      const bad = tokenProblem(tc.token, colour);
      if (bad !== undefined) throw new NetDefinitionError(at, `does not fit colour ${colour.name}: ${bad}`);
      return Object.freeze({ token: token(tc.token), count });
    });
  }
  return Object.freeze({
    id: placeId(p.id),
    name: p.name ?? p.id,
    colour,
    initial: Object.freeze(initial),
  });
}

function defineTransition(
  t: TransitionSpec,
  where: string,
  colours: ReadonlyMap<string, ColourSet>,
  signatures: Map<string, { args: readonly ExprType[]; result: ExprType; where: string }>,
): Transition {
  const env: Record<string, ColourSet> = {};
  const colourOf = (place: string, at: string): ColourSet => {
    const c = colours.get(place);
    if (c === undefined) throw new NetDefinitionError(at, `refers to unknown place '${String(place)}'`);
    return c;
  };
  const bindVar = (name: string, colour: ColourSet, at: string): VarName => {
    if (typeof name !== 'string' || name.length === 0)
      throw new NetDefinitionError(at, 'bind needs a non-empty name');
    if (Object.hasOwn(env, name))
      throw new NetDefinitionError(at, `variable '${name}' is bound by another arc`);
    env[name] = colour;
    return varName(name);
  };
  const checkExpr = (e: Expr, scope: TypeEnv, at: string): ExprType => {
    try {
      const type = typeOf(e, scope);
      for (const node of applications(e)) {
        const sig = {
          args: node.args.map((a) => typeOf(a, scope)),
          result: node.type as ExprType,
          where: at,
        };
        const prior = signatures.get(node.fn);
        if (prior === undefined) signatures.set(node.fn, sig);
        else if (!sameSignature(prior, sig)) {
          throw new NetDefinitionError(
            at,
            `function '${node.fn}' is applied as ${showSig(sig)} but as ${showSig(prior)} in ${prior.where}`,
          );
        }
      }
      return type;
    } catch (e) {
      if (isExprTypeError(e)) throw new NetDefinitionError(at, e.message);
      throw e;
    }
  };
  const checkBool = (e: Expr, scope: TypeEnv, at: string): void => {
    const type = checkExpr(e, scope, at);
    if (type.kind !== 'bool') throw new NetDefinitionError(at, `must be bool, got ${showType(type)}`);
  };

  const inputSpecs = t.inputs ?? [];
  // Consume and read arcs bind variables first; inhibitor arcs see all of them, so they come after.
  const inputs: InputArc[] = inputSpecs.map((a, i): InputArc => {
    const at = `${where} input arc ${i} (place '${String(a.place)}')`;
    const colour = colourOf(a.place, at);
    switch (a.kind) {
      case 'consume': {
        const weight = positiveInt(a.weight ?? 1, at, 'weight');
        if (a.bind === undefined && colour.fields.length > 0) {
          throw new NetDefinitionError(
            at,
            `consuming from a place of colour ${colour.name} needs a bind variable`,
          );
        }
        return Object.freeze({
          kind: 'consume',
          place: placeId(a.place),
          ...(a.bind === undefined ? {} : { bind: bindVar(a.bind, colour, at) }),
          ...(weight === 1 && a.weight === undefined ? {} : { weight }),
        });
      }
      case 'read':
        return Object.freeze({ kind: 'read', place: placeId(a.place), bind: bindVar(a.bind, colour, at) });
      case 'inhibit':
        return Object.freeze({
          kind: 'inhibit',
          place: placeId(a.place),
          bind: varName(a.bind ?? '_'),
          ...(a.where === undefined ? {} : { where: a.where }),
        });
      default: {
        const never: never = a;
        throw new NetDefinitionError(
          at,
          `unknown arc kind ${JSON.stringify((never as { kind: unknown }).kind)}`,
        );
      }
    }
  });

  inputs.forEach((a, i) => {
    if (a.kind !== 'inhibit' || a.where === undefined) return;
    const at = `${where} input arc ${i} (place '${a.place}') where`;
    if (Object.hasOwn(env, a.bind)) {
      throw new NetDefinitionError(at, `variable '${a.bind}' is already bound by another arc`);
    }
    checkBool(a.where, { ...env, [a.bind]: colourOf(a.place, at) }, at);
  });

  if (t.guard !== undefined) checkBool(t.guard, env, `${where} guard`);

  const outputs = (t.outputs ?? []).map((o, i): OutputArc => {
    const at = `${where} output arc ${i} (place '${String(o.place)}')`;
    const colour = colourOf(o.place, at);
    if (o.token === undefined && colour.fields.length > 0) {
      throw new NetDefinitionError(
        at,
        `producing into a place of colour ${colour.name} needs a token expression`,
      );
    }
    const tokenExpr = o.token ?? UNIT_EXPR;
    const mismatch = colourMismatch(checkExpr(tokenExpr, env, `${at} token`), colour);
    if (mismatch !== undefined) throw new NetDefinitionError(`${at} token`, mismatch);
    if (o.when !== undefined) checkBool(o.when, env, `${at} when`);
    const weight = positiveInt(o.weight ?? 1, at, 'weight');
    return Object.freeze({
      place: placeId(o.place),
      token: tokenExpr,
      ...(o.weight === undefined ? {} : { weight }),
      ...(o.when === undefined ? {} : { when: o.when }),
    });
  });

  if (t.meta !== undefined) {
    for (const [k, value] of Object.entries(t.meta)) {
      if (typeof value !== 'string') throw new NetDefinitionError(`${where} meta '${k}'`, 'must be a string');
    }
  }

  return Object.freeze({
    id: transitionId(t.id),
    name: t.name ?? t.id,
    inputs: Object.freeze(inputs),
    ...(t.guard === undefined ? {} : { guard: t.guard }),
    outputs: Object.freeze(outputs),
    ...(t.meta === undefined ? {} : { meta: Object.freeze({ ...t.meta }) }),
  });
}

function sameSignature(
  a: { args: readonly ExprType[]; result: ExprType },
  b: { args: readonly ExprType[]; result: ExprType },
): boolean {
  const same = (x: ExprType, y: ExprType): boolean =>
    x.kind === 'record' || y.kind === 'record' ? false : comparable(x, y);
  return (
    a.args.length === b.args.length && a.args.every((x, i) => same(x, b.args[i]!)) && same(a.result, b.result)
  );
}

function showSig(s: { args: readonly ExprType[]; result: ExprType }): string {
  const show = (t: ExprType): string => (t.kind === 'record' ? showType(t) : showFieldType(t));
  return `(${s.args.map(show).join(', ')}) → ${show(s.result)}`;
}
