/**
 * Random simulation: from a marking, repeatedly fire one enabled binding chosen by a seeded random
 * source. The same net, seed and options always give the same trace.
 */
import { type Binding, enumerateBindings } from './binding.ts';
import { candidates, compileNet } from './compiled-net.ts';
import type { FunctionTable } from './expr-eval.ts';
import { fireEnabled, type TokenMove } from './fire.ts';
import { checkLayout, initialMarking, type Marking } from './marking.ts';
import type { Net } from './net.ts';
import { createRandom } from './random.ts';

export interface SimulateOptions {
  readonly seed: number;
  readonly maxSteps: number;
  readonly functions?: FunctionTable;
  /** Where to start; the net's initial marking by default. */
  readonly initial?: Marking;
}

/** One firing of a simulation and the marking it led to. */
export interface SimulationStep {
  readonly binding: Binding;
  /** How many bindings were enabled when this one was chosen. */
  readonly choices: number;
  readonly consumed: readonly TokenMove[];
  readonly produced: readonly TokenMove[];
  readonly marking: Marking;
}

/** A finished simulation: why it stopped, and every step, so it can be replayed with `fire`. */
export interface Simulation {
  readonly seed: number;
  readonly initial: Marking;
  readonly steps: readonly SimulationStep[];
  readonly final: Marking;
  readonly stoppedBy: 'deadlock' | 'max-steps';
}

/** Fires up to `maxSteps` uniformly chosen enabled bindings, stopping early at a deadlock. */
export function simulate(net: Net, options: SimulateOptions): Simulation {
  const { seed, maxSteps } = options;
  if (!Number.isSafeInteger(maxSteps) || maxSteps < 0) {
    throw new RangeError(`maxSteps must be a natural number, got ${maxSteps}`);
  }
  const functions = options.functions ?? {};
  const c = compileNet(net);
  const initial = options.initial ?? initialMarking(net);
  checkLayout(net, initial);
  const random = createRandom(seed);
  const steps: SimulationStep[] = [];
  let marking = initial;
  while (steps.length < maxSteps) {
    const enabled: Binding[] = [];
    for (const ct of candidates(c, marking)) enumerateBindings(ct, marking, functions, enabled);
    if (enabled.length === 0) return finish('deadlock');
    const binding = enabled[random.nextInt(enabled.length)]!;
    const consumed: TokenMove[] = [];
    const produced: TokenMove[] = [];
    const ct = c.byId.get(binding.transition)!;
    marking = fireEnabled(ct, marking, binding.vars, functions, { consumed, produced });
    steps.push(
      Object.freeze({
        binding,
        choices: enabled.length,
        consumed: Object.freeze(consumed),
        produced: Object.freeze(produced),
        marking,
      }),
    );
  }
  return finish('max-steps');

  function finish(stoppedBy: Simulation['stoppedBy']): Simulation {
    return Object.freeze({ seed, initial, steps: Object.freeze(steps), final: marking, stoppedBy });
  }
}
