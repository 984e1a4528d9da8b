/**
 * One firing of a scenario run as the timeline chart sees it: who did what, when on the simulated
 * clock, and how long it took on the wall clock. Two clocks because they answer two questions:
 * the simulated one orders the protocol (who waited on whom), the measured one shows the cost.
 */

import { requireNumber, requireText, shown } from './check-input.ts';

export interface TimelineFiring {
  /** Position of the firing in the run, from 0; orders firings that share a simulated instant. */
  readonly index: number;
  /** The transition fired, e.g. `D_R_S` or `Decrypt_C`. */
  readonly transition: string;
  /** The actor that fired it; one chart lane per actor. */
  readonly actor: string;
  /** The simulated clock at the firing, in unix seconds. */
  readonly simulatedTime: number;
  /** Measured start, in milliseconds since the run started. */
  readonly startMs: number;
  /** Measured duration in milliseconds. */
  readonly durationMs: number;
  /** What came of it, e.g. `ok`, `granted`, `denied`, `fails`, `detected` (see `outcomeTone`). */
  readonly outcome: string;
}

/**
 * Checks firings at the boundary: a negative duration or a simulated time outside what a `Date`
 * can show would draw a bar where nothing happened. Returns the same value.
 */
export function assertTimelineFirings(firings: readonly TimelineFiring[]): readonly TimelineFiring[] {
  firings.forEach((f, i) => {
    const at = `firings[${i}]`;
    if (!Number.isSafeInteger(f.index) || f.index < 0) {
      throw new RangeError(`${at}.index must be an integer >= 0, got ${shown(f.index)}`);
    }
    requireText(`${at}.transition`, f.transition);
    requireText(`${at}.actor`, f.actor);
    requireText(`${at}.outcome`, f.outcome);
    requireNumber(`${at}.startMs`, f.startMs, 0);
    requireNumber(`${at}.durationMs`, f.durationMs, 0);
    const t = requireNumber(`${at}.simulatedTime`, f.simulatedTime, 0);
    if (Number.isNaN(new Date(t * 1000).getTime())) {
      throw new RangeError(`${at}.simulatedTime is outside the range of dates, got ${t}`);
    }
  });
  return firings;
}
