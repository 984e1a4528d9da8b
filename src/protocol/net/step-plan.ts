/**
 * From scenario steps to firings. `planStep` says which firings one step means in a marking (the
 * choreography, decided by simulating the step on the net); `runStepAbstract` fires them and
 * reports the outcome word, the refusal reason and what moved. A concrete runner plans with
 * `planStep`, then fires each planned firing itself, choosing its binding with `bindingFor` and
 * computing payloads with its own function table from the protocol call the firing stands for:
 * guards never read payloads, so the plan holds in the concrete marking too.
 * @module
 */
import type { FunctionTable, Marking, Net } from '../../model/index.ts';
import type { DenialReason } from '../outcome.ts';
import type { PlannedFiring } from './binding-match.ts';
import { choreograph } from './choreography.ts';
import type { NetInstance } from './instance.ts';
import type { NetOp } from './net-op.ts';
import { sesphrNetDetails } from './sesphr-net.ts';
import { type FiredStep, StepSimulation } from './step-simulation.ts';
import { abstractFunctions } from './terms.ts';

/** The firings one step means, with the outcome they come to; or why the step cannot be planned. */
export type StepPlan =
  | {
      readonly kind: 'plan';
      readonly firings: readonly PlannedFiring[];
      /** The step's outcome word (the scenario table's, `denied` for a refused op without one). */
      readonly outcome: string;
      readonly reason?: DenialReason;
      readonly detail: string;
    }
  | { readonly kind: 'invalid'; readonly detail: string };

/** A step run on the net: its outcome and the marking after it, or why it could not run. */
export type StepRun =
  | {
      readonly kind: 'ran';
      readonly outcome: string;
      readonly reason?: DenialReason;
      readonly detail: string;
      readonly marking: Marking;
      readonly fired: readonly FiredStep[];
    }
  | { readonly kind: 'invalid'; readonly detail: string };

function simulate(
  net: Net,
  instance: NetInstance,
  marking: Marking,
  op: NetOp,
  functions: FunctionTable,
): { readonly sim: StepSimulation; readonly verdict: ReturnType<typeof choreograph> } {
  const details = sesphrNetDetails(net);
  if (details.instance !== instance)
    throw new TypeError(`planStep: net '${net.name}' was built for another instance`);
  const sim = new StepSimulation(net, details, marking, functions);
  return { sim, verdict: choreograph(sim, op) };
}

/** The firings `op` means in `marking` (see the module comment). */
export function planStep(net: Net, instance: NetInstance, marking: Marking, op: NetOp): StepPlan {
  const { sim, verdict } = simulate(net, instance, marking, op, abstractFunctions);
  if (verdict.kind === 'invalid') return verdict;
  return Object.freeze({
    kind: 'plan',
    firings: Object.freeze([...sim.firings]),
    outcome: verdict.outcome,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    detail: verdict.detail,
  });
}

/** Plans and fires `op` with `functions` (the abstract terms by default). */
export function runStepAbstract(
  net: Net,
  instance: NetInstance,
  marking: Marking,
  op: NetOp,
  functions: FunctionTable = abstractFunctions,
): StepRun {
  const { sim, verdict } = simulate(net, instance, marking, op, functions);
  if (verdict.kind === 'invalid') return verdict;
  return Object.freeze({
    kind: 'ran',
    outcome: verdict.outcome,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    detail: verdict.detail,
    marking: sim.marking,
    fired: Object.freeze([...sim.fired]),
  });
}
