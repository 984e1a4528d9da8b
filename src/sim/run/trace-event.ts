/**
 * One firing of a run, as the trace file, the stepper and the timeline chart read it: which
 * transition fired with which tokens, for whom, how it came out, when on the simulated clock, and
 * how long the protocol call behind it took on the wall clock.
 */
import type { DenialReason } from '../../protocol/index.ts';

/** A firing of the SeSPHR net during a run. */
export interface TraceEvent {
  /** Position of the firing in the run, from 0. */
  readonly index: number;
  /** The scenario step it belongs to (its `index`, from 0). */
  readonly step: number;
  /** The transition id, e.g. `D_R_S/bob` or `Encrypt_Pi`. */
  readonly transition: string;
  /** The binding, readable: each variable with its token (payloads by their digests). */
  readonly binding: string;
  /** Who acted: the principal or infrastructure actor of the protocol call behind the firing. */
  readonly actor: string;
  /**
   * `ok` for a firing that went through; a refusal gives the step's negative word (`denied`, or
   * `fails` for decrypt); the firing that decides a step gives the step's outcome (`granted`,
   * `detected`, `none`, …).
   */
  readonly outcome: string;
  readonly reason?: DenialReason;
  /** The protocol method the firing stands for; absent for the net's bookkeeping firings. */
  readonly call?: string;
  /** The simulated clock after the firing, unix seconds. */
  readonly simulatedTime: number;
  /** Measured milliseconds of the protocol call behind the firing; 0 for bookkeeping. */
  readonly ms: number;
}
