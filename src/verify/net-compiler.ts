/**
 * Compiles a coloured net with a finite token universe into the verifier's transition system, so
 * that the net the simulator fires is, expression for expression, the net the engines check:
 * places become state variables (net-places.ts), each net transition one IR transition
 * (net-transition.ts), step properties become monitors (net-monitor.ts). Transitions that change
 * nothing (the SeSPHR net's refusals when refusals are not logged, the coalitions' read-only
 * checks) are left out: they add no reachable state. A violated verdict's trace reads back into
 * the net's own terms: which transition fired, taking which tokens.
 */
import {
  initialMarking,
  type Marking,
  type Net,
  type Transition as NetTransition,
  type Token,
} from '../model/index.ts';
import { variable } from './expr.ts';
import { fAnd, fNot } from './ir-fold.ts';
import { type Monitor, monitorVariable } from './net-monitor.ts';
import { layoutPlaces, type PlaceLayout, slotToken } from './net-places.ts';
import { type CompiledTransition, compileTransition, firingTokens, irName } from './net-transition.ts';
import { NetCompileError, type TokenUniverse, tokenUniverse } from './net-universe.ts';
import { boolSort } from './sort.ts';
import type { State, TraceStep } from './trace.ts';
import { type Transition, type TransitionSystem, validateTransitionSystem } from './transition-system.ts';

/** Options of {@link compileNet}. */
export interface CompileOptions {
  /** The system's name (default: the net's). */
  readonly name?: string;
  /** Record places and their key fields (see net-places.ts); every other changing place is a set. */
  readonly records?: Readonly<Record<string, readonly string[]>>;
  /** Where the system starts; the net's initial marking by default. */
  readonly initial?: Marking;
  readonly monitors?: readonly Monitor[];
  /** Refuse places with more possible tokens than this (default 20 000). */
  readonly universeLimit?: number;
  /** A token universe to use instead of computing one (it must over-approximate reachability). */
  readonly universe?: TokenUniverse;
}

/** A net compiled to a transition system, with what it takes to read the system's states back. */
export interface CompiledNet {
  readonly net: Net;
  readonly system: TransitionSystem;
  readonly layout: PlaceLayout;
  readonly universe: TokenUniverse;
  /** By IR transition name. */
  readonly transitions: ReadonlyMap<string, CompiledTransition>;
  /** The state variable of each monitor, by monitor id. */
  readonly monitors: ReadonlyMap<string, string>;
  /** The one initial state of the system. */
  readonly initialState: State;
}

/** One firing read back from a trace: the net transition and the (stripped) tokens it took. */
export interface DecodedFiring {
  readonly transition: NetTransition;
  readonly tokens: Readonly<Record<string, Token>>;
  /** The state it fired from and the one it led to. */
  readonly before: State;
  readonly after: State;
}

/** Compiles `net` (see the module comment); throws a {@link NetCompileError} naming what it cannot handle. */
export function compileNet(net: Net, options: CompileOptions = {}): CompiledNet {
  const initial = options.initial ?? initialMarking(net);
  const universe = options.universe ?? tokenUniverse(net, options.universeLimit);
  const layout = layoutPlaces(net, universe, initial, options.records ?? {});
  const context = {
    layout,
    universe,
    colours: new Map(net.places.map((p) => [p.id as string, p.colour])),
    monitors: options.monitors ?? [],
  };
  const transitions: Transition[] = [];
  const infos = new Map<string, CompiledTransition>();
  for (const t of net.transitions) {
    const compiled = compileTransition(t, context);
    if (compiled === undefined) continue;
    if (infos.has(compiled.info.name)) {
      throw new NetCompileError(`transition '${t.id}'`, `its IR name ${compiled.info.name} is taken`);
    }
    transitions.push(compiled.ir);
    infos.set(compiled.info.name, compiled.info);
  }
  const monitors = new Map(context.monitors.map((m) => [m.id, monitorVariable(m.id)]));
  const system = validateTransitionSystem({
    name: irName(options.name ?? net.name),
    vars: [...layout.vars, ...[...monitors.values()].map((name) => ({ name, sort: boolSort }))],
    init: fAnd(layout.init, ...[...monitors.values()].map((v) => fNot(variable(v)))),
    transitions,
  });
  const initialState: State = Object.freeze({
    ...layout.initialState,
    ...Object.fromEntries([...monitors.values()].map((v) => [v, false])),
  });
  return Object.freeze({ net, system, layout, universe, transitions: infos, monitors, initialState });
}

/** Every firing of a trace of `compiled.system` from `initial`, in the net's terms. */
export function decodeTrace(
  compiled: CompiledNet,
  initial: State,
  trace: readonly TraceStep[],
): readonly DecodedFiring[] {
  let before = initial;
  return trace.map((step) => {
    const info = compiled.transitions.get(step.transition);
    if (info === undefined) throw new NetCompileError(`trace step ${step.transition}`, 'no such transition');
    const state = before;
    const tokens = firingTokens(info, step.params, (c) => slotToken(c.slot!, state));
    before = step.state;
    return { transition: info.transition, tokens, before: state, after: step.state };
  });
}
