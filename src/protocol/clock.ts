/**
 * The simulated clock. Time is a value the system owns, never `Date.now()`, so every run replays
 * exactly from its seed and a scenario can jump a day ahead in no time.
 * @module
 */

/** 2026-01-01T00:00:00Z, where every run starts unless told otherwise (unix seconds). */
export const DEFAULT_START = Date.UTC(2026, 0, 1) / 1000;

/** Reads of the simulated time; what actors get, so only the system moves the clock. */
export interface ClockReader {
  /** The current simulated time, in whole unix seconds. */
  now(): number;
}

/** A simulated clock in whole unix seconds that only moves forward. */
export class SimClock implements ClockReader {
  #now: number;

  constructor(start: number = DEFAULT_START) {
    this.#now = assertInstant(start, 'start');
  }

  now(): number {
    return this.#now;
  }

  /**
   * Moves the clock `seconds` forward and returns the new time. Time never runs backwards: windows,
   * certificate validity and OTP steps would otherwise be replayable.
   */
  advance(seconds: number): number {
    if (!Number.isSafeInteger(seconds) || seconds < 0) {
      throw new RangeError(`clock: expected a non-negative whole number of seconds, got ${seconds}`);
    }
    this.#now += seconds;
    return this.#now;
  }
}

/** Checks that `t` is a whole, non-negative unix time and returns it; `name` says which argument. */
export function assertInstant(t: number, name: string): number {
  if (!Number.isSafeInteger(t) || t < 0) {
    throw new RangeError(`${name}: expected whole unix seconds >= 0, got ${t}`);
  }
  return t;
}
