/**
 * Matching a planned firing to a binding. A plan names each firing's transition and a `match`:
 * field constraints `var.field -> value` on the tokens the binding takes (every field that is not
 * an opaque payload, so the constraints pick exactly one binding in an abstract and a concrete
 * marking alike, whatever payloads the tokens carry).
 * @module
 */
import {
  type Binding,
  enabledBindingsOf,
  type FunctionTable,
  isOpaque,
  type Marking,
  type Net,
  type TransitionId,
  transitionId,
  type Value,
  valueEquals,
} from '../../model/index.ts';

/** One firing of a plan: which transition, with which tokens. */
export interface PlannedFiring {
  readonly transition: TransitionId;
  /** `var.field -> value`; constraints on variables the binding lacks are ignored. */
  readonly match: Readonly<Record<string, Value>>;
}

/** Whether `binding` satisfies `match` (see {@link PlannedFiring}). */
export function satisfies(binding: Binding, match: Readonly<Record<string, Value>>): boolean {
  for (const [key, value] of Object.entries(match)) {
    const dot = key.indexOf('.');
    const token = binding.vars[key.slice(0, dot)];
    if (token === undefined) continue;
    const actual = token[key.slice(dot + 1)];
    if (actual === undefined || !valueEquals(actual, value)) return false;
  }
  return true;
}

/** The full match of a binding: every non-opaque field of every token it takes. */
export function matchOf(binding: Binding): Readonly<Record<string, Value>> {
  const out: Record<string, Value> = {};
  for (const [name, token] of Object.entries(binding.vars)) {
    for (const [f, value] of Object.entries(token)) if (!isOpaque(value)) out[`${name}.${f}`] = value;
  }
  return Object.freeze(out);
}

/** The enabled bindings of `transition` that satisfy `match`, in the engine's order. */
export function matchingBindings(
  net: Net,
  marking: Marking,
  transition: string,
  match: Readonly<Record<string, Value>>,
  functions?: FunctionTable,
): readonly Binding[] {
  return enabledBindingsOf(net, marking, transitionId(transition), functions).filter((b) =>
    satisfies(b, match),
  );
}

/**
 * The binding a planned firing means in `marking`: the first enabled binding of its transition
 * satisfying its match (a plan's full match leaves exactly one), or undefined when none is enabled.
 */
export function bindingFor(
  net: Net,
  marking: Marking,
  firing: PlannedFiring,
  functions?: FunctionTable,
): Binding | undefined {
  return matchingBindings(net, marking, firing.transition, firing.match, functions)[0];
}
