/**
 * The paper's published timings (Ali et al., IEEE TCC 2018, Figs. 3–6; SPEC section 7), written
 * down once as data so every chart and table that puts them beside ours quotes the same numbers.
 * The paper measured Java with jPBC (Type A, 512-bit) on an Intel i7-2600 against Amazon S3.
 */
import type { FigurePoint, FigureSeries, PaperFigureId } from './figure-series.ts';

/** Said under every paper figure: which values are exact and which are estimates. */
export const PAPER_VALUES_NOTE =
  "paper: Ali et al., IEEE TCC 2018; values marked ≈ are read off the paper's plots";

const point = (series: string, x: number, median: number, approximate: boolean): FigurePoint =>
  Object.freeze({ x, series, median, approximate });

const figure = (
  id: PaperFigureId,
  title: string,
  xLabel: string,
  xUnit: string,
  points: readonly FigurePoint[],
): FigureSeries =>
  Object.freeze({
    figure: id,
    title,
    xLabel,
    xUnit,
    yLabel: 'time (s)',
    note: PAPER_VALUES_NOTE,
    points: Object.freeze([...points]),
  });

/**
 * The paper's Figures 3–6, each as a `FigureSeries` whose series names start with `paper` (so
 * they are drawn dashed). Sizes are in KB of 1024 bytes. Fig. 6 gives only the ends of each
 * curve (T_up ≈1.25–2.5 s, T_down ≈0.08–0.4 s from 50 KB to 2048 KB), so it has two points per
 * series. A benchmark reproduces a figure by appending its own points to these.
 */
export const PAPER_FIGURES: Readonly<Record<PaperFigureId, FigureSeries>> = Object.freeze({
  'fig3-keygen': figure('fig3-keygen', 'Key generation (Fig. 3)', 'users', 'users', [
    point('paper', 10, 0.6, false),
    point('paper', 100, 0.97, false),
    point('paper', 500, 1.13, true),
    point('paper', 1000, 1.35, true),
    point('paper', 5000, 1.7, true),
    point('paper', 10000, 2.16, false),
  ]),
  'fig4-encrypt': figure('fig4-encrypt', 'Encryption (Fig. 4)', 'PHR size', 'KB', [
    point('paper', 50, 0.13, false),
    point('paper', 1024, 0.69, true),
    point('paper', 2048, 1.289, false),
  ]),
  'fig5-decrypt': figure('fig5-decrypt', 'Decryption (Fig. 5)', 'PHR size', 'KB', [
    point('paper', 50, 0.03, true),
    point('paper', 1024, 0.16, true),
    point('paper', 2048, 0.245, true),
  ]),
  'fig6-turnaround': figure('fig6-turnaround', 'Turnaround: T_up and T_down (Fig. 6)', 'PHR size', 'KB', [
    point('paper T_up', 50, 1.25, true),
    point('paper T_up', 2048, 2.5, true),
    point('paper T_down', 50, 0.08, true),
    point('paper T_down', 2048, 0.4, true),
  ]),
});
