/**
 * The working state of planning one step: a marking that advances as the planner fires, the
 * firings so far (with full matches), what moved, and the refusal the step ended on. Decisions
 * take a set of alternative transitions of which the net's guards enable at most one for the
 * matched request; finding two is a defect of the net and throws.
 * @module
 */
import {
  type Binding,
  evaluate,
  type FunctionTable,
  fire,
  type Marking,
  type Net,
  type TokenMove,
  type Value,
} from '../../model/index.ts';
import type { DenialReason } from '../outcome.ts';
import { matchingBindings, matchOf, type PlannedFiring } from './binding-match.ts';
import { tokensWhere } from './marking-read.ts';
import { PLACES } from './places.ts';
import type { SesphrNetDetails } from './sesphr-net.ts';

/** One firing as it happened: the binding and the tokens it moved. */
export interface FiredStep {
  readonly binding: Binding;
  readonly consumed: readonly TokenMove[];
  readonly produced: readonly TokenMove[];
}

/** A decision made: the transition that fired and its binding. */
export interface Decision {
  readonly transition: string;
  readonly binding: Binding;
  /** Set when the transition is a refusal: the reason it gives. */
  readonly reason?: DenialReason;
}

/** Planning state for one step. */
export class StepSimulation {
  readonly net: Net;
  readonly details: SesphrNetDetails;
  readonly functions: FunctionTable;
  marking: Marking;
  readonly firings: PlannedFiring[] = [];
  readonly fired: FiredStep[] = [];

  constructor(net: Net, details: SesphrNetDetails, marking: Marking, functions: FunctionTable) {
    this.net = net;
    this.details = details;
    this.functions = functions;
    this.marking = marking;
  }

  /** Whether the net has a transition with this id. */
  has(id: string): boolean {
    return this.net.transitions.some((t) => t.id === id);
  }

  /** The enabled bindings of `id` satisfying `match` (none if the net lacks the transition). */
  candidates(id: string, match: Readonly<Record<string, Value>>): readonly Binding[] {
    return this.has(id) ? matchingBindings(this.net, this.marking, id, match, this.functions) : [];
  }

  /** Fires `binding` and records it (and files the refusal it made, if any). */
  fire(binding: Binding): void {
    const result = fire(this.net, this.marking, binding, this.functions);
    if (result.kind === 'not-enabled') throw new Error(`planner: ${result.reason}`);
    this.marking = result.marking;
    this.firings.push(Object.freeze({ transition: binding.transition, match: matchOf(binding) }));
    this.fired.push(Object.freeze({ binding, consumed: result.consumed, produced: result.produced }));
    this.#file();
  }

  /** Fires the first enabled binding of `id` satisfying `match`; undefined if there is none. */
  fireFirst(id: string, match: Readonly<Record<string, Value>>): Binding | undefined {
    const binding = this.candidates(id, match)[0];
    if (binding !== undefined) this.fire(binding);
    return binding;
  }

  /** Like {@link fireFirst}, but a missing binding is a defect of the plan. */
  must(id: string, match: Readonly<Record<string, Value>>): Binding {
    const binding = this.fireFirst(id, match);
    if (binding === undefined) {
      throw new Error(`planner: ${id} is not enabled for ${JSON.stringify(match)}`);
    }
    return binding;
  }

  /**
   * Fires the one alternative among `ids` enabled for `match` and says which it was; undefined
   * when none is. Two enabled alternatives mean the net's guards overlap: that throws.
   */
  decide(ids: readonly string[], match: Readonly<Record<string, Value>>): Decision | undefined {
    const enabled = ids.flatMap((id) => {
      const found = this.candidates(id, match);
      return found.length === 0 ? [] : [{ id, binding: found[0]! }];
    });
    if (enabled.length > 1) {
      throw new Error(
        `planner: ${enabled.map((e) => e.id).join(' and ')} are both enabled for ${JSON.stringify(match)}`,
      );
    }
    const chosen = enabled[0];
    if (chosen === undefined) return undefined;
    const reason = this.reasonOf(chosen.id, chosen.binding);
    this.fire(chosen.binding);
    return Object.freeze({
      transition: chosen.id,
      binding: chosen.binding,
      ...(reason === undefined ? {} : { reason }),
    });
  }

  /** The reason a refusal transition gives for `binding`; undefined for other transitions. */
  reasonOf(id: string, binding: Binding): DenialReason | undefined {
    const expr = this.details.reasons.get(id);
    return expr === undefined ? undefined : (evaluate(expr, binding.vars, this.functions) as DenialReason);
  }

  /** Files the refusal waiting in `Verdict`, if any (the instance tracks refusals). */
  #file(): void {
    const waiting = tokensWhere(this.marking, PLACES.verdict)[0];
    if (waiting === undefined) return;
    const match = {
      'vd.actor': waiting.actor!,
      'vd.op': waiting.op!,
      'vd.reason': waiting.reason!,
    };
    const binding =
      this.candidates('Log_refusal', match)[0] ?? this.candidates('Log_refusal_repeat', match)[0];
    if (binding === undefined) throw new Error('planner: a refusal waits in Verdict and cannot be filed');
    this.fire(binding);
  }
}
