import { describe, expect, it } from 'vitest';
import { formatRatio, type RatioRow, ratioBarSpec } from '../../../src/sim/charts/ratio-bar-spec.ts';
import { renderSvg } from '../../../src/sim/charts/render-svg.ts';
import { markCount, markGroups, svgTexts } from './svg-marks.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test reads into the spec's JSON freely.
const json = (spec: unknown): any => JSON.parse(JSON.stringify(spec));

const ROWS: readonly RatioRow[] = [
  { label: 'AES-256-GCM bulk vs openssl speed', ratio: 0.31 },
  { label: 're-encryption vs umbral-pre', ratio: 2.468 },
  { label: 'decryption vs umbral-pre', ratio: 1 },
];
const OPTIONS = { title: 'Ours against references', xLabel: 'throughput ours / reference' };

describe('formatRatio', () => {
  it('prints three significant digits after a times sign, without trailing zeros', () => {
    expect([0.31, 2.468, 1, 12345, 0.0001234].map(formatRatio)).toEqual([
      '×0.31',
      '×2.47',
      '×1',
      '×12300',
      '×0.000123',
    ]);
  });
});

describe('ratioBarSpec', () => {
  it('draws bars from parity (1) to each ratio on a log axis, in the order given', () => {
    const spec = json(ratioBarSpec(ROWS, OPTIONS));
    expect(spec.encoding.x).toMatchObject({ field: 'ratio', title: OPTIONS.xLabel, scale: { type: 'log' } });
    expect(spec.encoding.y.sort).toEqual(ROWS.map((r) => r.label));
    expect(spec.layer[0]).toMatchObject({ name: 'bars', encoding: { x2: { field: 'parity' } } });
    expect(spec.data.values.map((v: { parity: number }) => v.parity)).toEqual([1, 1, 1]);
  });

  it('refuses ratios a log axis cannot show and labels that would share a band', () => {
    expect(() => ratioBarSpec([{ label: 'a', ratio: 0 }], OPTIONS)).toThrow(
      'rows[0].ratio must be a finite number > 0, got 0',
    );
    expect(() => ratioBarSpec([{ label: 'a', ratio: Number.NaN }], OPTIONS)).toThrow('got NaN');
    expect(() =>
      ratioBarSpec(
        [
          { label: 'a', ratio: 1 },
          { label: 'a', ratio: 2 },
        ],
        OPTIONS,
      ),
    ).toThrow('rows[1].label "a" is repeated');
    expect(() => ratioBarSpec([{ label: '', ratio: 1 }], OPTIONS)).toThrow(
      'rows[0].label must be a non-empty string',
    );
  });

  it('renders one bar per row, each ratio printed beside its bar, the labels and the axis title', async () => {
    const svg = await renderSvg(ratioBarSpec(ROWS, OPTIONS));
    expect(markCount(svg, 'bars')).toBe(3);
    expect(markCount(svg, 'label_above')).toBe(2);
    expect(markCount(svg, 'label_below')).toBe(1);
    expect(markGroups(svg, 'parity').map((g) => g.length)).toEqual([1]);
    const texts = svgTexts(svg);
    for (const t of ['×0.31', '×2.47', '×1', OPTIONS.title, OPTIONS.xLabel, ...ROWS.map((r) => r.label)]) {
      expect(texts).toContain(t);
    }
  });
});
