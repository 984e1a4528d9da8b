/**
 * A whole scenario against the real protocol: the start state, then every step in order, each
 * judged against its `expect`. Deterministic given the scenario and the seed, except for the
 * measured milliseconds.
 */
import type { DenialReason } from '../../protocol/index.ts';
import type { OperationName, Outcome, Scenario, Variant } from '../scenario/index.ts';
import { checkExpectation, expectationHolds } from './check-expectation.ts';
import { createExecContext } from './exec-context.ts';
import { executeStep } from './execute-step.ts';
import type { ProtocolCall } from './protocol-call.ts';

/** One step's execution with its place in the file and its verdict. */
export interface StepResult {
  readonly index: number;
  readonly line: number;
  readonly op: OperationName;
  readonly outcome: Outcome;
  readonly reason?: DenialReason;
  readonly detail: string;
  readonly expected?: Outcome;
  /** Whether the expectation holds (true when the step expects nothing). */
  readonly ok: boolean;
  /** Measured milliseconds of the step's protocol calls together. */
  readonly ms: number;
  readonly calls: readonly ProtocolCall[];
}

/** A scenario's run: the setup calls, every step's result, and whether every expectation held. */
export interface ScenarioExecution {
  readonly name: string;
  readonly source: string;
  readonly seed: string;
  readonly variant: Variant;
  readonly setup: readonly ProtocolCall[];
  readonly steps: readonly StepResult[];
  readonly passed: boolean;
}

/** Runs `scenario` from its start state with `seed` and checks every expectation. */
export function executeScenario(scenario: Scenario, seed: string): ScenarioExecution {
  const ctx = createExecContext(scenario, seed);
  const steps = scenario.steps.map((step): StepResult => {
    const execution = executeStep(ctx, step);
    const ok = expectationHolds(checkExpectation(step.expect, execution.outcome));
    return Object.freeze({
      index: step.index,
      line: step.line,
      op: step.op,
      outcome: execution.outcome,
      ...(execution.reason === undefined ? {} : { reason: execution.reason }),
      detail: execution.detail,
      ...(step.expect === undefined ? {} : { expected: step.expect }),
      ok,
      ms: execution.calls.reduce((sum, call) => sum + call.ms, 0),
      calls: execution.calls,
    });
  });
  return Object.freeze({
    name: scenario.name,
    source: scenario.source,
    seed,
    variant: scenario.variant,
    setup: ctx.setup,
    steps: Object.freeze(steps),
    passed: steps.every((s) => s.ok),
  });
}
