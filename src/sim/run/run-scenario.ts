/**
 * A scenario run three ways side by side, with the conformance check between them:
 *
 * 1. concretely, against the protocol library (every step through the executor, timed);
 * 2. on the SeSPHR net in concrete mode: each step planned (`planStep`), each planned firing fired
 *    with the protocol's own values as payloads (see `concrete-functions.ts`), each firing paired
 *    with the protocol call it stands for;
 * 3. on the abstract net (symbolic payloads), which must fire the same transitions.
 *
 * After every step (and at the start) the check compares the outcome word and refusal reason, the
 * payloads the net's knowledge tokens carry against the values the protocol's calls produced, the
 * abstract net's firings, and every actor's knowledge facts. The first difference stops the run
 * with a {@link Divergence}. Each step's expectation is judged on the protocol's outcome.
 */
import {
  type Binding,
  fire,
  isOpaque,
  type Marking,
  type Net,
  showBinding,
  type TokenMove,
  type Transition,
} from '../../model/index.ts';
import {
  bindingFor,
  clockOf,
  type DenialReason,
  factKey,
  factOfToken,
  type NetInstance,
  type NetOp,
  netInstanceOf,
  planStep,
  runStepAbstract,
  sesphrNet,
  startMarking,
} from '../../protocol/index.ts';
import { checkExpectation, expectationHolds, type ProtocolCall } from '../execute/index.ts';
import type { OperationName, Outcome, Scenario, Step } from '../scenario/index.ts';
import { matchCalls, stepValues } from './call-matching.ts';
import { concreteFunctions, type MissingValue } from './concrete-functions.ts';
import { type ConcreteStep, concretePass } from './concrete-pass.ts';
import type { Divergence, StepPlace } from './divergence.ts';
import { knowledgeDifference, netKnowledge } from './knowledge-check.ts';
import { netOpOf } from './net-op-of.ts';
import { netWorldOf } from './net-world-of.ts';
import { runActors } from './run-actors.ts';
import type { TraceEvent } from './trace-event.ts';

/** How to run: the seed of every random choice, and (for mutation tests) how to build the net. */
export interface RunOptions {
  readonly seed: string;
  /** Builds the net of the scenario's instance; default `sesphrNet`. */
  readonly netOf?: (instance: NetInstance) => Net;
}

/** One firing, with the tokens it moved and the concrete marking it led to. */
export interface FiringRecord {
  readonly event: TraceEvent;
  readonly binding: Binding;
  readonly consumed: readonly TokenMove[];
  readonly produced: readonly TokenMove[];
  readonly marking: Marking;
}

/** One step: the protocol's outcome, its expectation's verdict, and the net's firings. */
export interface StepReport {
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
  /** The protocol calls the step made, with their measured times and value digests. */
  readonly calls: readonly ProtocolCall[];
  /** The transitions fired, in order. */
  readonly transitions: readonly string[];
  readonly firings: readonly FiringRecord[];
  /** The concrete net's marking after the step. */
  readonly marking: Marking;
}

/** The net a run was checked against, and its concrete start marking. */
export interface RunModel {
  readonly net: Net;
  readonly instance: NetInstance;
  readonly start: Marking;
}

/**
 * A scenario's run. `steps` ends at the divergent step when there is a divergence; `model` is
 * absent only when the net could not be built for the scenario at all.
 */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly model?: RunModel;
  readonly steps: readonly StepReport[];
  readonly divergence?: Divergence;
  /** No divergence, and every expectation held. */
  readonly passed: boolean;
}

const placeOf = (step: Step): StepPlace => ({ index: step.index, line: step.line, op: step.op });

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The partition a `tamper` call flipped a bit in, read off the ciphertext fact it recorded. */
function tamperedPartition(calls: readonly ProtocolCall[]): string | undefined {
  const key = Object.keys(calls.find((c) => c.step === 'tamper')?.values ?? {})[0];
  return key === undefined ? undefined : /^ciphertext\([^,]+,([^,]+),\d+\)$/.exec(key)?.[1];
}

/** The outcome word of one firing (see {@link TraceEvent.outcome}). */
function firingOutcome(t: Transition | undefined, stepOutcome: string): string {
  switch (t?.meta?.kind) {
    case 'refusal':
      return stepOutcome === 'fails' ? 'fails' : 'denied';
    case 'decision':
      return stepOutcome;
    default:
      return 'ok';
  }
}

