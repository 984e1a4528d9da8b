/**
 * Constrained Horn clauses solved by Z3's Spacer: the only engine here that proves a property for
 * every reachable state without a bound, and it hands back the inductive invariant it found (its
 * interpretation of `Inv`) as the evidence. When Spacer finds the error reachable, its derivation
 * says how many steps the violation takes; BMC to that depth rebuilds a decoded, replayable trace.
 */
import { type Bool, type Expr, Z3_decl_kind } from 'z3-solver';
import { checkBound, findViolation } from './bmc.ts';
import { type Budget, startBudget } from './budget.ts';
import { type QuerySink, smtlibText } from './smtlib.ts';
import {
  type Property,
  stateScope,
  type TransitionSystem,
  validateProperty,
  validateTransitionSystem,
} from './transition-system.ts';
import type { UnknownReason, Verdict } from './verdict.ts';
import { classifyUnknown, prove } from './z3-check.ts';
import { newZ3Context, type Z3Context } from './z3-context.ts';
import { encodeHorn, type Unrolling, unroll } from './z3-encode.ts';
import { readableFormula } from './z3-readable.ts';

/**
 * Options of {@link chc}; `timeoutMs` bounds Spacer and the trace rebuilding together.
 * `maxTraceDepth` caps the BMC that rebuilds a trace when Spacer's derivation gives no depth.
 */
export interface ChcOptions {
  readonly timeoutMs: number;
  readonly maxTraceDepth?: number;
  readonly onQuery?: QuerySink;
}

/**
 * The number of steps in Spacer's refutation: the hyper-resolution nodes that conclude an `Inv`
 * fact are the states of the counterexample path, so their count less one is its length. `null`
 * when the answer has no such nodes (e.g. preprocessing inlined `Inv`).
 */
function refutationDepth(answer: Expr<'verify'>, invName: string): number | null {
  const seen = new Set<number>();
  let facts = 0;
  const stack: Expr<'verify'>[] = [answer];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (seen.has(e.id()) || !e.ctx.isApp(e)) continue;
    seen.add(e.id());
    const children = e.children() as Expr<'verify'>[];
    const conclusion = children.at(-1);
    if (
      e.decl().kind() === Z3_decl_kind.Z3_OP_PR_HYPER_RESOLVE &&
      conclusion !== undefined &&
      conclusion.ctx.isApp(conclusion) &&
      conclusion.decl().name() === invName
    ) {
      facts += 1;
    }
    stack.push(...children);
  }
  return facts === 0 ? null : facts - 1;
}

/**
 * Checks Spacer's invariant I independently of Spacer, with plain SMT queries: init ⇒ I,
 * I ∧ T ⇒ I′ and I ⇒ P. A proof is reported only with an invariant that passed all three; `null`
 * means it passed, otherwise the reason it could not be confirmed.
 */
async function checkCertificate(
  ctx: Z3Context,
  unrolling: Unrolling,
  property: Property,
  now: Bool<'verify'>,
  next: Bool<'verify'>,
  budget: Budget,
  queryPrefix: string,
  onQuery: QuerySink | undefined,
): Promise<{ reason: UnknownReason; detail: string } | null> {
  const obligations: readonly [string, Bool<'verify'>, readonly Bool<'verify'>[]][] = [
    ['initiation', now, [unrolling.init(0)]],
    ['consecution', next, [unrolling.ranges(0), now, unrolling.transition(0)]],
    ['safety', unrolling.holds(property.formula, 0), [unrolling.ranges(0), now]],
  ];
  for (const [name, claim, assumptions] of obligations) {
    if (budget.remainingMs() === 0)
      return { reason: 'timeout', detail: `Spacer's invariant not yet checked (${name})` };
    const outcome = await prove(ctx, claim, assumptions, {
      budget,
      queryId: `${queryPrefix}-${name}`,
      onQuery,
    });
    if (outcome.kind === 'unknown')
      return { reason: outcome.reason, detail: `checking Spacer's invariant (${name}): ${outcome.detail}` };
    if (outcome.kind === 'refuted')
      return { reason: 'solver-unknown', detail: `Spacer's invariant fails ${name}` };
  }
  return null;
}

