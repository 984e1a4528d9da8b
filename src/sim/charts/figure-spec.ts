/**
 * A timing figure as a vega-lite spec: every series as a line with points on the same axes, so
 * our medians sit beside the paper's; the paper's series dashed so published and measured never
 * blur; values read off a plot drawn hollow; the spread as error bars where it was measured.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, FIGURE_SIZE, SERIES_PALETTE } from './chart-theme.ts';
import { assertFigureSeries, type FigureSeries, isPaperSeries } from './figure-series.ts';
import { chooseScale } from './scale-choice.ts';

/** The vega-lite schema version the specs are written against (the installed major). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The subtitle line added when some points are estimates (`approximate`). */
export const HOLLOW_POINTS_NOTE = 'hollow points (≈): read off a plot';

const SOLID: number[] = [1, 0];
const DASHED: number[] = [6, 4];

/** The axis title of x: the label, and the unit when it adds something (`PHR size (KB)`). */
const xTitle = (s: FigureSeries): string => (s.xUnit === s.xLabel ? s.xLabel : `${s.xLabel} (${s.xUnit})`);

/**
 * Builds the spec of one figure. x turns logarithmic past two decades (users 10…10,000; sizes up
 * to 100 MiB), and so does y, so that our milliseconds and the paper's seconds both stay
 * readable. Series keep the order in which they first appear in `points`; one legend shows each
 * with its colour and dash. Throws on invalid data (see `assertFigureSeries`).
 */
export function figureSpec(series: FigureSeries): TopLevelSpec {
  assertFigureSeries(series);
  const names = [...new Set(series.points.map((p) => p.series))];
  const colours = names.map((_, i) => SERIES_PALETTE[i % SERIES_PALETTE.length]!);
  const rows = series.points.map((p) => ({
    x: p.x,
    series: p.series,
    median: p.median,
    low: p.low ?? null,
    high: p.high ?? null,
    approximate: p.approximate === true,
    value: p.approximate === true ? 'read off a plot (≈)' : isPaperSeries(p.series) ? 'printed' : 'measured',
  }));
  const hasSpread = series.points.some((p) => p.low !== undefined);
  const hasApproximate = series.points.some((p) => p.approximate === true);
  const subtitle = [
    ...(series.note === undefined ? [] : [series.note]),
    ...(hasApproximate ? [HOLLOW_POINTS_NOTE] : []),
  ];
  const yScale = {
    type: chooseScale(series.points.flatMap((p) => (p.low === undefined ? [p.median] : [p.low, p.median]))),
  };
  const yTitle = series.yLabel;
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: 'series',
    scale: { domain: names, range: colours },
    legend: { symbolType: 'stroke', symbolSize: 300, symbolStrokeWidth: 2 },
  };

  const tooltip = [
    { field: 'series', type: 'nominal' as const },
    { field: 'x', type: 'quantitative' as const, title: xTitle(series) },
    { field: 'median', type: 'quantitative' as const, title: 'median (s)', format: '.4~g' },
    ...(hasSpread
      ? [
          { field: 'low', type: 'quantitative' as const, title: 'low (s)', format: '.4~g' },
          { field: 'high', type: 'quantitative' as const, title: 'high (s)', format: '.4~g' },
        ]
      : []),
    { field: 'value', type: 'nominal' as const },
  ];
  // Two point layers rather than a conditional fill: both stay on the one `color` scale, so the
  // legend stays single; printed values are solid, values read off a plot hollow.
  const pointLayer = (name: string, approximate: boolean) => ({
    name,
    transform: [{ filter: approximate ? 'datum.approximate' : '!datum.approximate' }],
    mark: approximate
      ? { type: 'point' as const, filled: false, fill: 'white', fillOpacity: 1, size: 45, strokeWidth: 1.5 }
      : { type: 'point' as const, filled: true, size: 45 },
    encoding: {
      y: { field: 'median', type: 'quantitative' as const, title: yTitle, scale: yScale },
      color: colour,
      tooltip,
    },
  });

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle.length === 0 ? series.title : { text: series.title, subtitle },
    width: FIGURE_SIZE.width,
    height: FIGURE_SIZE.height,
    config: CHART_CONFIG,
    data: { values: rows },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: xTitle(series),
        scale: { type: chooseScale(series.points.map((p) => p.x)) },
      },
    },
    layer: [
      ...(hasSpread
        ? [
            {
              name: 'spread',
              transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
              mark: { type: 'errorbar' as const, ticks: true },
              encoding: {
                y: { field: 'low', type: 'quantitative' as const, title: yTitle, scale: yScale },
                y2: { field: 'high' },
                color: colour,
              },
            },
          ]
        : []),
      {
        name: 'lines',
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'median', type: 'quantitative', title: yTitle, scale: yScale },
          color: colour,
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: 'series',
            scale: { domain: names, range: names.map((n) => (isPaperSeries(n) ? DASHED : SOLID)) },
          },
        },
      },
      pointLayer('points', false),
      pointLayer('read', true),
    ],
  };
}
