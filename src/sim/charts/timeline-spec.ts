/**
 * The timeline of one scenario run as a vega-lite spec, in two views stacked on one lane per
 * actor. Above, measured wall-clock time: one bar per firing from its start to its end, so the
 * cost of each step shows. Below, the simulated clock: one point per firing joined in firing
 * order, so the line stepping from lane to lane shows who handed over to whom and who waited.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, TIMELINE_SIZE } from './chart-theme.ts';
import { VEGA_LITE_SCHEMA } from './figure-spec.ts';
import { outcomeColours } from './outcome-tone.ts';
import { assertTimelineFirings, type TimelineFiring } from './timeline-firing.ts';

const DAY_S = 86_400;

const simulatedSpan = (firings: readonly TimelineFiring[]): number =>
  firings.length === 0
    ? 0
    : Math.max(...firings.map((f) => f.simulatedTime)) - Math.min(...firings.map((f) => f.simulatedTime));

/** Time of day within a day's run (24-hour, unambiguous); date and time beyond that. */
const simulatedFormat = (firings: readonly TimelineFiring[]): string =>
  simulatedSpan(firings) <= DAY_S ? '%H:%M:%S' : '%Y-%m-%d %H:%M';

/** The axis title names the run's first simulated instant, so a time-of-day axis keeps its date. */
const simulatedTitle = (firings: readonly TimelineFiring[]): string => {
  const first = firings[0];
  return first === undefined
    ? 'simulated time (UTC)'
    : `simulated time (UTC; run starts ${new Date(first.simulatedTime * 1000).toISOString()})`;
};

/** What a timeline chart says about itself. */
export interface TimelineOptions {
  /** Usually the scenario's name. */
  readonly title: string;
  /** A line under the title, e.g. the scenario file and its verdict. */
  readonly subtitle?: string;
}

/**
 * Builds the timeline spec. Lanes follow the order in which actors first fire, so the chart
 * reads top-down the way the run unfolded; colours follow `outcomeColours`. Firings are drawn in
 * `index` order whatever order they are passed in. Throws on invalid firings
 * (see `assertTimelineFirings`).
 */
export function timelineSpec(firings: readonly TimelineFiring[], options: TimelineOptions): TopLevelSpec {
  assertTimelineFirings(firings);
  const ordered = [...firings].sort((a, b) => a.index - b.index);
  const actors = [...new Set(ordered.map((f) => f.actor))];
  const colours = outcomeColours(ordered.map((f) => f.outcome));
  const rows = ordered.map((f) => ({
    index: f.index,
    transition: f.transition,
    actor: f.actor,
    outcome: f.outcome,
    startMs: f.startMs,
    endMs: f.startMs + f.durationMs,
    durationMs: f.durationMs,
    simulatedMs: f.simulatedTime * 1000,
    simulatedIso: new Date(f.simulatedTime * 1000).toISOString(),
  }));
  const lane = {
    field: 'actor',
    type: 'nominal' as const,
    title: 'actor',
    scale: { domain: actors },
    sort: actors,
  };
  const outcome = {
    field: 'outcome',
    type: 'nominal' as const,
    title: 'outcome',
    scale: { domain: [...colours.domain], range: [...colours.range] },
  };
  const tooltip = [
    { field: 'index', type: 'quantitative' as const, title: '#' },
    { field: 'transition', type: 'nominal' as const },
    { field: 'actor', type: 'nominal' as const },
    { field: 'outcome', type: 'nominal' as const },
    { field: 'simulatedIso', type: 'nominal' as const, title: 'simulated time' },
    { field: 'durationMs', type: 'quantitative' as const, title: 'duration (ms)', format: '.3~f' },
  ];

  return {
    $schema: VEGA_LITE_SCHEMA,
    title:
      options.subtitle === undefined ? options.title : { text: options.title, subtitle: options.subtitle },
    config: CHART_CONFIG,
    data: { values: rows },
    resolve: { scale: { color: 'shared' } },
    vconcat: [
      {
        name: 'measured',
        title: { text: 'measured: one bar per firing', fontSize: 12 },
        width: TIMELINE_SIZE.width,
        height: { step: TIMELINE_SIZE.laneStep },
        encoding: {
          x: {
            field: 'startMs',
            type: 'quantitative',
            title: 'measured wall-clock time since run start (ms)',
          },
          y: lane,
          color: outcome,
          tooltip,
        },
        layer: [
          {
            // Back-to-back firings of one actor abut: a white edge keeps them apart.
            name: 'bars',
            mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
            encoding: { x2: { field: 'endMs' } },
          },
          {
            // A firing of a few microseconds is narrower than a pixel: its start tick shows it.
            name: 'starts',
            mark: { type: 'tick', thickness: 2, bandSize: TIMELINE_SIZE.laneStep * 0.9 },
          },
        ],
      },
      {
        name: 'simulated',
        title: { text: 'simulated clock: firings in order, lane to lane', fontSize: 12 },
        width: TIMELINE_SIZE.width,
        height: Math.max(1, actors.length) * TIMELINE_SIZE.simulatedHeightPerLane,
        encoding: {
          x: {
            field: 'simulatedMs',
            type: 'temporal',
            title: simulatedTitle(ordered),
            // UTC so the labels do not depend on the machine's time zone.
            scale: { type: 'utc', nice: true },
            axis: { tickCount: 8, format: simulatedFormat(ordered) },
          },
          y: lane,
        },
        layer: [
          {
            // step-after: the line stays in a lane until the next firing, i.e. while that actor
            // holds the baton and the next one waits on it.
            name: 'handover',
            mark: { type: 'line', color: '#9e9e9e', strokeWidth: 1, interpolate: 'step-after' },
            encoding: { order: { field: 'index', type: 'quantitative' } },
          },
          {
            name: 'firing',
            mark: { type: 'point', filled: true, size: 60 },
            encoding: { color: outcome, tooltip },
          },
        ],
      },
    ],
  };
}
