/**
 * Breadth-first exploration through the pure interpreter: the oracle that the SMT engines are
 * checked against on small systems.
 */
import { holds, initialStates, successors } from '../../src/verify/interpreter.ts';
import type { State, TraceStep } from '../../src/verify/trace.ts';
import type { Property, TransitionSystem } from '../../src/verify/transition-system.ts';

/** What exhaustive search found: the reachable-state count and a shortest violation, if any. */
export interface ExplicitResult {
  readonly reachable: number;
  readonly violation: { readonly initial: State; readonly trace: readonly TraceStep[] } | null;
}

const key = (ts: TransitionSystem, s: State): string => JSON.stringify(ts.vars.map((v) => s[v.name]));

/** Explores every reachable state of `ts` (refusing more than `limit`) and checks `property`. */
export function explore(ts: TransitionSystem, property: Property, limit = 10_000): ExplicitResult {
  const parent = new Map<string, { from: string; step: TraceStep } | { initial: State }>();
  let frontier: State[] = [];
  for (const s of initialStates(ts)) {
    if (!parent.has(key(ts, s))) {
      parent.set(key(ts, s), { initial: s });
      frontier.push(s);
    }
  }
  let violation: ExplicitResult['violation'] = null;
  const pathTo = (s: State): { initial: State; trace: TraceStep[] } => {
    const trace: TraceStep[] = [];
    let k = key(ts, s);
    for (;;) {
      const p = parent.get(k)!;
      if ('initial' in p) return { initial: p.initial, trace: trace.reverse() };
      trace.push(p.step);
      k = p.from;
    }
  };
  while (frontier.length > 0) {
    for (const s of frontier) {
      if (violation === null && !holds(property.formula, s)) violation = pathTo(s);
    }
    const next: State[] = [];
    for (const s of frontier) {
      for (const step of successors(ts, s)) {
        const k = key(ts, step.state);
        if (parent.has(k)) continue;
        parent.set(k, { from: key(ts, s), step });
        next.push(step.state);
        if (parent.size > limit) throw new Error(`more than ${limit} reachable states`);
      }
    }
    frontier = next;
  }
  return { reachable: parent.size, violation };
}
