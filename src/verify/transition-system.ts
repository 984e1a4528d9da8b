/**
 * The verifier's symbolic transition system: pure data that the SeSPHR net is compiled into and that
 * every engine (BMC, k-induction, CHC) and the pure interpreter read. It holds no Z3 objects, so a
 * system can be built, validated, printed and replayed without loading the solver.
 *
 * Semantics. A state assigns each variable a value of its sort. `init` selects the initial states.
 * A step fires one transition: its parameters are chosen freely within their sorts, its guard must
 * hold in the current state, each variable in `updates` takes the value of its term evaluated in
 * the current state, and every other variable keeps its value (frame). A step whose update would
 * leave a variable's sort is not enabled: ranges are part of the guard, in the interpreter and in
 * every encoding alike.
 */
import { IrError } from './errors.ts';
import type { Formula, Term } from './expr.ts';
import { boolType, checkExpr, type Scope, typeOfSort } from './expr-type.ts';
import { checkSort, type Sort } from './sort.ts';

/** A named, sorted state variable or transition parameter. */
export interface Variable {
  readonly name: string;
  readonly sort: Sort;
}

/** One kind of step; `params` are chosen per firing (e.g. which user asks for which file). */
export interface Transition {
  readonly name: string;
  readonly params?: readonly Variable[];
  readonly guard: Formula;
  /** New values of the changed variables, as terms over the current state and the parameters. */
  readonly updates: Readonly<Record<string, Term>>;
}

/** A finite symbolic transition system. */
export interface TransitionSystem {
  readonly name: string;
  readonly vars: readonly Variable[];
  readonly init: Formula;
  readonly transitions: readonly Transition[];
}

/**
 * A named safety property: `formula` (over state variables only) holds in every reachable state.
 * `doc` says what it means and for which instance, since a verdict is only as good as its reading.
 */
export interface Property {
  readonly id: string;
  readonly modality: 'always';
  readonly formula: Formula;
  readonly doc: string;
}

/**
 * Names the IR accepts: they become SMT symbols, and `@` (step suffix), `/` (parameter prefix) and
 * `#` (solver-internal names) are reserved by the encodings.
 */
const NAME = /^[A-Za-z_][A-Za-z0-9_.:[\]-]*$/;

function checkName(name: unknown, element: string, what: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new IrError(element, `${what} must match ${NAME}, got ${JSON.stringify(name)}`);
  }
  return name;
}

/** The scope of `ts`'s state variables, without parameters (init and properties). */
export function stateScope(ts: TransitionSystem): Scope {
  return { vars: new Map(ts.vars.map((v) => [v.name, v.sort])), params: new Map() };
}

/** The scope inside transition `t`: state variables and `t`'s parameters. */
export function transitionScope(ts: TransitionSystem, t: Transition): Scope {
  return { vars: stateScope(ts).vars, params: new Map((t.params ?? []).map((p) => [p.name, p.sort])) };
}

/**
 * Checks every rule of the IR and returns `ts` frozen: unique well-formed names, well-formed sorts,
 * boolean `init` over state variables, boolean guards and well-sorted updates of existing
 * variables, parameter names distinct from state variables. Throws an {@link IrError} naming the
 * element at fault.
 */
export function validateTransitionSystem(ts: TransitionSystem): TransitionSystem {
  const system = `system ${JSON.stringify(ts.name)}`;
  checkName(ts.name, system, 'system name');
  const varNames = new Set<string>();
  const vars = ts.vars.map((v) => {
    const name = checkName(v.name, system, 'state variable name');
    if (varNames.has(name)) throw new IrError(system, `state variable ${name} is declared twice`);
    varNames.add(name);
    return Object.freeze({ name, sort: checkSort(v.sort, `state variable ${name}`) });
  });
  const checked: TransitionSystem = { name: ts.name, vars, init: ts.init, transitions: [] };
  checkExpr(ts.init, stateScope(checked), boolType, 'init');
  const transitionNames = new Set<string>();
  const transitions = ts.transitions.map((t) => {
    const element = `transition ${JSON.stringify(t.name)}`;
    const name = checkName(t.name, element, 'transition name');
    if (transitionNames.has(name)) throw new IrError(element, 'transition name is used twice');
    transitionNames.add(name);
    const paramNames = new Set<string>();
    const params = (t.params ?? []).map((p) => {
      const pn = checkName(p.name, element, 'parameter name');
      if (paramNames.has(pn)) throw new IrError(element, `parameter ${pn} is declared twice`);
      if (varNames.has(pn)) throw new IrError(element, `parameter ${pn} has the name of a state variable`);
      paramNames.add(pn);
      return Object.freeze({ name: pn, sort: checkSort(p.sort, `${element} parameter ${pn}`) });
    });
    const frozen: Transition = Object.freeze({
      name,
      params: Object.freeze(params),
      guard: t.guard,
      updates: Object.freeze({ ...t.updates }),
    });
    const scope = transitionScope(checked, frozen);
    checkExpr(t.guard, scope, boolType, `${element} guard`);
    for (const [target, term] of Object.entries(t.updates)) {
      const sort = scope.vars.get(target);
      if (sort === undefined)
        throw new IrError(element, `updates unknown state variable ${JSON.stringify(target)}`);
      checkExpr(term, scope, typeOfSort(sort), `${element} update of ${target}`);
    }
    return frozen;
  });
  return Object.freeze({
    name: ts.name,
    vars: Object.freeze(vars),
    init: ts.init,
    transitions: Object.freeze(transitions),
  });
}

/**
 * Checks that `property` is a well-formed `always` property over `ts`'s state variables and returns
 * it frozen; throws an {@link IrError} naming the property.
 */
export function validateProperty(ts: TransitionSystem, property: Property): Property {
  const element = `property ${JSON.stringify(property.id)}`;
  checkName(property.id, element, 'property id');
  if (property.modality !== 'always') {
    throw new IrError(element, `modality must be 'always', got ${JSON.stringify(property.modality)}`);
  }
  if (typeof property.doc !== 'string' || property.doc.trim() === '') {
    throw new IrError(element, 'doc must say what the property means');
  }
  checkExpr(property.formula, stateScope(ts), boolType, element);
  return Object.freeze({ ...property });
}
