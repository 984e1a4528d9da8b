/**
 * Constrained Horn clauses solved by Z3's Spacer (the HORN logic's solver): the only engine here
 * that proves a property for every reachable state without a bound, and it hands back the inductive
 * invariant it found (its interpretation of `Inv`) as the evidence. The invariant is re-checked by
 * plain SMT before a proof is reported. When the clauses are unsatisfiable the error is reachable,
 * and BMC from depth 0 rebuilds a shortest decoded, replayable trace.
 */
import type { Bool, Expr, Model, Solver } from 'z3-solver';
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
import { whileSolving, type Z3Context, z3Context } from './z3-context.ts';
import { encodeHorn, type HornEncoding, type Unrolling, unroll, type Z3Symbol } from './z3-encode.ts';
import { readableFormula } from './z3-readable.ts';

type Name = 'verify';

/**
 * Options of {@link chc}; `timeoutMs` bounds Spacer, the invariant check and the trace rebuilding
 * together. `maxTraceDepth` (default 64) caps the BMC that rebuilds a violation's trace.
 */
export interface ChcOptions {
  readonly timeoutMs: number;
  readonly maxTraceDepth?: number;
  readonly onQuery?: QuerySink;
}

/** The typing lacks `new Solver(logic)`; the HORN logic selects Spacer. */
type SolverForLogic = new (logic: string) => Solver<Name>;

/**
 * Spacer's interpretation of `Inv` applied to `args`: its default ("else") value with the
 * predicate's bound variables replaced by `args`, under the explicit entries if there are any.
 */
function invariantAt(
  ctx: Z3Context,
  model: Model<Name>,
  horn: HornEncoding,
  args: readonly Z3Symbol[],
): Bool<Name> {
  const interp = model.get(horn.inv);
  if (!ctx.isFuncInterp(interp)) return interp as Bool<Name>;
  let body = ctx.substituteVars(interp.elseValue(), ...args) as Bool<Name>;
  for (let i = interp.numEntries() - 1; i >= 0; i--) {
    const entry = interp.entry(i);
    const matches = args.map((a, j) => (a as Expr<Name>).eq(entry.argValue(j)));
    body = ctx.If(ctx.And(...matches), entry.value() as Bool<Name>, body);
  }
  return body;
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
  invariant: (k: number) => Bool<Name>,
  budget: Budget,
  queryPrefix: string,
  onQuery: QuerySink | undefined,
): Promise<{ reason: UnknownReason; detail: string } | null> {
  const obligations: readonly [string, Bool<Name>, readonly Bool<Name>[]][] = [
    ['initiation', invariant(0), [unrolling.init(0)]],
    ['consecution', invariant(1), [unrolling.ranges(0), invariant(0), unrolling.transition(0)]],
    ['safety', unrolling.holds(property.formula, 0), [unrolling.ranges(0), invariant(0)]],
  ];
  for (const [name, claim, assumptions] of obligations) {
    if (budget.remainingMs() === 0)
      return { reason: 'timeout', detail: `Spacer's invariant not yet checked (${name})` };
    const outcome = await prove(ctx, claim, assumptions, {
      budget,
      queryId: `${queryPrefix}-${name}`,
      onQuery,
    });
    if (outcome.kind === 'unknown') {
      return { reason: outcome.reason, detail: `checking Spacer's invariant (${name}): ${outcome.detail}` };
    }
    if (outcome.kind === 'refuted') {
      outcome.model.release();
      return { reason: 'solver-unknown', detail: `Spacer's invariant fails ${name}` };
    }
  }
  return null;
}

/** Proves or refutes `property` on `ts` with Spacer, within `options.timeoutMs`. */
export async function chc(ts: TransitionSystem, property: Property, options: ChcOptions): Promise<Verdict> {
  const system = validateTransitionSystem(ts);
  const prop = validateProperty(system, property);
  const maxTraceDepth = checkBound('maxTraceDepth', options.maxTraceDepth ?? 64, 0);
  const budget = startBudget(options.timeoutMs);
  const ctx = await z3Context();
  const unknown = (reason: UnknownReason, detail: string): Verdict => ({
    kind: 'unknown',
    engine: 'chc',
    reason,
    detail,
    seconds: budget.elapsedSeconds(),
  });
  const horn = encodeHorn(ctx, system, prop);
  if (budget.remainingMs() === 0) return unknown('timeout', 'the budget was spent before Spacer ran');

  const solver = new (ctx.Solver as unknown as SolverForLogic)('HORN');
  solver.set('timeout', Math.max(1, Math.ceil(budget.remainingMs())));
  solver.add(...horn.clauses);
  const answer = await whileSolving(() => solver.check());
  const prefix = `${system.name}.${prop.id}.chc`;
  options.onQuery?.({ id: prefix, logic: 'HORN', text: smtlibText(ctx, 'HORN', horn.clauses), answer });
  const unrolling = unroll(ctx, system);
  // Read what is needed, then release the solver now rather than by a finalizer mid-check.
  const reasonUnknown = answer === 'unknown' ? solver.reasonUnknown() : '';
  const model = answer === 'sat' ? solver.model() : undefined;
  solver.release();

  /** Spacer's model as a checked proof, or unknown when its invariant does not pass the check. */
  const certified = async (m: Model<Name>): Promise<Verdict> => {
    const at = (k: number) =>
      invariantAt(
        ctx,
        m,
        horn,
        system.vars.map((v) => unrolling.state(k).get(v.name)!),
      );
    const failed = await checkCertificate(
      ctx,
      unrolling,
      prop,
      at,
      budget,
      `${prefix}-check`,
      options.onQuery,
    );
    if (failed !== null) return unknown(failed.reason, failed.detail);
    const invariant = readableFormula(
      ctx,
      invariantAt(ctx, m, horn, horn.stateSymbols),
      stateScope(system).vars,
    );
    return { kind: 'proved', engine: 'chc', invariant, seconds: budget.elapsedSeconds() };
  };

  switch (answer) {
    case 'sat':
      try {
        return await certified(model!);
      } finally {
        model!.release();
      }
    case 'unsat': {
      const setting = {
        ctx,
        unrolling,
        property: prop,
        budget,
        queryPrefix: `${prefix}-trace`,
        onQuery: options.onQuery,
      };
      const search = await findViolation(setting, 0, maxTraceDepth);
      if (search.kind === 'violation') {
        const { initial, trace } = search;
        return { kind: 'violated', engine: 'chc', initial, trace, seconds: budget.elapsedSeconds() };
      }
      const searched = search.kind === 'none' ? `no trace up to depth ${maxTraceDepth}` : search.detail;
      return unknown(
        'trace-not-found',
        `Spacer reports the property violated, but BMC rebuilt no trace: ${searched}`,
      );
    }
    case 'unknown': {
      const { reason, detail } = classifyUnknown(budget, reasonUnknown);
      return unknown(reason, detail);
    }
    default: {
      const bad: never = answer;
      return bad;
    }
  }
}
