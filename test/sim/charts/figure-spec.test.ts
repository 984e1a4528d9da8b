import { describe, expect, it } from 'vitest';
import type { FigureSeries } from '../../../src/sim/charts/figure-series.ts';
import { figureSpec, HOLLOW_POINTS_NOTE } from '../../../src/sim/charts/figure-spec.ts';
import { PAPER_FIGURES, PAPER_VALUES_NOTE } from '../../../src/sim/charts/paper-figures.ts';
import { renderSvg } from '../../../src/sim/charts/render-svg.ts';
import { FIG3_WITH_OURS } from './fixtures.ts';
import { attributeOf, markCount, markGroups, svgTexts } from './svg-marks.ts';

/** The spec as plain JSON, to read its nested parts without vega-lite's union types. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads into the spec's JSON freely.
const json = (spec: unknown): any => JSON.parse(JSON.stringify(spec));
// biome-ignore lint/suspicious/noExplicitAny: see above.
const layer = (spec: unknown, name: string): any =>
  json(spec).layer.find((l: { name: string }) => l.name === name);

const sizes = (series: string, xs: readonly number[], scale = 0.001): FigureSeries['points'] =>
  xs.map((x) => ({ x, series, median: x * scale }));

describe('figureSpec: scales', () => {
  it('puts the users sweep 10…10,000 on a log x axis and the paper sizes 50…2048 KB on a linear one', () => {
    expect(json(figureSpec(PAPER_FIGURES['fig3-keygen'])).encoding.x.scale.type).toBe('log');
    expect(json(figureSpec(PAPER_FIGURES['fig4-encrypt'])).encoding.x.scale.type).toBe('linear');
  });

  it('turns x logarithmic when our sizes go up to 100 MiB', () => {
    const fig: FigureSeries = {
      ...PAPER_FIGURES['fig4-encrypt'],
      points: [...PAPER_FIGURES['fig4-encrypt'].points, ...sizes('ours', [50, 1024, 2048, 10_240, 102_400])],
    };
    expect(json(figureSpec(fig)).encoding.x.scale.type).toBe('log');
  });

  it('turns y logarithmic when our milliseconds sit beside the paper’s seconds, on every layer alike', () => {
    const spec = figureSpec(FIG3_WITH_OURS);
    for (const name of ['spread', 'lines', 'points', 'read']) {
      expect(layer(spec, name).encoding.y.scale.type).toBe('log');
    }
    expect(layer(figureSpec(PAPER_FIGURES['fig5-decrypt']), 'lines').encoding.y.scale.type).toBe('linear');
  });

  it('titles x with label and unit, y with the figure’s seconds label', () => {
    const spec = json(figureSpec(PAPER_FIGURES['fig6-turnaround']));
    expect(spec.encoding.x.title).toBe('PHR size (KB)');
    expect(json(figureSpec(PAPER_FIGURES['fig3-keygen'])).encoding.x.title).toBe('users');
    expect(layer(spec, 'lines').encoding.y.title).toBe('time (s)');
  });
});

describe('figureSpec: series', () => {
  it('dashes the paper’s series and draws ours solid, in order of first appearance', () => {
    const dash = layer(figureSpec(FIG3_WITH_OURS), 'lines').encoding.strokeDash.scale;
    expect(dash).toEqual({
      domain: ['paper', 'ours'],
      range: [
        [6, 4],
        [1, 0],
      ],
    });
    const six: FigureSeries = {
      ...PAPER_FIGURES['fig6-turnaround'],
      points: [...sizes('ours T_up', [50, 2048]), ...PAPER_FIGURES['fig6-turnaround'].points],
    };
    expect(layer(figureSpec(six), 'lines').encoding.strokeDash.scale).toEqual({
      domain: ['ours T_up', 'paper T_up', 'paper T_down'],
      range: [
        [1, 0],
        [6, 4],
        [6, 4],
      ],
    });
  });

  it('tells printed, read-off and measured values apart in each point’s data (shown as tooltip)', () => {
    const rows = json(figureSpec(FIG3_WITH_OURS)).data.values.map((r: { value: string }) => r.value);
    expect(rows).toEqual([
      ...[
        'printed',
        'printed',
        'read off a plot (≈)',
        'read off a plot (≈)',
        'read off a plot (≈)',
        'printed',
      ],
      ...Array(6).fill('measured'),
    ]);
  });

  it('adds the error-bar layer only when some point has a spread', () => {
    expect(layer(figureSpec(FIG3_WITH_OURS), 'spread').mark.type).toBe('errorbar');
    expect(layer(figureSpec(PAPER_FIGURES['fig3-keygen']), 'spread')).toBeUndefined();
  });

  it('puts the figure’s note and the hollow-point key under the title', () => {
    expect(json(figureSpec(PAPER_FIGURES['fig5-decrypt'])).title).toEqual({
      text: 'Decryption (Fig. 5)',
      subtitle: [PAPER_VALUES_NOTE, HOLLOW_POINTS_NOTE],
    });
    const { note: _note, ...withoutNote } = PAPER_FIGURES['fig5-decrypt'];
    expect(json(figureSpec({ ...withoutNote, points: sizes('ours', [50]) })).title).toBe(
      'Decryption (Fig. 5)',
    );
  });

  it('refuses invalid data instead of drawing it', () => {
    expect(() => figureSpec({ ...PAPER_FIGURES['fig4-encrypt'], points: [] })).toThrow(
      'points must not be empty',
    );
  });
});

describe('figureSpec rendered to SVG', () => {
  it('draws one line per series, one point per value (hollow where read off a plot) and one error bar per spread', async () => {
    const svg = await renderSvg(figureSpec(FIG3_WITH_OURS));
    const lines = markGroups(svg, 'lines');
    expect(lines.map((items) => items.length)).toEqual([1, 1]);
    expect(attributeOf(lines.flat(), 'stroke-dasharray')).toEqual(['6,4', '1,0']);
    // Paper: 10, 100 and 10,000 users printed, 500, 1000 and 5000 read off; ours: 6 measured.
    expect(markCount(svg, 'points')).toBe(3 + 6);
    expect(markCount(svg, 'read')).toBe(3);
    expect(new Set(attributeOf(markGroups(svg, 'read').flat(), 'fill'))).toEqual(new Set(['white']));
    expect(markCount(svg, 'spread_layer_2')).toBe(6);
  });

  it('shows the title, the note, both axis titles and every series name in the legend', async () => {
    const texts = svgTexts(await renderSvg(figureSpec(FIG3_WITH_OURS)));
    expect(texts).toContain('Key generation (Fig. 3)');
    expect(texts).toContain(`${PAPER_VALUES_NOTE} ${HOLLOW_POINTS_NOTE}`);
    expect(texts).toContain('users');
    expect(texts).toContain('time (s)');
    expect(texts).toContain('series');
    expect(texts).toContain('paper');
    expect(texts).toContain('ours');
  });

  it('draws the two curves of Fig. 6 with the paper’s ends as hollow points', async () => {
    const svg = await renderSvg(figureSpec(PAPER_FIGURES['fig6-turnaround']));
    expect(markGroups(svg, 'lines')).toHaveLength(2);
    expect(markCount(svg, 'read')).toBe(4);
    expect(markCount(svg, 'points')).toBe(0);
    const texts = svgTexts(svg);
    expect(texts).toContain('paper T_up');
    expect(texts).toContain('paper T_down');
    expect(texts).toContain('PHR size (KB)');
  });
});
