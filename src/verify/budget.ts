/**
 * A wall-clock budget shared by all the solver calls of one engine run, so that `timeoutMs` bounds
 * the whole run (every depth, every k) and not each call separately.
 */

/** Time left and time spent for one engine run. */
export interface Budget {
  /** Milliseconds left, never negative; 0 means the run must stop with a timeout. */
  remainingMs(): number;
  /** Seconds since the run started, for the verdict. */
  elapsedSeconds(): number;
}

/** Starts a budget of `timeoutMs` now. */
export function startBudget(timeoutMs: number): Budget {
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  const start = performance.now();
  return {
    remainingMs: () => Math.max(0, timeoutMs - (performance.now() - start)),
    elapsedSeconds: () => Math.round(performance.now() - start) / 1000,
  };
}
