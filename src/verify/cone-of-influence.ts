/**
 * Cone-of-influence slicing: the part of a transition system a property can observe. Starting
 * from the variables the property reads, a variable is kept when a transition that updates a kept
 * variable reads it (in its guard or in the kept update); transitions that update no kept
 * variable are dropped, and the others lose their updates of dropped variables. A kept
 * transition's guard reads only kept variables, so every trace of the slice is the projection of a
 * trace of the whole system that fires the same transitions with the same parameters, and the
 * slice violates the property exactly when the system does. The SeSPHR net compiles to a few
 * hundred variables; a confidentiality property needs the stores and keys, not the decryptions
 * of every user, so the engines get a much smaller problem.
 */
import { and, type Expr, type Formula } from './expr.ts';
import { step } from './interpreter.ts';
import type { State, TraceStep } from './trace.ts';
import type { TransitionSystem } from './transition-system.ts';

/** The state variables `expr` reads. */
export function variablesOf(expr: Expr, out: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'var':
      out.add(expr.name);
      break;
    case 'param':
    case 'const':
      break;
    case 'not':
      variablesOf(expr.arg, out);
      break;
    case 'and':
    case 'or':
      for (const a of expr.args) variablesOf(a, out);
      break;
    case 'ite':
      variablesOf(expr.cond, out);
      variablesOf(expr.ifTrue, out);
      variablesOf(expr.ifFalse, out);
      break;
    default:
      variablesOf(expr.left, out);
      variablesOf(expr.right, out);
  }
  return out;
}

/** The slice of `ts` that `property` can observe (see the module comment). */
export function coneOfInfluence(ts: TransitionSystem, property: Formula): TransitionSystem {
  const kept = variablesOf(property);
  const initParts = ts.init.kind === 'and' ? ts.init.args : [ts.init];
  let changed = true;
  while (changed) {
    changed = false;
    const grow = (vars: Set<string>) => {
      for (const v of vars) {
        if (!kept.has(v)) {
          kept.add(v);
          changed = true;
        }
      }
    };
    for (const t of ts.transitions) {
      const touched = Object.keys(t.updates).filter((v) => kept.has(v));
      if (touched.length === 0) continue;
      grow(variablesOf(t.guard));
      for (const v of touched) grow(variablesOf(t.updates[v]!));
    }
    for (const part of initParts) {
      const vars = variablesOf(part);
      if ([...vars].some((v) => kept.has(v))) grow(vars);
    }
  }
  return {
    name: ts.name,
    vars: ts.vars.filter((v) => kept.has(v.name)),
    init: and(...initParts.filter((p) => [...variablesOf(p)].some((v) => kept.has(v)))),
    transitions: ts.transitions.flatMap((t) => {
      const updates = Object.fromEntries(Object.entries(t.updates).filter(([v]) => kept.has(v)));
      return Object.keys(updates).length === 0 ? [] : [{ ...t, updates }];
    }),
  };
}

/**
 * A trace of a slice of `ts` as a trace of `ts` itself: the same firings, replayed from the whole
 * initial state `initial` (which agrees with the slice's on the kept variables), so every state is
 * complete. Throws when a firing is not enabled in `ts`, which would mean the slice was not one.
 */
export function liftTrace(
  ts: TransitionSystem,
  initial: State,
  trace: readonly TraceStep[],
): readonly TraceStep[] {
  let current = initial;
  return trace.map((s, i) => {
    const r = step(ts, current, s.transition, s.params);
    if (r.kind !== 'fired')
      throw new Error(`liftTrace: step ${i} (${s.transition}) is not enabled: ${r.kind}`);
    current = r.state;
    return { transition: s.transition, params: s.params, state: r.state };
  });
}