/** Compares the payloads of the knowledge tokens a firing produced with the step's values. */
function valueMismatch(
  produced: readonly TokenMove[],
  values: Readonly<Record<string, string>>,
): string | undefined {
  for (const move of produced) {
    if (!move.place.startsWith('K_')) continue;
    const fact = factKey(factOfToken(move.token));
    const expected = values[fact];
    const payload = move.token.payload;
    if (expected === undefined || payload === undefined || !isOpaque(payload)) continue;
    if (payload.key !== expected) {
      return `it put ${fact} carrying ${payload.key} into ${move.place}; the protocol produced ${expected}`;
    }
  }
  return undefined;
}

const missingText = (m: MissingValue) => `no protocol call produced ${m.wanted} for ${m.term}`;

/** Runs `scenario` concretely and on its net, checking conformance step by step. */
export function runScenario(scenario: Scenario, options: RunOptions): ScenarioRun {
  const { seed } = options;
  const finish = (rest: Omit<ScenarioRun, 'scenario' | 'seed' | 'passed'>): ScenarioRun =>
    Object.freeze({
      scenario,
      seed,
      ...rest,
      passed: rest.divergence === undefined && rest.steps.every((s) => s.ok),
    });

  const concrete = concretePass(scenario, seed);
  const ops: NetOp[] = scenario.steps.map((step, i) =>
    netOpOf(step, tamperedPartition(concrete.steps[i]!.execution.calls)),
  );
  let instance: NetInstance;
  try {
    instance = netInstanceOf(netWorldOf(scenario, ops, concrete.hits));
  } catch (error) {
    return finish({ steps: [], divergence: { kind: 'unrepresentable', detail: message(error) } });
  }
  const net = (options.netOf ?? sesphrNet)(instance);
  const actors = runActors(scenario);
  const byId = new Map(net.transitions.map((t) => [t.id as string, t]));
  const startMisses: MissingValue[] = [];
  const start = startMarking(net, concreteFunctions({ step: stepValues(concrete.setup) }, startMisses));
  const model: RunModel = Object.freeze({ net, instance, start });
  if (startMisses[0] !== undefined) {
    return finish({
      model,
      steps: [],
      divergence: { kind: 'value', transition: 'the start marking', detail: missingText(startMisses[0]) },
    });
  }
  const startDiff = knowledgeDifference(netKnowledge(net, start, actors), concrete.start, actors);
  if (startDiff !== undefined)
    return finish({ model, steps: [], divergence: { kind: 'knowledge', ...startDiff } });

  let marking = start;
  let abstract = startMarking(net);
  let firingIndex = 0;
  const steps: StepReport[] = [];
  for (const [i, step] of scenario.steps.entries()) {
    const done = runStep(step, concrete.steps[i]!, ops[i]!);
    steps.push(done.report);
    if (done.divergence !== undefined) return finish({ model, steps, divergence: done.divergence });
  }
  return finish({ model, steps });

  function runStep(
    step: Step,
    { execution, knowledge }: ConcreteStep,
    op: NetOp,
  ): { readonly report: StepReport; readonly divergence?: Divergence } {
    const at = placeOf(step);
    const firings: FiringRecord[] = [];
    const report = (): StepReport =>
      Object.freeze({
        index: step.index,
        line: step.line,
        op: step.op,
        outcome: execution.outcome,
        ...(execution.reason === undefined ? {} : { reason: execution.reason }),
        detail: execution.detail,
        ...(step.expect === undefined ? {} : { expected: step.expect }),
        ok: expectationHolds(checkExpectation(step.expect, execution.outcome)),
        ms: execution.calls.reduce((sum, call) => sum + call.ms, 0),
        calls: execution.calls,
        transitions: Object.freeze(firings.map((f) => f.event.transition)),
        firings: Object.freeze(firings),
        marking,
      });
    const stop = (divergence: Divergence) => ({ report: report(), divergence });

    if (concrete.conflict?.stepIndex === step.index) {
      const c = concrete.conflict;
      return stop({
        kind: 'unrepresentable',
        at,
        detail: `${c.file}/${c.partition} v${c.version} was written again with other keywords; the net's keyword table has one entry per version`,
      });
    }
    let plan: ReturnType<typeof planStep>;
    let abstractRun: ReturnType<typeof runStepAbstract>;
    try {
      plan = planStep(net, instance, marking, op);
      abstractRun = runStepAbstract(net, instance, abstract, op);
    } catch (error) {
      return stop({ kind: 'net-error', at, detail: message(error) });
    }
    if (plan.kind === 'invalid') return stop({ kind: 'unrepresentable', at, detail: plan.detail });

    const transitions = plan.firings.map((f) => byId.get(f.transition));
    const matched = matchCalls(transitions, execution.calls);
    const values = stepValues(execution.calls);
    const misses: MissingValue[] = [];
    let mismatch: { readonly transition: string; readonly detail: string } | undefined;
    let missing: { readonly transition: string; readonly detail: string } | undefined;
    let actor = execution.calls[0]?.actor ?? 'net';
    for (const [k, firing] of plan.firings.entries()) {
      const t = transitions[k];
      const callIndex = matched[k];
      const call = callIndex === undefined ? undefined : execution.calls[callIndex];
      const functions = concreteFunctions({ ...(call === undefined ? {} : { call }), step: values }, misses);
      let fired: ReturnType<typeof fire>;
      try {
        const binding = bindingFor(net, marking, firing, functions);
        if (binding === undefined) {
          return stop({
            kind: 'net-error',
            at,
            detail: `the planned firing ${firing.transition} is not enabled in the concrete marking`,
          });
        }
        fired = fire(net, marking, binding, functions);
        if (fired.kind === 'not-enabled') return stop({ kind: 'net-error', at, detail: fired.reason });
        actor = call?.actor ?? actor;
        marking = fired.marking;
        const event: TraceEvent = Object.freeze({
          index: firingIndex++,
          step: step.index,
          transition: firing.transition,
          binding: showBinding(net, binding),
          actor,
          outcome: firingOutcome(t, plan.outcome),
          ...(t?.meta?.kind === 'refusal' && plan.reason !== undefined ? { reason: plan.reason } : {}),
          ...(t?.meta?.call === undefined ? {} : { call: t.meta.call }),
          simulatedTime: instance.times[clockOf(marking).now] ?? scenario.start,
          ms: call?.ms ?? 0,
        });
        firings.push(
          Object.freeze({ event, binding, consumed: fired.consumed, produced: fired.produced, marking }),
        );
      } catch (error) {
        return stop({ kind: 'net-error', at, detail: message(error) });
      }
      const miss = misses[0];
      if (missing === undefined && miss !== undefined) {
        missing = { transition: firing.transition, detail: missingText(miss) };
      }
      const detail = valueMismatch(fired.produced, values);
      if (mismatch === undefined && detail !== undefined)
        mismatch = { transition: firing.transition, detail };
    }

    const netVerdict = {
      outcome: plan.outcome,
      ...(plan.reason === undefined ? {} : { reason: plan.reason }),
    };
    const protocol = {
      outcome: execution.outcome,
      ...(execution.reason === undefined ? {} : { reason: execution.reason }),
    };
    const reasonsDiffer =
      plan.reason !== undefined && execution.reason !== undefined && plan.reason !== execution.reason;
    if (plan.outcome !== execution.outcome || reasonsDiffer) {
      return stop({ kind: 'outcome', at, net: netVerdict, protocol });
    }
    if (missing !== undefined) return stop({ kind: 'value', at, ...missing });
    if (mismatch !== undefined) return stop({ kind: 'value', at, ...mismatch });
    if (abstractRun.kind === 'invalid') {
      return stop({ kind: 'abstract', at, concrete: [], abstract: [], detail: abstractRun.detail });
    }
    const abstractIds = abstractRun.fired.map((f) => f.binding.transition as string);
    const concreteIds = firings.map((f) => f.event.transition);
    if (abstractRun.outcome !== plan.outcome || abstractIds.join() !== concreteIds.join()) {
      return stop({
        kind: 'abstract',
        at,
        concrete: concreteIds,
        abstract: abstractIds,
        detail: `it came to ${abstractRun.outcome} by ${abstractIds.join(', ') || 'no firing'}; the concrete net to ${plan.outcome} by ${concreteIds.join(', ') || 'no firing'}`,
      });
    }
    abstract = abstractRun.marking;
    const diff = knowledgeDifference(netKnowledge(net, marking, actors), knowledge, actors);
    if (diff !== undefined) return stop({ kind: 'knowledge', at, ...diff });
    return { report: report() };
  }
}
