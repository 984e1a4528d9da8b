/**
 * A pure interpreter of the transition-system IR: the reference semantics that every SMT trace is
 * replayed through and, later, the conformance oracle between the net and its compiled system.
 * It shares no code with the Z3 encoding on purpose, so a bug in one shows up as a disagreement.
 */
import { IrError } from './errors.ts';
import type { Expr, Formula } from './expr.ts';
import { type Sort, sortContains, sortValues, type Value } from './sort.ts';
import type { Bindings, State, TraceStep } from './trace.ts';
import type { Transition, TransitionSystem } from './transition-system.ts';

/**
 * The value of `expr` in `state` with parameters `params`. Assumes `expr` type-checked; throws an
 * {@link IrError} for an unbound name or an integer result outside the safe range.
 */
export function evaluate(expr: Expr, state: State, params: Bindings = {}): Value {
  const ev = (e: Expr): Value => evaluate(e, state, params);
  const bool = (e: Expr): boolean => ev(e) === true;
  const int = (e: Expr): number => ev(e) as number;
  switch (expr.kind) {
    case 'var': {
      const v = state[expr.name];
      if (v === undefined) throw new IrError('evaluation', `state has no variable ${expr.name}`);
      return v;
    }
    case 'param': {
      const v = params[expr.name];
      if (v === undefined) throw new IrError('evaluation', `no value for parameter ${expr.name}`);
      return v;
    }
    case 'const':
      return expr.value;
    case 'not':
      return !bool(expr.arg);
    case 'and':
      return expr.args.every(bool);
    case 'or':
      return expr.args.some(bool);
    case 'implies':
      return !bool(expr.left) || bool(expr.right);
    case 'eq':
      return ev(expr.left) === ev(expr.right);
    case 'ne':
      return ev(expr.left) !== ev(expr.right);
    case 'lt':
      return int(expr.left) < int(expr.right);
    case 'le':
      return int(expr.left) <= int(expr.right);
    case 'add':
    case 'sub': {
      const r = expr.kind === 'add' ? int(expr.left) + int(expr.right) : int(expr.left) - int(expr.right);
      if (!Number.isSafeInteger(r)) throw new IrError('evaluation', `integer overflow: ${r}`);
      return r;
    }
    case 'ite':
      return bool(expr.cond) ? ev(expr.ifTrue) : ev(expr.ifFalse);
    default: {
      const bad: never = expr;
      return bad;
    }
  }
}

/** True when `formula` holds in `state`. */
export const holds = (formula: Formula, state: State): boolean => evaluate(formula, state) === true;

/** What firing one transition did: the new state, or why the step is not enabled. */
export type StepResult =
  | { readonly kind: 'fired'; readonly state: State }
  | { readonly kind: 'guard-false' }
  | { readonly kind: 'out-of-range'; readonly variable: string; readonly value: Value };

const nameSets = new WeakMap<readonly { readonly name: string }[], ReadonlySet<string>>();

/** The names of `decls`, as a set built once per declaration list. */
function declaredNames(decls: readonly { readonly name: string }[]): ReadonlySet<string> {
  let names = nameSets.get(decls);
  if (names === undefined) {
    names = new Set(decls.map((d) => d.name));
    nameSets.set(decls, names);
  }
  return names;
}

function checkAssignment(
  element: string,
  decls: readonly { readonly name: string; readonly sort: Sort }[],
  values: Readonly<Record<string, Value>>,
  what: string,
): void {
  for (const { name, sort } of decls) {
    const v = values[name];
    if (v === undefined || !sortContains(sort, v)) {
      throw new IrError(element, `${what} ${name} must be a value of its sort, got ${JSON.stringify(v)}`);
    }
  }
  const names = declaredNames(decls);
  const extra = Object.keys(values).filter((k) => !names.has(k));
  if (extra.length > 0) throw new IrError(element, `unknown ${what}s: ${extra.join(', ')}`);
}

function transitionNamed(ts: TransitionSystem, name: string): Transition {
  const t = ts.transitions.find((x) => x.name === name);
  if (t === undefined) throw new IrError(`system ${ts.name}`, `no transition named ${JSON.stringify(name)}`);
  return t;
}

/**
 * Fires `transition` with `params` in `state`. A false guard or an update leaving its variable's
 * sort means "not enabled" (a result); a state or binding that does not fit the system is a caller
 * bug (an {@link IrError}).
 */
export function step(ts: TransitionSystem, state: State, transition: string, params: Bindings): StepResult {
  const t = transitionNamed(ts, transition);
  const element = `transition ${JSON.stringify(t.name)}`;
  checkAssignment(`system ${ts.name}`, ts.vars, state, 'state variable');
  checkAssignment(element, t.params ?? [], params, 'parameter');
  if (!(evaluate(t.guard, state, params) === true)) return { kind: 'guard-false' };
  const next: Record<string, Value> = { ...state };
  for (const v of ts.vars) {
    const term = t.updates[v.name];
    if (term === undefined) continue;
    const value = evaluate(term, state, params);
    if (!sortContains(v.sort, value)) return { kind: 'out-of-range', variable: v.name, value };
    next[v.name] = value;
  }
  return { kind: 'fired', state: Object.freeze(next) };
}

