/**
 * A comparison against a reference run in the same process, stated both ways round so that
 * neither reading needs mental arithmetic: `oursOverTheirs` 3 means ours takes three times as
 * long, `theirsOverOurs` 0.33 the same seen from the reference. Both are quotients of times (or
 * of times per byte), so below 1 is always "ours is faster" in the first.
 */
import { roundTo } from './timing-stat.ts';

/** Ours against a reference, as quotients of times. */
export interface TimeRatio {
  /** Our time divided by theirs: above 1, ours is slower. */
  readonly oursOverTheirs: number;
  /** Their time divided by ours: above 1, theirs is slower. */
  readonly theirsOverOurs: number;
}

/** The ratio of two positive times (any one unit). Throws unless both are finite and positive. */
export function timeRatio(ours: number, theirs: number): TimeRatio {
  for (const [what, v] of [
    ['ours', ours],
    ['theirs', theirs],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`timeRatio: ${what} must be > 0, got ${v}`);
  }
  return Object.freeze({ oursOverTheirs: roundTo(ours / theirs), theirsOverOurs: roundTo(theirs / ours) });
}
