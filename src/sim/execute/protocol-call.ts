/**
 * One call into the protocol library, as the trace and the conformance check see it. The executor
 * calls the fine-grained methods (rule 25 `drawR`, rule 26 `encryptPartition`, …) one by one
 * rather than the composites, so each call lines up with one firing of the SeSPHR net, and each is
 * timed on its own.
 */
import type { DenialReason, Outcome, SeSphrSystem } from '../../protocol/index.ts';

/**
 * A protocol call and what it produced. `values` holds short hex digests (see `shortDigest`) of the
 * crypto values the call produced, keyed by the knowledge fact they are the payload of
 * (`factKey`: `parameter(f1,medical,1,bob)` for R_U, `ciphertext(f1,medical,1)`,
 * `plaintext(f1,medical,1)`, `secret-key(bob)`, `otp(f1,bob)`) or, for values that are no fact,
 * by name (`r`, `R_P`, `certificate`). These are the strings the net's concrete tokens carry.
 */
export interface ProtocolCall {
  /** The system method called (`request`, `drawR`, `coalitionDecrypt`, …). */
  readonly step: string;
  /** Who acts: a principal, an infrastructure actor, or a coalition `srs+cloud`. */
  readonly actor: string;
  readonly outcome: 'ok' | 'denied';
  readonly reason?: DenialReason;
  /** Wall-clock milliseconds of the call alone (digests and bookkeeping excluded). */
  readonly ms: number;
  /** The simulated clock after the call, unix seconds. */
  readonly simulatedTime: number;
  readonly values: Readonly<Record<string, string>>;
}

/** What a non-`Outcome` call (a coalition's attempt) reports about itself. */
export interface CallSummary {
  readonly outcome: 'ok' | 'denied';
  readonly reason?: DenialReason;
  readonly values: Readonly<Record<string, string>>;
}

/** Collects the calls of one step (or of the setup), timing each. */
export interface CallRecorder {
  readonly calls: readonly ProtocolCall[];
  /** Calls `invoke`, records it, and returns its outcome; `values` digests a success. */
  run<T>(
    step: string,
    actor: string,
    invoke: () => Outcome<T>,
    values?: (value: T) => Readonly<Record<string, string>>,
  ): Outcome<T>;
  /** Calls `invoke` (which does not return an `Outcome`), records it as `summarise` says. */
  runPlain<T>(step: string, actor: string, invoke: () => T, summarise: (value: T) => CallSummary): T;
}

const NO_VALUES: Readonly<Record<string, string>> = Object.freeze({});

/** A fresh recorder over `system` (whose clock gives each call's simulated time). */
export function callRecorder(system: SeSphrSystem): CallRecorder {
  const calls: ProtocolCall[] = [];
  const push = (step: string, actor: string, ms: number, summary: CallSummary) => {
    const base = {
      step,
      actor,
      outcome: summary.outcome,
      ms,
      simulatedTime: system.now(),
      values: Object.freeze({ ...summary.values }),
    };
    calls.push(Object.freeze(summary.reason === undefined ? base : { ...base, reason: summary.reason }));
  };
  const runPlain = <T>(
    step: string,
    actor: string,
    invoke: () => T,
    summarise: (value: T) => CallSummary,
  ) => {
    const started = performance.now();
    const value = invoke();
    const ms = performance.now() - started;
    push(step, actor, ms, summarise(value));
    return value;
  };
  return {
    calls,
    runPlain,
    run: (step, actor, invoke, values) =>
      runPlain(step, actor, invoke, (outcome) =>
        outcome.kind === 'ok'
          ? { outcome: 'ok', values: values === undefined ? NO_VALUES : values(outcome.value) }
          : { outcome: 'denied', reason: outcome.reason, values: NO_VALUES },
      ),
  };
}