/** Every assignment of values to `decls`, in lexicographic order of declaration and sort order. */
function assignments(
  decls: readonly { readonly name: string; readonly sort: Sort }[],
): Record<string, Value>[] {
  let out: Record<string, Value>[] = [{}];
  for (const { name, sort } of decls) {
    out = out.flatMap((partial) => sortValues(sort).map((v) => ({ ...partial, [name]: v })));
  }
  return out;
}

function product(decls: readonly { readonly sort: Sort }[]): number {
  return decls.reduce((n, d) => n * sortValues(d.sort).length, 1);
}

/**
 * Every state satisfying `init`, found by enumerating the product of the sorts; refuses (throws)
 * when that product exceeds `limit` rather than cutting the search silently.
 */
export function initialStates(ts: TransitionSystem, limit = 100_000): readonly State[] {
  const size = product(ts.vars);
  if (size > limit)
    throw new IrError(`system ${ts.name}`, `${size} candidate states exceed the limit ${limit}`);
  return assignments(ts.vars)
    .filter((s) => holds(ts.init, s))
    .map((s) => Object.freeze(s));
}

/** The parameters `expr` mentions. */
function paramsIn(expr: Expr, out: Set<string>): Set<string> {
  switch (expr.kind) {
    case 'param':
      out.add(expr.name);
      break;
    case 'var':
    case 'const':
      break;
    case 'not':
      paramsIn(expr.arg, out);
      break;
    case 'and':
    case 'or':
      for (const a of expr.args) paramsIn(a, out);
      break;
    case 'ite':
      paramsIn(expr.cond, out);
      paramsIn(expr.ifTrue, out);
      paramsIn(expr.ifFalse, out);
      break;
    default:
      paramsIn(expr.left, out);
      paramsIn(expr.right, out);
  }
  return out;
}

/**
 * The parameter bindings of `t` under which no conjunct of its guard is false in `state`, in the
 * order of {@link assignments}: each top-level conjunct is evaluated as soon as the parameters it
 * mentions are chosen, so a guard that pins one parameter cuts the product of the others.
 */
function plausibleBindings(t: Transition, state: State): Record<string, Value>[] {
  const params = t.params ?? [];
  const parts = t.guard.kind === 'and' ? t.guard.args : [t.guard];
  const checks: Expr[][] = Array.from({ length: params.length + 1 }, () => []);
  for (const part of parts) {
    const used = paramsIn(part, new Set());
    const last = Math.max(0, ...params.flatMap((p, i) => (used.has(p.name) ? [i + 1] : [])));
    checks[last]!.push(part);
  }
  const out: Record<string, Value>[] = [];
  const chosen: Record<string, Value> = {};
  const visit = (i: number): void => {
    if (!checks[i]!.every((c) => evaluate(c, state, chosen) === true)) return;
    if (i === params.length) {
      out.push({ ...chosen });
      return;
    }
    const p = params[i]!;
    for (const v of sortValues(p.sort)) {
      chosen[p.name] = v;
      visit(i + 1);
    }
    delete chosen[p.name];
  };
  visit(0);
  return out;
}

/** Every enabled step from `state`: each transition with each parameter binding that fires. */
export function successors(ts: TransitionSystem, state: State): readonly TraceStep[] {
  return ts.transitions.flatMap((t) =>
    plausibleBindings(t, state).flatMap((params) => {
      const r = step(ts, state, t.name, params);
      return r.kind === 'fired'
        ? [{ transition: t.name, params: Object.freeze(params), state: r.state }]
        : [];
    }),
  );
}

/** The outcome of replaying a trace: every state it passes through, or the first step that differs. */
export type ReplayResult =
  | { readonly kind: 'replayed'; readonly states: readonly State[] }
  | { readonly kind: 'diverged'; readonly step: number; readonly reason: string };

/**
 * Replays `trace` from `initial` through {@link step}: `initial` must satisfy `init`, and each step
 * must be enabled and produce exactly the state recorded. Step `-1` stands for the initial state.
 */
export function replay(ts: TransitionSystem, initial: State, trace: readonly TraceStep[]): ReplayResult {
  checkAssignment(`system ${ts.name}`, ts.vars, initial, 'state variable');
  if (!holds(ts.init, initial))
    return { kind: 'diverged', step: -1, reason: 'the initial state does not satisfy init' };
  const states: State[] = [initial];
  let current = initial;
  for (const [i, s] of trace.entries()) {
    const r = step(ts, current, s.transition, s.params);
    if (r.kind !== 'fired')
      return { kind: 'diverged', step: i, reason: `${s.transition} is not enabled (${r.kind})` };
    const differing = ts.vars.filter((v) => r.state[v.name] !== s.state[v.name]).map((v) => v.name);
    if (differing.length > 0) {
      return { kind: 'diverged', step: i, reason: `the recorded state differs in ${differing.join(', ')}` };
    }
    states.push(r.state);
    current = r.state;
  }
  return { kind: 'replayed', states };
}
