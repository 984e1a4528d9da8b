/**
 * The finite token universe of a net: for every place, a set of tokens that contains every token
 * the place can ever hold in a reachable marking. The compiler gives each token of a set place one
 * boolean and each field of a record place one variable ranging over the values seen here, so the
 * universe must over-approximate reachability and should not be much larger than it.
 *
 * It is the least fixpoint of a Cartesian abstraction: a place may hold any token of its universe
 * at any time, independently of the others. For each output arc, only the variables its token and
 * `when` read are bound, each to any token of its place's universe, filtered by the guard conjuncts
 * that read nothing else; inhibitor arcs are ignored (they only disable firings). That keeps the
 * enumeration to one or two variables per arc while the conjuncts that link them (same file, same
 * partition) still prune. Opaque fields are dropped: no guard may read them, and their values are
 * functions of the token's other fields, so the rest of the token identifies it.
 */
import {
  type ColourSet,
  type Expr,
  evaluate,
  freeVars,
  type Net,
  type Place,
  type Token,
  type Transition,
  token,
  tokenKey,
  type Value,
} from '../model/index.ts';
import { VerifyError } from './errors.ts';
import type { Value as IrValue } from './sort.ts';

/** Every token each place may hold (opaque fields dropped), by place id, in discovery order. */
export type TokenUniverse = ReadonlyMap<string, readonly Token[]>;

/** A net the compiler cannot handle, with the element at fault. */
export class NetCompileError extends VerifyError {
  override readonly name = 'NetCompileError';
  constructor(
    readonly element: string,
    readonly problem: string,
  ) {
    super(`${element}: ${problem}`);
  }
}

/** A token field's value as an IR value; opaque values have none (the verifier drops them). */
export function plainValue(v: Value): IrValue {
  if (typeof v === 'object') throw new TypeError(`opaque value ${v.key} has no IR value`);
  return v;
}

/** The top-level conjuncts of a condition (nested `and`s flattened). */
export function conjuncts(e: Expr | undefined): readonly Expr[] {
  if (e === undefined) return [];
  return e.kind === 'and' ? e.args.flatMap(conjuncts) : [e];
}

/** The names of the opaque fields of a colour: what the verifier abstracts away. */
function opaqueFields(colour: ColourSet): ReadonlySet<string> {
  return new Set(colour.fields.filter((f) => f.type.kind === 'opaque').map((f) => f.name));
}

/** `t` without its opaque fields, as a frozen token. */
export function stripToken(t: Token, colour: ColourSet): Token {
  const out: Record<string, Value> = {};
  for (const f of colour.fields) if (f.type.kind !== 'opaque') out[f.name] = t[f.name]!;
  return token(out);
}

/** The place each input variable of `t` is bound to (consume, read and inhibitor arcs). */
export function variablePlaces(t: Transition): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const a of t.inputs) if (a.bind !== undefined) out.set(a.bind, a.place);
  return out;
}

/** Whether `e` reads an opaque field of a variable (then it cannot be evaluated on stripped tokens). */
export function readsOpaque(
  e: Expr,
  places: ReadonlyMap<string, string>,
  colours: ReadonlyMap<string, ColourSet>,
): boolean {
  if (e.kind === 'field' && e.of.kind === 'var') {
    const place = places.get(e.of.name);
    const colour = place === undefined ? undefined : colours.get(place);
    if (colour !== undefined && opaqueFields(colour).has(e.name)) return true;
  }
  if (e.kind === 'app') return true;
  switch (e.kind) {
    case 'var':
    case 'const':
      return false;
    case 'field':
      return readsOpaque(e.of, places, colours);
    case 'not':
      return readsOpaque(e.arg, places, colours);
    case 'in':
      return readsOpaque(e.elem, places, colours);
    case 'and':
    case 'or':
      return e.args.some((a) => readsOpaque(a, places, colours));
    case 'tuple':
      return e.fields.some((f) => readsOpaque(f.expr, places, colours));
    case 'ite':
      return [e.cond, e.ifTrue, e.ifFalse].some((a) => readsOpaque(a, places, colours));
    default:
      return readsOpaque(e.left, places, colours) || readsOpaque(e.right, places, colours);
  }
}

/**
 * The non-opaque fields of the token an output arc produces, as expressions: the fields of a
 * `tuple`, or the fields of a variable the arc copies whole.
 */
export function outputFields(
  expr: Expr,
  colour: ColourSet,
  element: string,
): readonly { readonly name: string; readonly expr: Expr }[] {
  const opaque = opaqueFields(colour);
  if (expr.kind === 'tuple') return expr.fields.filter((f) => !opaque.has(f.name));
  if (expr.kind === 'var') {
    return colour.fields
      .filter((f) => !opaque.has(f.name))
      .map((f) => ({ name: f.name, expr: { kind: 'field', of: expr, name: f.name } as const }));
  }
  throw new NetCompileError(element, `output token must be a tuple or a variable, got a ${expr.kind} node`);
}

