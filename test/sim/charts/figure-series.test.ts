import { describe, expect, it } from 'vitest';
import {
  assertFigureSeries,
  type FigureSeries,
  isPaperSeries,
} from '../../../src/sim/charts/figure-series.ts';

const base: FigureSeries = {
  figure: 'fig4-encrypt',
  title: 'Encryption',
  xLabel: 'PHR size',
  xUnit: 'KB',
  yLabel: 'time (s)',
  points: [{ x: 50, series: 'ours', median: 0.01, low: 0.009, high: 0.012 }],
};

const withPoint = (p: object): FigureSeries => ({
  ...base,
  points: [{ x: 50, series: 'ours', median: 0.01, ...p }],
});

describe('assertFigureSeries', () => {
  it('returns a valid figure unchanged', () => {
    expect(assertFigureSeries(base)).toBe(base);
  });

  it('refuses a figure without points', () => {
    expect(() => assertFigureSeries({ ...base, points: [] })).toThrow(
      'fig4-encrypt: points must not be empty',
    );
  });

  it('refuses NaN, infinite and negative medians, naming the point', () => {
    expect(() => assertFigureSeries(withPoint({ median: Number.NaN }))).toThrow(
      'fig4-encrypt: points[0].median must be a finite number >= 0, got NaN',
    );
    expect(() => assertFigureSeries(withPoint({ x: Number.POSITIVE_INFINITY }))).toThrow('points[0].x');
    expect(() => assertFigureSeries(withPoint({ median: -1 }))).toThrow(
      'points[0].median must be a finite number >= 0, got -1',
    );
  });

  it('refuses a spread with only one end, or one that does not bracket the median', () => {
    expect(() => assertFigureSeries(withPoint({ low: 0.005 }))).toThrow('low and high come together');
    expect(() => assertFigureSeries(withPoint({ low: 0.02, high: 0.03 }))).toThrow(
      'need low <= median <= high, got 0.02, 0.01, 0.03',
    );
    expect(() => assertFigureSeries(withPoint({ low: 0.001, high: 0.005 }))).toThrow('low <= median <= high');
  });

  it('refuses empty labels', () => {
    expect(() => assertFigureSeries({ ...base, yLabel: '' })).toThrow(
      'fig4-encrypt: yLabel must be a non-empty',
    );
    expect(() => assertFigureSeries(withPoint({ series: '' }))).toThrow('points[0].series');
  });
});

describe('isPaperSeries', () => {
  it('is true exactly for names that start with "paper"', () => {
    expect(['paper', 'paper T_up', 'paper T_down'].map(isPaperSeries)).toEqual([true, true, true]);
    expect(['ours', 'ours T_up', 'Paper', 'our paper'].map(isPaperSeries)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
