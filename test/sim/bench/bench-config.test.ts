/**
 * The presets measure the paper's variables (SPEC 7): users 10…10,000 and sizes 50…2048 KB plus
 * 8, 32 and 100 MiB in full mode, a thinned-out subset in quick mode; bad configs are refused
 * with the field named.
 */
import { describe, expect, it } from 'vitest';
import { assertBenchConfig, benchConfig, DEFAULT_SEED } from '../../../src/sim/bench/bench-config.ts';

describe('benchConfig', () => {
  it('quick measures users 10, 100, 500, 1000 and sizes 50, 512, 2048 KB, each after a warm-up', () => {
    const quick = benchConfig('quick');
    expect(quick.mode).toBe('quick');
    expect(quick.seed).toBe(DEFAULT_SEED);
    expect(quick.keygen.points.map((p) => p.users)).toEqual([10, 100, 500, 1000]);
    expect(quick.share.points.map((p) => p.kib)).toEqual([50, 512, 2048]);
    expect(quick.keygen.warmup).toBeGreaterThan(0);
    expect(quick.share.warmup).toBeGreaterThan(0);
  });

  it("full measures the paper's users and sizes, plus 8, 32 and 100 MiB", () => {
    const full = benchConfig('full', { seed: 's', buckets: 1 });
    expect(full.keygen.points.map((p) => p.users)).toEqual([10, 100, 500, 1000, 5000, 10000]);
    expect(full.share.points.map((p) => p.kib)).toEqual([50, 128, 256, 512, 1024, 2048, 8192, 32768, 102400]);
    expect(full.seed).toBe('s');
    expect(full.buckets).toBe(1);
    expect(full.share.points.every((p) => p.runs >= 3)).toBe(true);
  });

  it('refuses a config that cannot run, naming the field', () => {
    const quick = benchConfig('quick');
    expect(() => assertBenchConfig({ ...quick, buckets: 0 })).toThrow(
      'buckets must be an integer >= 1, got 0',
    );
    expect(() => assertBenchConfig({ ...quick, seed: '' })).toThrow('seed must be a non-empty string');
    expect(() => assertBenchConfig({ ...quick, keygen: { warmup: 0, points: [] } })).toThrow(
      'keygen.points must not be empty',
    );
    expect(() =>
      assertBenchConfig({ ...quick, share: { warmup: 0, points: [{ kib: 50, runs: 0 }] } }),
    ).toThrow('share.points[0].runs must be an integer >= 1, got 0');
    expect(() => assertBenchConfig({ ...quick, umbral: { ...quick.umbral, warmup: -1 } })).toThrow(
      'umbral.warmup must be an integer >= 0, got -1',
    );
  });
});
