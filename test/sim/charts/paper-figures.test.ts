import { describe, expect, it } from 'vitest';
import { assertFigureSeries, isPaperSeries } from '../../../src/sim/charts/figure-series.ts';
import { PAPER_FIGURES, PAPER_VALUES_NOTE } from '../../../src/sim/charts/paper-figures.ts';

/** SPEC section 7, transcribed by hand: [series, x, seconds, read off a plot (≈)]. */
const SPEC_SECTION_7 = {
  'fig3-keygen': [
    ['paper', 10, 0.6, false],
    ['paper', 100, 0.97, false],
    ['paper', 500, 1.13, true],
    ['paper', 1000, 1.35, true],
    ['paper', 5000, 1.7, true],
    ['paper', 10000, 2.16, false],
  ],
  'fig4-encrypt': [
    ['paper', 50, 0.13, false],
    ['paper', 1024, 0.69, true],
    ['paper', 2048, 1.289, false],
  ],
  'fig5-decrypt': [
    ['paper', 50, 0.03, true],
    ['paper', 1024, 0.16, true],
    ['paper', 2048, 0.245, true],
  ],
  'fig6-turnaround': [
    ['paper T_up', 50, 1.25, true],
    ['paper T_up', 2048, 2.5, true],
    ['paper T_down', 50, 0.08, true],
    ['paper T_down', 2048, 0.4, true],
  ],
} as const;

describe('the paper figures (SPEC section 7)', () => {
  it('holds exactly the four figures of the paper', () => {
    expect(Object.keys(PAPER_FIGURES).sort()).toEqual(Object.keys(SPEC_SECTION_7).sort());
  });

  for (const [id, expected] of Object.entries(SPEC_SECTION_7)) {
    it(`${id}: every value, its x and whether it is read off a plot match SPEC`, () => {
      const fig = PAPER_FIGURES[id as keyof typeof PAPER_FIGURES];
      expect(fig.figure).toBe(id);
      expect(fig.points.map((p) => [p.series, p.x, p.median, p.approximate])).toEqual(expected);
      expect(fig.points.every((p) => p.low === undefined && p.high === undefined)).toBe(true);
    });
  }

  it('labels the axes: users for Fig. 3, PHR size in KB for Figs. 4–6, seconds on y', () => {
    expect(PAPER_FIGURES['fig3-keygen']).toMatchObject({
      xLabel: 'users',
      xUnit: 'users',
      yLabel: 'time (s)',
    });
    for (const id of ['fig4-encrypt', 'fig5-decrypt', 'fig6-turnaround'] as const) {
      expect(PAPER_FIGURES[id]).toMatchObject({ xLabel: 'PHR size', xUnit: 'KB', yLabel: 'time (s)' });
    }
  });

  it('says which values are read off plots, on every figure', () => {
    expect(PAPER_VALUES_NOTE).toContain('≈');
    for (const fig of Object.values(PAPER_FIGURES)) expect(fig.note).toBe(PAPER_VALUES_NOTE);
  });

  it('names every series as the paper’s (so it is drawn dashed) and passes its own validation', () => {
    for (const fig of Object.values(PAPER_FIGURES)) {
      expect(fig.points.every((p) => isPaperSeries(p.series))).toBe(true);
      expect(assertFigureSeries(fig)).toBe(fig);
    }
  });

  it('is frozen, so no caller can change the published numbers for everyone', () => {
    const fig = PAPER_FIGURES['fig4-encrypt'];
    expect(Object.isFrozen(PAPER_FIGURES)).toBe(true);
    expect(Object.isFrozen(fig)).toBe(true);
    expect(Object.isFrozen(fig.points)).toBe(true);
    expect(fig.points.every((p) => Object.isFrozen(p))).toBe(true);
  });
});
