/**
 * Symbolic reachability with BDDs: the exact set of reachable states, computed breadth first one
 * frontier at a time, against which every property is checked at once. When the fixpoint is
 * reached and no reachable state violates a property, the property is proved and the reachable
 * set is its invariant (the strongest there is); a violation found at depth d comes with a
 * shortest trace, rebuilt backwards through the frontiers. Running out of time or nodes before the
 * fixpoint is `unknown`, with the depth explored, never proved.
 *
 * The SeSPHR net's confidentiality and access properties need invariants that relate many
 * records and knowledge tokens (a revoked user holds no key, so it rejoins no group, so it gets no
 * R of a later version, so…); Spacer does not find them within minutes even on the smallest
 * instance with a revocation, while the reachable set of such instances is small as a BDD. So
 * this engine decides the small instances, and the Z3 engines stay available for every query
 * (`--engine`), and for the traces and their SMT-LIB export.
 */
import { BddLimitError } from './bdd.ts';
import { BddEncoding } from './bdd-encoding.ts';
import { startBudget } from './budget.ts';
import type { State, TraceStep } from './trace.ts';
import {
  type Property,
  type TransitionSystem,
  validateProperty,
  validateTransitionSystem,
} from './transition-system.ts';
import type { Verdict } from './verdict.ts';

/** Options of {@link bddReachability}; `timeoutMs` bounds the whole run. */
export interface BddOptions {
  readonly timeoutMs: number;
  /** Stop growing the diagrams beyond this many nodes (default 12 million). */
  readonly nodeLimit?: number;
  /** Stop as soon as every property is violated (a mutant only needs its violation). */
  readonly stopWhenAllViolated?: boolean;
}

/** What one reachability run established: the verdicts, and how far it went. */
export interface BddRun {
  readonly verdicts: ReadonlyMap<string, Verdict>;
  /** The breadth-first depth explored, and whether the fixpoint was reached. */
  readonly depth: number;
  readonly complete: boolean;
  readonly states: number;
  readonly seconds: number;
}

/** Rebuilds a shortest trace to a state of `rings[depth] ∧ bad`, backwards through the frontiers. */
function traceTo(
  enc: BddEncoding,
  rings: readonly number[],
  bad: number,
  depth: number,
): { initial: State; trace: TraceStep[] } {
  const b = enc.bdd;
  let bits = b.pick(b.and(rings[depth]!, bad))!;
  const trace: TraceStep[] = [];
  for (let d = depth - 1; d >= 0; d--) {
    const target = bits;
    const step = enc.transitions.find(
      (t) => b.and(b.and(rings[d]!, t.relation), enc.leadsTo(t, target)) !== 0,
    );
    if (step === undefined) throw new Error(`bdd trace: no predecessor at depth ${d}`);
    const before = b.pick(b.and(b.and(rings[d]!, step.relation), enc.leadsTo(step, target)))!;
    trace.unshift({
      transition: step.transition.name,
      params: enc.decodeParams(step.transition, before),
      state: enc.decodeState(target),
    });
    bits = before;
  }
  return { initial: enc.decodeState(bits), trace };
}

/** Checks every property of `properties` on `ts` by symbolic reachability (see the module comment). */
export function bddReachability(
  ts: TransitionSystem,
  properties: readonly Property[],
  options: BddOptions,
): BddRun {
  const system = validateTransitionSystem(ts);
  const props = properties.map((p) => validateProperty(system, p));
  const budget = startBudget(options.timeoutMs);
  const verdicts = new Map<string, Verdict>();
  const unknown = (reason: 'timeout' | 'node-limit', detail: string): Verdict => ({
    kind: 'unknown',
    engine: 'bdd',
    reason,
    detail,
    seconds: budget.elapsedSeconds(),
  });
  let enc: BddEncoding;
  try {
    enc = new BddEncoding(system, options.nodeLimit);
  } catch (e) {
    if (!(e instanceof BddLimitError)) throw e;
    for (const p of props) verdicts.set(p.id, unknown('node-limit', `${e.message} encoding the system`));
    return { verdicts, depth: 0, complete: false, states: 0, seconds: budget.elapsedSeconds() };
  }
  const b = enc.bdd;
  const bad = new Map(props.map((p) => [p.id, b.not(enc.formula(p.formula))]));
  const rings = [enc.init];
  let reached = enc.init;
  let frontier = enc.init;
  let depth = 0;
  let stopped: { reason: 'timeout' | 'node-limit'; why: string } | undefined;
  const found = new Map<string, number>();
  const check = (d: number) => {
    for (const p of props) if (!found.has(p.id) && b.and(rings[d]!, bad.get(p.id)!) !== 0) found.set(p.id, d);
  };
  try {
    check(0);
    search: while (frontier !== 0) {
      if (options.stopWhenAllViolated === true && found.size === props.length) break;
      let next = 0;
      for (const t of enc.transitions) {
        if (budget.remainingMs() === 0) {
          stopped = { reason: 'timeout', why: 'the time budget ran out' };
          break search;
        }
        next = b.or(next, enc.image(t, frontier));
      }
      frontier = b.and(next, b.not(reached));
      if (frontier === 0) break;
      reached = b.or(reached, frontier);
      rings.push(frontier);
      depth++;
      check(depth);
    }
  } catch (e) {
    if (!(e instanceof BddLimitError)) throw e;
    stopped = { reason: 'node-limit', why: e.message };
  }
  const complete = stopped === undefined && frontier === 0;
  // A violation found stands whatever stopped the search afterwards.
  for (const [id, at] of found) {
    try {
      const { initial, trace } = traceTo(enc, rings, bad.get(id)!, at);
      verdicts.set(id, { kind: 'violated', engine: 'bdd', initial, trace, seconds: budget.elapsedSeconds() });
    } catch (e) {
      if (!(e instanceof BddLimitError)) throw e;
      verdicts.set(
        id,
        unknown('node-limit', `a violation exists at depth ${at}, but ${e.message} rebuilding its trace`),
      );
    }
  }
  const states = complete ? b.satCount(reached) / 2 ** (b.levels - enc.currentLevels.length) : 0;
  for (const p of props) {
    if (verdicts.has(p.id)) continue;
    if (complete) {
      verdicts.set(p.id, {
        kind: 'proved',
        engine: 'bdd',
        invariant: `the set of reachable states (${states} states within ${depth} steps; a BDD of ${b.nodes} nodes over ${enc.currentLevels.length} state bits), every one of which satisfies ${p.id}`,
        seconds: budget.elapsedSeconds(),
      });
    } else {
      const why = stopped?.why ?? 'the search stopped at the first violations';
      verdicts.set(p.id, unknown(stopped?.reason ?? 'timeout', `no violation up to depth ${depth} (${why})`));
    }
  }
  return { verdicts, depth, complete, states, seconds: budget.elapsedSeconds() };
}
