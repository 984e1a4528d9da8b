/**
 * The one result type of every engine. `unknown` is a first-class outcome with its reason, so a
 * timeout or an exhausted bound can never be read as "holds": only `proved` means the property holds
 * in every reachable state.
 */
import { formatFiring, formatState, type State, type TraceStep } from './trace.ts';

/**
 * Which engine produced a verdict: bounded model checking, k-induction or Spacer's CHC solving
 * (all with Z3), or symbolic reachability with BDDs.
 */
export type EngineName = 'bmc' | 'kind' | 'chc' | 'bdd';

/**
 * Why no verdict could be reached: the time budget ran out; the depth or k bound was exhausted
 * without a violation (never a proof); Z3 answered unknown for another reason (see `detail`);
 * Spacer reported a violation but no trace could be rebuilt within the budget; or the decision
 * diagrams outgrew their node limit.
 */
export type UnknownReason = 'timeout' | 'bound-reached' | 'solver-unknown' | 'trace-not-found' | 'node-limit';

/** The property holds in every reachable state; `invariant` is the evidence in readable form. */
export interface Proved {
  readonly kind: 'proved';
  readonly engine: EngineName;
  readonly invariant: string;
  readonly seconds: number;
}
/**
 * The property fails: starting from `initial`, the steps of `trace` reach a state (the last one, or
 * `initial` itself when the trace is empty) where it is false.
 */
export interface Violated {
  readonly kind: 'violated';
  readonly engine: EngineName;
  readonly initial: State;
  readonly trace: readonly TraceStep[];
  readonly seconds: number;
}
/** No verdict; `detail` says what was established (e.g. "no violation up to depth 10"). */
export interface Unknown {
  readonly kind: 'unknown';
  readonly engine: EngineName;
  readonly reason: UnknownReason;
  readonly detail: string;
  readonly seconds: number;
}
/** What an engine concluded about one property. */
export type Verdict = Proved | Violated | Unknown;

/**
 * One paragraph a reviewer can read: the verdict word first, then the engine and time, then the
 * evidence (invariant, numbered trace, or what was and was not established).
 */
export function describeVerdict(verdict: Verdict, varOrder?: readonly string[]): string {
  const head = `${verdict.kind} by ${verdict.engine} in ${verdict.seconds.toFixed(3)} s`;
  switch (verdict.kind) {
    case 'proved':
      return `${head}; invariant: ${verdict.invariant}`;
    case 'violated': {
      const lines = [
        `${head}; trace of ${verdict.trace.length} step${verdict.trace.length === 1 ? '' : 's'}:`,
        `  0. initial: ${formatState(verdict.initial, varOrder)}`,
        ...verdict.trace.map(
          (s, i) => `  ${i + 1}. ${formatFiring(s.transition, s.params)}: ${formatState(s.state, varOrder)}`,
        ),
      ];
      return lines.join('\n');
    }
    case 'unknown':
      return `${head}; ${verdict.reason}: ${verdict.detail} (not a proof)`;
    default: {
      const bad: never = verdict;
      return bad;
    }
  }
}
