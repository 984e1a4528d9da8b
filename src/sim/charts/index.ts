/**
 * The charts' public surface: chart data types, the paper's published values, pure vega-lite
 * spec builders, in-memory SVG rendering and the one function that writes files.
 */

export type { FigureId, FigurePoint, FigureSeries, PaperFigureId } from './figure-series.ts';
export { assertFigureSeries, isPaperSeries } from './figure-series.ts';
export { figureSpec, HOLLOW_POINTS_NOTE, VEGA_LITE_SCHEMA } from './figure-spec.ts';
export type { OutcomeColours, OutcomeTone } from './outcome-tone.ts';
export { outcomeColours, outcomeTone } from './outcome-tone.ts';
export { PAPER_FIGURES, PAPER_VALUES_NOTE } from './paper-figures.ts';
export type { RatioOptions, RatioRow } from './ratio-bar-spec.ts';
export { formatRatio, ratioBarSpec } from './ratio-bar-spec.ts';
export { renderSvg } from './render-svg.ts';
export { chooseScale, MAX_LINEAR_DECADES } from './scale-choice.ts';
export type { TimelineFiring } from './timeline-firing.ts';
export { assertTimelineFirings } from './timeline-firing.ts';
export type { TimelineOptions } from './timeline-spec.ts';
export { timelineSpec } from './timeline-spec.ts';
export type { WrittenChart } from './write-chart.ts';
export { writeChart } from './write-chart.ts';
