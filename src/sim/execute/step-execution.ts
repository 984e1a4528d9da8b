/**
 * What executing one scenario step produced: the outcome word the step's `expect` is compared
 * with, the refusal reason behind a negative outcome, a sentence for people, and the protocol calls
 * made on the way.
 */
import type { DenialReason, Denied } from '../../protocol/index.ts';
import type { Outcome } from '../scenario/index.ts';
import type { ProtocolCall } from './protocol-call.ts';

/**
 * The result of one step. `outcome` is one of the op's outcome words (OPERATIONS[op].outcomes),
 * with one exception: an op none of whose words is a refusal (upload, grant, tick, audit, tamper,
 * …) reports `denied` when the protocol refuses it or its input is unusable, since none of its
 * words can say so.
 * `reason` is absent when a negative outcome has no protocol refusal behind it (an input the
 * executor refused before calling, a coalition that found no key).
 */
export interface StepExecution {
  readonly outcome: Outcome;
  readonly reason?: DenialReason;
  readonly detail: string;
  readonly calls: readonly ProtocolCall[];
}

/** A step that ended as `outcome` without a protocol refusal. */
export function executed(outcome: Outcome, detail: string, calls: readonly ProtocolCall[]): StepExecution {
  return Object.freeze({ outcome, detail, calls: Object.freeze([...calls]) });
}

/** A step the protocol refused: the op's negative word, with the refusal's reason and detail. */
export function refused(outcome: Outcome, denial: Denied, calls: readonly ProtocolCall[]): StepExecution {
  return Object.freeze({
    outcome,
    reason: denial.reason,
    detail: denial.detail,
    calls: Object.freeze([...calls]),
  });
}
