/**
 * Comparisons against a reference run in the same process (our AES-GCM against `openssl speed`,
 * our re-encryption and decryption against umbral-pre) as a vega-lite spec: one bar per row,
 * drawn from parity (ratio 1) to the ratio on a log axis, so being twice as slow and twice as
 * fast sit equally far from the parity line, on opposite sides.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, RATIO_SIZE } from './chart-theme.ts';
import { requireText, shown } from './check-input.ts';
import { VEGA_LITE_SCHEMA } from './figure-spec.ts';

/** One comparison: what was compared and the ratio of ours to the reference. */
export interface RatioRow {
  /** e.g. `AES-256-GCM 16 KiB blocks vs openssl speed`. */
  readonly label: string;
  /** ours / reference, in whatever sense the chart's `xLabel` states; must be > 0. */
  readonly ratio: number;
}

/** What a ratio chart says about itself. */
export interface RatioOptions {
  readonly title: string;
  /** What the ratio means, e.g. `time ours / time umbral-pre (lower is faster)`. */
  readonly xLabel: string;
  readonly subtitle?: string;
}

/** The ratio as printed beside its bar: three significant digits and a times sign. */
export const formatRatio = (ratio: number): string => `×${Number(ratio.toPrecision(3))}`;

function assertRows(rows: readonly RatioRow[]): void {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    requireText(`rows[${i}].label`, r.label);
    if (seen.has(r.label)) throw new RangeError(`rows[${i}].label ${JSON.stringify(r.label)} is repeated`);
    seen.add(r.label);
    if (typeof r.ratio !== 'number' || !Number.isFinite(r.ratio) || r.ratio <= 0) {
      throw new RangeError(`rows[${i}].ratio must be a finite number > 0, got ${shown(r.ratio)}`);
    }
  });
}

/**
 * Builds the ratio chart: bars in the order given, each labelled with its ratio, and a dashed
 * rule at parity. Labels must be distinct (each is a band of the y axis); ratios positive
 * (a log axis). Throws otherwise.
 */
export function ratioBarSpec(rows: readonly RatioRow[], options: RatioOptions): TopLevelSpec {
  assertRows(rows);
  const labels = rows.map((r) => r.label);
  const values = rows.map((r) => ({
    label: r.label,
    ratio: r.ratio,
    parity: 1,
    text: formatRatio(r.ratio),
    above: r.ratio >= 1,
  }));
  const y = {
    field: 'label',
    type: 'nominal' as const,
    title: null,
    sort: labels,
    scale: { domain: labels },
    axis: { labelLimit: 360 },
  };
  // Labels sit past the bar's end: to the right of ratios above parity, to the left below it.
  const label = (above: boolean) => ({
    name: above ? 'label_above' : 'label_below',
    transform: [{ filter: above ? 'datum.above' : '!datum.above' }],
    mark: {
      type: 'text' as const,
      align: above ? ('left' as const) : ('right' as const),
      dx: above ? 4 : -4,
      fontSize: 11,
    },
    encoding: { text: { field: 'text', type: 'nominal' as const } },
  });

  return {
    $schema: VEGA_LITE_SCHEMA,
    title:
      options.subtitle === undefined ? options.title : { text: options.title, subtitle: options.subtitle },
    width: RATIO_SIZE.width,
    height: { step: RATIO_SIZE.barStep },
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      x: {
        field: 'ratio',
        type: 'quantitative',
        title: options.xLabel,
        scale: { type: 'log', nice: true },
      },
      y,
    },
    layer: [
      {
        name: 'bars',
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          x2: { field: 'parity' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'comparison' },
            { field: 'ratio', type: 'quantitative', format: '.4~g' },
          ],
        },
      },
      label(true),
      label(false),
      {
        // Its own one-row data at ratio 1, so it is drawn once and passes the log axis' filter.
        name: 'parity',
        data: { values: [{ ratio: 1 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
        encoding: { y: { value: 0 }, y2: { value: 'height' } },
      },
    ],
  };
}
