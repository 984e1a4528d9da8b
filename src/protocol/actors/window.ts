/**
 * A file's access window (SPEC 3.2, time server): the SRS hands out R only while the signed time is
 * within [start, end], both ends included.
 * @module
 */

/** An inclusive interval of unix seconds. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** Whether `t` lies within the window, ends included. */
export function inWindow(window: TimeWindow, t: number): boolean {
  return window.start <= t && t <= window.end;
}
