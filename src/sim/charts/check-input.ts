/**
 * Asserting helpers for chart data at the boundary. Chart data comes from benchmarks and runs in
 * other modules; a NaN or an empty name would still draw, just wrongly, so each helper returns
 * the checked value or throws naming the argument and what it received.
 */

/** A received value as an error message shows it (`NaN` stays `NaN`, unlike in JSON). */
export const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));

/** `v` if it is a non-empty string; a TypeError naming `what` otherwise. */
export function requireText(what: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) {
    throw new TypeError(`${what} must be a non-empty string, got ${shown(v)}`);
  }
  return v;
}

/** `v` if it is a finite number at least `min`; a RangeError naming `what` otherwise. */
export function requireNumber(what: string, v: unknown, min = Number.NEGATIVE_INFINITY): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    const bound = min === Number.NEGATIVE_INFINITY ? '' : ` >= ${min}`;
    throw new RangeError(`${what} must be a finite number${bound}, got ${shown(v)}`);
  }
  return v;
}
