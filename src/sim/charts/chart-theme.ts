/**
 * The look every chart shares. Text uses a generic font family because the SVG is rendered
 * without a canvas: vega then estimates text widths from the font size alone, so naming a generic
 * family keeps the layout, and the file, identical on every machine whatever fonts it has.
 */
import type { Config } from 'vega-lite';

/** Passed as `config` to every spec this folder builds. */
export const CHART_CONFIG: Config = Object.freeze<Config>({
  font: 'sans-serif',
  background: 'white',
  padding: 8,
  title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start' },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 240 },
});

/** Plot area of a figure (paper figures and ours), in pixels. */
export const FIGURE_SIZE = Object.freeze({ width: 520, height: 320 });

/** Width of the timeline views and the height of one actor lane, in pixels. */
export const TIMELINE_SIZE = Object.freeze({ width: 640, laneStep: 26, simulatedHeightPerLane: 26 });

/** Width of a ratio chart and the height of one bar's band, in pixels. */
export const RATIO_SIZE = Object.freeze({ width: 480, barStep: 28 });

/**
 * Colours of a figure's series, in order of first appearance. Fixed rather than left to vega's
 * default scheme because two channels (a line's stroke, a point's fill) must agree on them.
 */
export const SERIES_PALETTE: readonly string[] = Object.freeze([
  '#4c78a8',
  '#f58518',
  '#54a24b',
  '#e45756',
  '#72b7b2',
  '#b279a2',
  '#eeca3b',
  '#9d755d',
  '#ff9da6',
  '#79706e',
]);
