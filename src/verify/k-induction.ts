/**
 * k-induction with simple-path constraints. For k = 1, 2, …: the base case is BMC at depth k − 1
 * (no violation in fewer than k steps); the step case proves that k consecutive distinct states
 * satisfying the property cannot be followed by one violating it. Because every sort is finite,
 * some k (at most the longest simple path) makes the step case unsat when the property holds, so
 * the method is complete given a large enough `maxK`; below it the answer is `bound-reached`.
 */
import type { Bool } from 'z3-solver';
import { checkBound, findViolation, searchVerdict } from './bmc.ts';
import { startBudget } from './budget.ts';
import type { QuerySink } from './smtlib.ts';
import {
  type Property,
  type TransitionSystem,
  validateProperty,
  validateTransitionSystem,
} from './transition-system.ts';
import type { UnknownReason, Verdict } from './verdict.ts';
import { prove } from './z3-check.ts';
import { z3Context } from './z3-context.ts';
import { unroll } from './z3-encode.ts';

/** Options of {@link kInduction}; `timeoutMs` bounds the whole run. */
export interface KInductionOptions {
  readonly maxK: number;
  readonly timeoutMs: number;
  readonly onQuery?: QuerySink;
}

/** Proves or refutes `property` on `ts` by k-induction for k = 1..maxK. */
export async function kInduction(
  ts: TransitionSystem,
  property: Property,
  options: KInductionOptions,
): Promise<Verdict> {
  const system = validateTransitionSystem(ts);
  const prop = validateProperty(system, property);
  const maxK = checkBound('maxK', options.maxK, 1);
  const budget = startBudget(options.timeoutMs);
  const ctx = await z3Context();
  const unrolling = unroll(ctx, system);
  const prefix = `${system.name}.${prop.id}.kind`;
  const setting = {
    ctx,
    unrolling,
    property: prop,
    budget,
    queryPrefix: `${prefix}.base`,
    onQuery: options.onQuery,
  };
  const unknown = (reason: UnknownReason, detail: string): Verdict => ({
    kind: 'unknown',
    engine: 'kind',
    reason,
    detail,
    seconds: budget.elapsedSeconds(),
  });

  for (let k = 1; k <= maxK; k++) {
    const base = await findViolation(setting, k - 1, k - 1);
    if (base.kind !== 'none') return searchVerdict('kind', base, budget.elapsedSeconds(), k - 1);
    if (budget.remainingMs() === 0)
      return unknown('timeout', `no violation up to depth ${k - 1}; step ${k} not run`);
    const assumptions: Bool<'verify'>[] = [unrolling.ranges(0)];
    for (let i = 0; i < k; i++) {
      assumptions.push(unrolling.transition(i), unrolling.holds(prop.formula, i));
      for (let j = 0; j < i; j++) assumptions.push(unrolling.differ(j, i));
    }
    for (let j = 0; j < k; j++) assumptions.push(unrolling.differ(j, k));
    const step = await prove(ctx, unrolling.holds(prop.formula, k), assumptions, {
      budget,
      queryId: `${prefix}.step-${k}`,
      onQuery: options.onQuery,
    });
    switch (step.kind) {
      case 'proved':
        return {
          kind: 'proved',
          engine: 'kind',
          invariant: `${prop.id} is k-inductive for k=${k}`,
          seconds: budget.elapsedSeconds(),
        };
      case 'unknown':
        return unknown(step.reason, `no violation up to depth ${k - 1}; step ${k}: ${step.detail}`);
      case 'refuted':
        step.model.release();
        break;
      default: {
        const bad: never = step;
        return bad;
      }
    }
  }
  return unknown(
    'bound-reached',
    `no violation up to depth ${maxK - 1}; not k-inductive for any k ≤ ${maxK}`,
  );
}