/** Proves or refutes `property` on `ts` with Spacer, within `options.timeoutMs`. */
export async function chc(ts: TransitionSystem, property: Property, options: ChcOptions): Promise<Verdict> {
  const system = validateTransitionSystem(ts);
  const prop = validateProperty(system, property);
  const maxTraceDepth = checkBound('maxTraceDepth', options.maxTraceDepth ?? 64, 0);
  const budget = startBudget(options.timeoutMs);
  const ctx = await newZ3Context();
  const horn = encodeHorn(ctx, system, prop);
  const unknown = (reason: UnknownReason, detail: string): Verdict => ({
    kind: 'unknown',
    engine: 'chc',
    reason,
    detail,
    seconds: budget.elapsedSeconds(),
  });
  if (budget.remainingMs() === 0) return unknown('timeout', 'the budget was spent before Spacer ran');

  const fp = new ctx.Fixedpoint();
  fp.set('engine', 'spacer');
  fp.set('timeout', Math.max(1, Math.ceil(budget.remainingMs())));
  fp.registerRelation(horn.inv);
  fp.registerRelation(horn.err);
  for (const rule of horn.rules) fp.addRule(rule);
  const reached = await fp.query(horn.err.call() as Bool<'verify'>);
  options.onQuery?.({
    id: `${system.name}.${prop.id}.chc`,
    logic: 'HORN',
    text: smtlibText(ctx, 'HORN', horn.hornClauses),
    answer: reached === 'sat' ? 'unsat' : reached === 'unsat' ? 'sat' : 'unknown',
  });

  switch (reached) {
    case 'unsat': {
      const cover = fp.getCoverDelta(-1, horn.inv) ?? ctx.Bool.val(true);
      const unrolling = unroll(ctx, system);
      const at = (k: number) =>
        ctx.substituteVars(
          cover,
          ...system.vars.map((v) => unrolling.state(k).get(v.name)!),
        ) as Bool<'verify'>;
      const failed = await checkCertificate(
        ctx,
        unrolling,
        prop,
        at(0),
        at(1),
        budget,
        `${system.name}.${prop.id}.chc-check`,
        options.onQuery,
      );
      if (failed !== null) return unknown(failed.reason, failed.detail);
      const invariant = readableFormula(
        ctx,
        ctx.substituteVars(cover, ...horn.stateSymbols),
        stateScope(system).vars,
      );
      return { kind: 'proved', engine: 'chc', invariant, seconds: budget.elapsedSeconds() };
    }
    case 'sat': {
      const answer = fp.getAnswer();
      const depth = answer === null ? null : refutationDepth(answer, String(horn.inv.name()));
      const found = await findViolation(
        {
          ctx,
          unrolling: unroll(ctx, system),
          property: prop,
          budget,
          queryPrefix: `${system.name}.${prop.id}.chc-trace`,
          onQuery: options.onQuery,
        },
        0,
        depth ?? maxTraceDepth,
      );
      if (found.kind === 'violation') {
        return {
          kind: 'violated',
          engine: 'chc',
          initial: found.initial,
          trace: found.trace,
          seconds: budget.elapsedSeconds(),
        };
      }
      const searched =
        found.kind === 'none' ? `no trace up to depth ${depth ?? maxTraceDepth}` : found.detail;
      return unknown(
        'trace-not-found',
        `Spacer reports the property violated, but BMC rebuilt no trace: ${searched}`,
      );
    }
    case 'unknown': {
      const { reason, detail } = classifyUnknown(budget, fp.getReasonUnknown());
      return unknown(reason, detail);
    }
    default: {
      const bad: never = reached;
      return bad;
    }
  }
}
