/**
 * Bounded model checking: is there a path of at most `depth` steps from an initial state to a state
 * violating the property? A satisfying model is a counterexample trace. Depths are tried in
 * increasing order, so the trace found is a shortest one. Exhausting the depth is reported as
 * `unknown`/`bound-reached` with "no violation up to depth k": BMC never proves.
 */
import type { Bool } from 'z3-solver';
import { type Budget, startBudget } from './budget.ts';
import type { QuerySink } from './smtlib.ts';
import type { State, TraceStep } from './trace.ts';
import {
  type Property,
  type TransitionSystem,
  validateProperty,
  validateTransitionSystem,
} from './transition-system.ts';
import type { EngineName, UnknownReason, Verdict } from './verdict.ts';
import { checkSat } from './z3-check.ts';
import { type Z3Context, z3Context } from './z3-context.ts';
import { type Unrolling, unroll } from './z3-encode.ts';

/** Options of {@link bmc}; `timeoutMs` bounds the whole run, all depths together. */
export interface BmcOptions {
  readonly depth: number;
  /**
   * The first depth to check (default 0). Only for callers that know there is no violation at a
   * smaller depth (a breadth-first search found the first one at `from`): the trace is then still
   * a shortest one, and the search poses one query instead of `from + 1`.
   */
  readonly from?: number;
  readonly timeoutMs: number;
  readonly onQuery?: QuerySink;
}

/** What a bounded search for a violation found. */
export type SearchResult =
  | { readonly kind: 'violation'; readonly initial: State; readonly trace: readonly TraceStep[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly reason: UnknownReason; readonly detail: string };

/** Where a bounded search runs: one context, one unrolling, one budget, one query-id prefix. */
export interface SearchSetting {
  readonly ctx: Z3Context;
  readonly unrolling: Unrolling;
  readonly property: Property;
  readonly budget: Budget;
  readonly queryPrefix: string;
  readonly onQuery?: QuerySink | undefined;
}

const upTo = (d: number): string => (d < 0 ? 'no depth was checked' : `no violation up to depth ${d}`);

/**
 * Looks for a violation at each depth `from..to` in turn (each query: init at 0, one transition per
 * step, property false at the last step). Earlier depths must already be known clean for the trace
 * to be shortest; the engines call it in order.
 */
export async function findViolation(setting: SearchSetting, from: number, to: number): Promise<SearchResult> {
  const { ctx, unrolling, property, budget } = setting;
  for (let d = from; d <= to; d++) {
    if (budget.remainingMs() === 0) return { kind: 'unknown', reason: 'timeout', detail: upTo(d - 1) };
    const assertions: Bool<'verify'>[] = [unrolling.init(0)];
    for (let k = 0; k < d; k++) assertions.push(unrolling.transition(k));
    assertions.push(ctx.Not(unrolling.holds(property.formula, d)));
    const outcome = await checkSat(ctx, assertions, {
      budget,
      queryId: `${setting.queryPrefix}.depth-${d}`,
      onQuery: setting.onQuery,
    });
    switch (outcome.answer) {
      case 'sat': {
        const found = unrolling.decode(outcome.model, d);
        outcome.model.release();
        return { kind: 'violation', ...found };
      }
      case 'unknown':
        return {
          kind: 'unknown',
          reason: outcome.reason,
          detail: `${upTo(d - 1)}; depth ${d}: ${outcome.detail}`,
        };
      case 'unsat':
        break;
      default: {
        const bad: never = outcome;
        return bad;
      }
    }
  }
  return { kind: 'none' };
}

/** Turns a search result into a verdict for `engine`; `none` becomes the bound-reached unknown. */
export function searchVerdict(
  engine: EngineName,
  result: SearchResult,
  seconds: number,
  depth: number,
): Verdict {
  switch (result.kind) {
    case 'violation':
      return { kind: 'violated', engine, initial: result.initial, trace: result.trace, seconds };
    case 'none':
      return { kind: 'unknown', engine, reason: 'bound-reached', detail: upTo(depth), seconds };
    case 'unknown':
      return { kind: 'unknown', engine, reason: result.reason, detail: result.detail, seconds };
    default: {
      const bad: never = result;
      return bad;
    }
  }
}

/** Checks that a bound is a non-negative integer (a depth) or a positive one (k). */
export function checkBound(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}

/** Bounded model checking of `property` on `ts` to `options.depth` steps. */
export async function bmc(ts: TransitionSystem, property: Property, options: BmcOptions): Promise<Verdict> {
  const system = validateTransitionSystem(ts);
  const prop = validateProperty(system, property);
  const depth = checkBound('depth', options.depth, 0);
  const from = checkBound('from', options.from ?? 0, 0);
  const budget = startBudget(options.timeoutMs);
  const ctx = await z3Context();
  const result = await findViolation(
    {
      ctx,
      unrolling: unroll(ctx, system),
      property: prop,
      budget,
      queryPrefix: `${system.name}.${prop.id}.bmc`,
      onQuery: options.onQuery,
    },
    from,
    depth,
  );
  return searchVerdict('bmc', result, budget.elapsedSeconds(), depth);
}
