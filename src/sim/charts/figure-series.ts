/**
 * What a timing figure charts: one variable on x (users, PHR size) against seconds on y, for
 * several named series drawn on the same axes. The paper's values and ours share this one shape
 * so the figure builder never needs to know where a number came from, only its series name.
 */

/** The four figures of the paper's evaluation (SPEC section 7); other figures use free names. */
export type PaperFigureId = 'fig3-keygen' | 'fig4-encrypt' | 'fig5-decrypt' | 'fig6-turnaround';

/**
 * A figure's id. The paper's ids are listed for completion; `string & {}` keeps the union open
 * (benchmarks add figures of their own, e.g. sizes up to 100 MiB) without erasing the hint.
 */
export type FigureId = PaperFigureId | (string & {});

/**
 * One measured (or published) value: the median of several runs, with an optional spread.
 * `low` and `high` come together or not at all, and bracket the median.
 */
export interface FigurePoint {
  /** The x variable in the figure's `xUnit` (users, or KB where 1 KB = 1024 bytes). */
  readonly x: number;
  /**
   * The series the point belongs to, e.g. `paper`, `ours`, `ours T_up`, `paper T_down`. A name
   * that starts with `paper` is drawn dashed: the reader must tell published from measured.
   */
  readonly series: string;
  /** Median time in seconds. */
  readonly median: number;
  /** Lower end of the spread in seconds (e.g. the minimum or the 10th percentile). */
  readonly low?: number;
  /** Upper end of the spread in seconds. */
  readonly high?: number;
  /** True where the value was read off a plot rather than printed as a number (the paper's ≈). */
  readonly approximate?: boolean;
}

/** A reproduction of one figure: labels, units and every series' points. */
export interface FigureSeries {
  readonly figure: FigureId;
  readonly title: string;
  /** What x measures, e.g. `users` or `PHR size`. */
  readonly xLabel: string;
  /** Unit of x, shown in the axis title, e.g. `users` or `KB`. */
  readonly xUnit: string;
  /** Title of the y axis; the values are always seconds, so it should say so. */
  readonly yLabel: string;
  /** A line under the title, e.g. where the paper's values come from. */
  readonly note?: string;
  readonly points: readonly FigurePoint[];
}

import { requireNumber, requireText } from './check-input.ts';

/** True for series that carry published (not measured) values; they are drawn dashed. */
export const isPaperSeries = (series: string): boolean => series.startsWith('paper');

/**
 * Checks a figure at the boundary, before it becomes a chart: a NaN or a spread that does not
 * bracket its median would draw a plausible but wrong picture, so it is refused here with the
 * offending point named. Returns the same value.
 */
export function assertFigureSeries(series: FigureSeries): FigureSeries {
  requireText('figure', series.figure);
  requireText(`${series.figure}: title`, series.title);
  requireText(`${series.figure}: xLabel`, series.xLabel);
  requireText(`${series.figure}: xUnit`, series.xUnit);
  requireText(`${series.figure}: yLabel`, series.yLabel);
  if (series.points.length === 0) throw new RangeError(`${series.figure}: points must not be empty`);
  series.points.forEach((p, i) => {
    const at = `${series.figure}: points[${i}]`;
    requireText(`${at}.series`, p.series);
    requireNumber(`${at}.x`, p.x);
    const median = requireNumber(`${at}.median`, p.median, 0);
    if ((p.low === undefined) !== (p.high === undefined)) {
      throw new RangeError(`${at}: low and high come together or not at all`);
    }
    if (p.low !== undefined && p.high !== undefined) {
      const low = requireNumber(`${at}.low`, p.low, 0);
      const high = requireNumber(`${at}.high`, p.high, 0);
      if (!(low <= median && median <= high)) {
        throw new RangeError(`${at}: need low <= median <= high, got ${low}, ${median}, ${high}`);
      }
    }
  });
  return series;
}
