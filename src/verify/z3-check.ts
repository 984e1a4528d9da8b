/**
 * One satisfiability check with the verifier's discipline: a fresh solver, a timeout taken from the
 * run's budget, the query handed to the sink as SMT-LIB text, and `unknown` kept distinct from
 * either answer. {@link prove} is the positive reading: a claim is proved only when its negation is
 * unsat.
 */
import type { Bool, CheckSatResult, Model } from 'z3-solver';
import type { Budget } from './budget.ts';
import { type QuerySink, type SmtLogic, smtlibText } from './smtlib.ts';
import type { UnknownReason } from './verdict.ts';
import { whileSolving, type Z3Context } from './z3-context.ts';

type Name = 'verify';

/** How a check is run and recorded. */
export interface CheckOptions {
  readonly budget: Budget;
  readonly queryId: string;
  readonly onQuery?: QuerySink | undefined;
}

/** A check's answer: a model when sat (the caller releases it when done), Z3's reason when unknown. */
export type CheckOutcome =
  | { readonly answer: 'sat'; readonly model: Model<Name> }
  | { readonly answer: 'unsat' }
  | { readonly answer: 'unknown'; readonly reason: UnknownReason; readonly detail: string };

/** Z3's timeout parameter: whole milliseconds, at least 1. */
const timeoutParam = (budget: Budget): number => Math.max(1, Math.ceil(budget.remainingMs()));

/**
 * Classifies an `unknown`: a spent budget or Z3's own "timeout"/"canceled" is a timeout; anything
 * else is the solver giving up, with its reason kept in the detail.
 */
export function classifyUnknown(budget: Budget, z3Reason: string): { reason: UnknownReason; detail: string } {
  if (budget.remainingMs() === 0 || /timeout|cancel/i.test(z3Reason)) {
    return { reason: 'timeout', detail: `Z3 stopped: ${z3Reason || 'time budget spent'}` };
  }
  return { reason: 'solver-unknown', detail: `Z3 answered unknown: ${z3Reason || 'no reason given'}` };
}

/** Checks the conjunction of `assertions` within the budget; the budget must not be spent yet. */
export async function checkSat(
  ctx: Z3Context,
  assertions: readonly Bool<Name>[],
  options: CheckOptions,
): Promise<CheckOutcome> {
  const solver = new ctx.Solver();
  solver.set('timeout', timeoutParam(options.budget));
  solver.add(...assertions);
  const answer: CheckSatResult = await whileSolving(() => solver.check());
  if (options.onQuery !== undefined) {
    const logic: SmtLogic = 'ALL';
    options.onQuery({ id: options.queryId, logic, text: smtlibText(ctx, logic, assertions), answer });
  }
  // The solver is released now rather than by a finalizer during some later check.
  try {
    switch (answer) {
      case 'sat':
        return { answer, model: solver.model() };
      case 'unsat':
        return { answer };
      case 'unknown':
        return { answer, ...classifyUnknown(options.budget, solver.reasonUnknown()) };
      default: {
        const bad: never = answer;
        return bad;
      }
    }
  } finally {
    solver.release();
  }
}

/** Whether a claim holds under assumptions: proved, refuted with a model, or unknown. */
export type ProofOutcome =
  | { readonly kind: 'proved' }
  | { readonly kind: 'refuted'; readonly model: Model<Name> }
  | { readonly kind: 'unknown'; readonly reason: UnknownReason; readonly detail: string };

/**
 * Proves `claim` under `assumptions` by checking that assumptions ∧ ¬claim is unsat. A model of the
 * negation refutes it; Z3's `unknown` stays unknown, never proved.
 */
export async function prove(
  ctx: Z3Context,
  claim: Bool<Name>,
  assumptions: readonly Bool<Name>[],
  options: CheckOptions,
): Promise<ProofOutcome> {
  const outcome = await checkSat(ctx, [...assumptions, ctx.Not(claim)], options);
  switch (outcome.answer) {
    case 'unsat':
      return { kind: 'proved' };
    case 'sat':
      return { kind: 'refuted', model: outcome.model };
    case 'unknown':
      return { kind: 'unknown', reason: outcome.reason, detail: outcome.detail };
    default: {
      const bad: never = outcome;
      return bad;
    }
  }
}
