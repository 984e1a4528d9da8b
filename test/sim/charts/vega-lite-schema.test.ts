import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FigureSeries } from '../../../src/sim/charts/figure-series.ts';
import { figureSpec } from '../../../src/sim/charts/figure-spec.ts';
import { PAPER_FIGURES } from '../../../src/sim/charts/paper-figures.ts';
import { ratioBarSpec } from '../../../src/sim/charts/ratio-bar-spec.ts';
import type { TimelineFiring } from '../../../src/sim/charts/timeline-firing.ts';
import { timelineSpec } from '../../../src/sim/charts/timeline-spec.ts';
import { FIG3_WITH_OURS, SAMPLE_FIRINGS } from './fixtures.ts';
import { vegaLiteSchemaErrors } from './vega-lite-schema.ts';

const point = fc
  .record({
    x: fc.double({ min: 1, max: 1e6, noNaN: true }),
    series: fc.constantFrom('paper', 'ours', 'ours T_up', 'paper T_down', 'umbral-pre'),
    median: fc.double({ min: 0, max: 100, noNaN: true }),
    spread: fc.option(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true })),
    ),
    approximate: fc.boolean(),
  })
  .map(({ spread, ...p }) =>
    spread === null ? p : { ...p, low: p.median * spread[0], high: p.median * spread[1] },
  );

const figure: fc.Arbitrary<FigureSeries> = fc.record({
  figure: fc.constantFrom('fig3-keygen', 'fig4-encrypt', 'sizes-100mib'),
  title: fc.string({ minLength: 1, maxLength: 30 }),
  xLabel: fc.constantFrom('users', 'PHR size'),
  xUnit: fc.constantFrom('users', 'KB'),
  yLabel: fc.constant('time (s)'),
  points: fc.array(point, { minLength: 1, maxLength: 25 }),
});

const firings: fc.Arbitrary<TimelineFiring[]> = fc
  .array(
    fc.record({
      transition: fc.constantFrom('Gen_Keys', 'Send_C', 'D_R_S', 'D_R_F', 'Decrypt_C'),
      actor: fc.constantFrom('SRS', 'owner', 'doctor', 'cloud'),
      outcome: fc.constantFrom('ok', 'granted', 'denied', 'fails', 'detected', 'pending'),
      simulatedTime: fc.integer({ min: 0, max: 4_000_000_000 }),
      startMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
      durationMs: fc.double({ min: 0, max: 1e4, noNaN: true }),
    }),
    { maxLength: 40 },
  )
  .map((fs) => fs.map((f, index) => ({ ...f, index })));

describe('every chart spec validates against the vega-lite JSON Schema', () => {
  it('each paper figure, alone and with our measured series and spread', () => {
    for (const fig of Object.values(PAPER_FIGURES)) expect(vegaLiteSchemaErrors(figureSpec(fig))).toEqual([]);
    expect(vegaLiteSchemaErrors(figureSpec(FIG3_WITH_OURS))).toEqual([]);
  });

  it('a timeline, with and without firings and subtitle', () => {
    expect(
      vegaLiteSchemaErrors(timelineSpec(SAMPLE_FIRINGS, { title: 'share', subtitle: 'passed' })),
    ).toEqual([]);
    expect(vegaLiteSchemaErrors(timelineSpec([], { title: 'empty' }))).toEqual([]);
  });

  it('a ratio chart, with and without rows', () => {
    const options = { title: 'ratios', xLabel: 'ours / theirs', subtitle: 'same process' };
    expect(vegaLiteSchemaErrors(ratioBarSpec([{ label: 'a', ratio: 0.5 }], options))).toEqual([]);
    expect(vegaLiteSchemaErrors(ratioBarSpec([], options))).toEqual([]);
  });

  it('any valid figure (fast-check, seeded)', () => {
    fc.assert(
      fc.property(figure, (fig) => {
        expect(vegaLiteSchemaErrors(figureSpec(fig))).toEqual([]);
      }),
      { seed: 6_004, numRuns: 60 },
    );
  });

  it('any valid run (fast-check, seeded)', () => {
    fc.assert(
      fc.property(firings, (fs) => {
        expect(vegaLiteSchemaErrors(timelineSpec(fs, { title: 'run' }))).toEqual([]);
      }),
      { seed: 6_005, numRuns: 60 },
    );
  });
});

describe('the schema check is real: it rejects broken specs', () => {
  it('an unknown mark type, a misspelt field type, a non-numeric stroke width, a missing data source, a worded width', () => {
    const good = figureSpec(PAPER_FIGURES['fig4-encrypt']);
    const broken = [
      { ...good, layer: undefined, mark: 'barz', encoding: {} },
      { ...good, encoding: { x: { field: 'x', type: 'quantitativ' } } },
      { ...good, layer: undefined, mark: { type: 'line', strokeWidth: 'thick' } },
      { mark: 'bar', encoding: { x: { field: 'x', type: 'quantitative' } } },
      { ...good, width: 'wide' },
    ];
    expect(broken.map((spec) => vegaLiteSchemaErrors(spec).length > 0)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('names where the spec is wrong', () => {
    const spec = { data: { values: [] }, mark: 'bar', encoding: { x: { field: 'x', type: 'quant' } } };
    expect(vegaLiteSchemaErrors(spec)).toContain(
      '/encoding/x/type: must be equal to one of the allowed values',
    );
  });
});
