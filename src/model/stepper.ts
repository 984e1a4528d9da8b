/**
 * Manual stepping for people: see the enabled bindings with readable labels, choose one, see what
 * moved, undo. A stepper is an immutable value; `choose` and `undo` return new steppers, so undo is
 * exact (it returns the very marking from before the step) and any state can be kept and revisited.
 */
import { type Binding, enabledBindings, showBinding } from './binding.ts';
import type { FunctionTable } from './expr-eval.ts';
import { fire, type TokenMove } from './fire.ts';
import { checkLayout, initialMarking, type Marking } from './marking.ts';
import type { Net } from './net.ts';

/** An enabled binding with its label, as listed to the user. */
export interface Choice {
  readonly binding: Binding;
  readonly label: string;
}

/** One step taken: the choice, the markings around it and what moved. */
export interface Step {
  readonly choice: Choice;
  readonly before: Marking;
  readonly after: Marking;
  readonly consumed: readonly TokenMove[];
  readonly produced: readonly TokenMove[];
}

/** The result of choosing: a new stepper, or why the index was refused. */
export type ChooseResult =
  | { readonly kind: 'stepped'; readonly stepper: Stepper; readonly step: Step }
  | { readonly kind: 'no-such-choice'; readonly reason: string };

export interface Stepper {
  readonly net: Net;
  readonly marking: Marking;
  /** The enabled bindings in the current marking, in the engine's deterministic order. */
  readonly enabled: readonly Choice[];
  /** The steps taken so far, oldest first. */
  readonly history: readonly Step[];
  /** Fires `enabled[index]`. */
  choose(index: number): ChooseResult;
  /** The stepper before the last step, or undefined at the start. */
  undo(): Stepper | undefined;
}

export interface StepperOptions {
  readonly functions?: FunctionTable;
  /** Where to start; the net's initial marking by default. */
  readonly initial?: Marking;
}

/** A stepper at the net's initial marking (or `options.initial`). */
export function createStepper(net: Net, options: StepperOptions = {}): Stepper {
  const functions = options.functions ?? {};
  const start = options.initial ?? initialMarking(net);
  checkLayout(net, start);
  return at(net, functions, start, Object.freeze([]));
}

function at(net: Net, functions: FunctionTable, marking: Marking, history: readonly Step[]): Stepper {
  const enabled = Object.freeze(
    enabledBindings(net, marking, functions).map((binding) =>
      Object.freeze({ binding, label: showBinding(net, binding) }),
    ),
  );
  const self: Stepper = Object.freeze({
    net,
    marking,
    enabled,
    history,
    choose(index: number): ChooseResult {
      const choice = Number.isInteger(index) ? enabled[index] : undefined;
      if (choice === undefined) {
        return Object.freeze({
          kind: 'no-such-choice',
          reason:
            enabled.length === 0
              ? 'no binding is enabled (deadlock)'
              : `choose an index from 0 to ${enabled.length - 1}, not ${index}`,
        });
      }
      const result = fire(net, marking, choice.binding, functions);
      if (result.kind === 'not-enabled') {
        // Every listed choice was enumerated as enabled in this very marking.
        throw new Error(`engine invariant broken: listed binding not enabled: ${result.reason}`);
      }
      const step: Step = Object.freeze({
        choice,
        before: marking,
        after: result.marking,
        consumed: result.consumed,
        produced: result.produced,
      });
      return Object.freeze({
        kind: 'stepped',
        stepper: at(net, functions, result.marking, Object.freeze([...history, step])),
        step,
      });
    },
    undo(): Stepper | undefined {
      const last = history.at(-1);
      return last === undefined
        ? undefined
        : at(net, functions, last.before, Object.freeze(history.slice(0, -1)));
    },
  });
  return self;
}