/** A set of tokens keyed by their canonical key, in insertion order. */
class TokenSet {
  readonly byKey = new Map<string, Token>();
  add(t: Token): boolean {
    const k = tokenKey(t);
    if (this.byKey.has(k)) return false;
    this.byKey.set(k, t);
    return true;
  }
  get tokens(): readonly Token[] {
    return [...this.byKey.values()];
  }
}

/** One output arc's abstract firing: the variables it reads, their places, the conjuncts on them. */
interface OutputRule {
  readonly element: string;
  readonly place: string;
  readonly vars: readonly string[];
  readonly varPlaces: readonly string[];
  /** checks[i]: the conjuncts evaluable once vars[0..i-1] are bound (index 0: none bound). */
  readonly checks: readonly (readonly Expr[])[];
  readonly when: Expr | undefined;
  readonly fields: readonly { readonly name: string; readonly expr: Expr }[];
}

function outputRules(net: Net, colours: ReadonlyMap<string, ColourSet>): OutputRule[] {
  const rules: OutputRule[] = [];
  for (const t of net.transitions) {
    const places = variablePlaces(t);
    const inhibitors = new Set(t.inputs.filter((a) => a.kind === 'inhibit').map((a) => a.bind));
    const guard = conjuncts(t.guard).filter((c) => !readsOpaque(c, places, colours));
    t.outputs.forEach((o, i) => {
      const element = `transition '${t.id}' output arc ${i}`;
      const colour = colours.get(o.place)!;
      const fields = outputFields(o.token, colour, element);
      const used = new Set<string>();
      for (const f of fields) for (const x of freeVars(f.expr)) used.add(x);
      if (o.when !== undefined) for (const x of freeVars(o.when)) used.add(x);
      for (const x of used) {
        if (inhibitors.has(x as never) || !places.has(x)) {
          throw new NetCompileError(element, `reads '${x}', which no consume or read arc binds`);
        }
      }
      const vars = [...used].sort(
        (a, b) => t.inputs.findIndex((arc) => arc.bind === a) - t.inputs.findIndex((arc) => arc.bind === b),
      );
      const checks: Expr[][] = vars.map(() => []);
      checks.push([]);
      for (const c of guard) {
        const fv = [...freeVars(c)];
        if (!fv.every((x) => used.has(x))) continue;
        const last = Math.max(0, ...fv.map((x) => vars.indexOf(x) + 1));
        checks[last]!.push(c);
      }
      rules.push({
        element,
        place: o.place,
        vars,
        varPlaces: vars.map((x) => places.get(x)!),
        checks,
        when: o.when,
        fields,
      });
    });
  }
  return rules;
}

/**
 * Computes the token universe of `net` from its initial marking (see the module comment). Refuses
 * (throws) when a place's universe grows beyond `limit` tokens, rather than compiling a system no
 * solver could handle.
 */
export function tokenUniverse(net: Net, limit = 20_000): TokenUniverse {
  const colours = new Map(net.places.map((p: Place) => [p.id as string, p.colour]));
  const sets = new Map(net.places.map((p) => [p.id as string, new TokenSet()]));
  for (const p of net.places) {
    for (const { token: t } of p.initial) sets.get(p.id)!.add(stripToken(t, p.colour));
  }
  const rules = outputRules(net, colours);
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of rules) {
      const target = sets.get(rule.place)!;
      const pools = rule.varPlaces.map((p) => sets.get(p)!.tokens);
      const bound: Record<string, Token> = {};
      const ok = (i: number): boolean => rule.checks[i]!.every((c) => evaluate(c, bound) === true);
      const visit = (i: number): void => {
        if (i === rule.vars.length) {
          if (rule.when !== undefined && evaluate(rule.when, bound) !== true) return;
          const out: Record<string, Value> = {};
          for (const f of rule.fields) out[f.name] = evaluate(f.expr, bound) as Value;
          if (target.add(token(out))) {
            changed = true;
            if (target.byKey.size > limit) {
              throw new NetCompileError(
                `place '${rule.place}'`,
                `more than ${limit} possible tokens: the instance is too large to compile`,
              );
            }
          }
          return;
        }
        for (const t of pools[i]!) {
          bound[rule.vars[i]!] = t;
          if (ok(i + 1)) visit(i + 1);
        }
      };
      if (ok(0)) visit(0);
    }
  }
  return new Map([...sets].map(([id, s]) => [id, Object.freeze(s.tokens)]));
}
