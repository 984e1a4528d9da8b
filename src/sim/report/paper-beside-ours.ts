/**
 * A figure's numbers as a table, the paper's value beside ours at each x, so a reader can quote
 * them without reading values off a chart. Series pair by name: `paper` with `ours`, `paper T_up`
 * with `ours T_up`; an x only one side has leaves the other side empty (the paper stopped at
 * 2048 KB, we go on to 100 MiB).
 */
import { type FigureSeries, isPaperSeries } from '../charts/index.ts';

/** A published value. */
export interface PaperValue {
  readonly seconds: number;
  /** Read off the paper's plot rather than printed (≈). */
  readonly approximate: boolean;
}

/** A measured value: the median and the fastest and slowest run, when recorded. */
export interface OurValue {
  readonly seconds: number;
  readonly low?: number;
  readonly high?: number;
}

/** One line of the table. */
export interface PaperOursRow {
  /** The quantity both series measure: `` for a single pair, `T_up`, `T_down` … otherwise. */
  readonly quantity: string;
  readonly x: number;
  readonly paper?: PaperValue;
  readonly ours?: OurValue;
}

const quantityOf = (series: string): string => series.replace(/^(paper|ours)\s*/, '');

/** The rows of `figure`, grouped by quantity in order of first appearance, then by x. */
export function paperBesideOurs(figure: FigureSeries): readonly PaperOursRow[] {
  const quantities: string[] = [];
  const cells = new Map<string, { quantity: string; x: number; paper?: PaperValue; ours?: OurValue }>();
  for (const p of figure.points) {
    const quantity = quantityOf(p.series);
    if (!quantities.includes(quantity)) quantities.push(quantity);
    const key = `${quantity}\u0000${p.x}`;
    const cell = cells.get(key) ?? { quantity, x: p.x };
    if (isPaperSeries(p.series)) cell.paper = { seconds: p.median, approximate: p.approximate === true };
    else
      cell.ours = {
        seconds: p.median,
        ...(p.low === undefined ? {} : { low: p.low }),
        ...(p.high === undefined ? {} : { high: p.high }),
      };
    cells.set(key, cell);
  }
  return Object.freeze(
    [...cells.values()]
      .sort((a, b) => quantities.indexOf(a.quantity) - quantities.indexOf(b.quantity) || a.x - b.x)
      .map((c) => Object.freeze(c)),
  );
}

/** The row with both values at the largest x of each quantity: the figure's headline. */
export function headlineRows(figure: FigureSeries): readonly PaperOursRow[] {
  const both = paperBesideOurs(figure).filter((r) => r.paper !== undefined && r.ours !== undefined);
  const last = new Map<string, PaperOursRow>();
  for (const r of both) last.set(r.quantity, r);
  return Object.freeze([...last.values()]);
}
