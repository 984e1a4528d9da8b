/**
 * Which protocol call each planned firing stands for. A transition's `meta.call` names the
 * protocol method a firing of it starts; firings without one are the net's bookkeeping. Calls
 * and firings come in the same order (the executor calls the paper's rules one by one, as the
 * choreography fires them), so each firing takes the next call of its method not yet taken. Calls
 * no firing takes are the protocol's own housekeeping (an owner's policy put in force on approval);
 * a firing no call takes (one grant call, one firing per partition) measured nothing of its own.
 */
import type { Transition } from '../../model/index.ts';
import type { ProtocolCall } from '../execute/index.ts';

/** For each firing, the index of its call in `calls`, or undefined. */
export function matchCalls(
  transitions: readonly (Transition | undefined)[],
  calls: readonly ProtocolCall[],
): readonly (number | undefined)[] {
  let cursor = 0;
  return transitions.map((t) => {
    const method = t?.meta?.call;
    if (method === undefined) return undefined;
    for (let j = cursor; j < calls.length; j++) {
      if (calls[j]!.step === method) {
        cursor = j + 1;
        return j;
      }
    }
    return undefined;
  });
}

/** Every value of every call, later calls winning: what a step produced, by fact key or name. */
export function stepValues(calls: readonly ProtocolCall[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign({}, ...calls.map((c) => c.values)));
}
