/**
 * Concrete states and traces of a transition system: what a violated verdict carries, what the
 * interpreter replays, and what the net compiler will turn into a scenario.
 */
import type { Value } from './sort.ts';

/** A value for every state variable, by name. */
export type State = Readonly<Record<string, Value>>;
/** The values chosen for a transition's parameters, by name. */
export type Bindings = Readonly<Record<string, Value>>;

/** One step of a trace: the transition fired, its parameters, and the state it produced. */
export interface TraceStep {
  readonly transition: string;
  readonly params: Bindings;
  readonly state: State;
}

/** `x=3, phase=crit`: variables in the given order (the system's declaration order). */
export function formatState(state: State, order: readonly string[] = Object.keys(state)): string {
  return order.map((name) => `${name}=${String(state[name])}`).join(', ');
}

/** `inc` or `ask(user=2, file=0)`. */
export function formatFiring(transition: string, params: Bindings): string {
  const entries = Object.entries(params);
  return entries.length === 0
    ? transition
    : `${transition}(${entries.map(([k, v]) => `${k}=${String(v)}`).join(', ')})`;
}
