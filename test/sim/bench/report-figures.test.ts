/**
 * From measurements to charts, on fixed numbers: each of Figs. 3–6 keeps every paper point and
 * adds ours in seconds (median, and the fastest and slowest run as the spread), and the
 * comparisons become ratio rows only when measured.
 */
import { describe, expect, it } from 'vitest';
import type { AesComparison } from '../../../src/sim/bench/aes-comparison.ts';
import type { KeygenMeasurement } from '../../../src/sim/bench/keygen-timing.ts';
import { benchFigures, benchRatios } from '../../../src/sim/bench/report-figures.ts';
import type { ShareMeasurement } from '../../../src/sim/bench/share-timing.ts';
import type { TimingStat } from '../../../src/sim/bench/timing-stat.ts';
import type { UmbralComparison } from '../../../src/sim/bench/umbral-comparison.ts';
import { figureSpec, PAPER_FIGURES } from '../../../src/sim/charts/index.ts';

const stat = (median: number, low: number, high: number, runs = 3): TimingStat => ({
  runs,
  wallMs: { median, low, high },
  cpuMs: { median, low, high },
});

const keygen: KeygenMeasurement[] = [
  { users: 10, total: stat(25, 24, 30), perUserMs: 2.5 },
  { users: 100, total: stat(260, 250, 300), perUserMs: 2.6 },
];

const share = (kib: number, base: number): ShareMeasurement => ({
  kib,
  bytes: kib * 1024,
  partitions: 4,
  encrypt: stat(base, base - 1, base + 2),
  upload: stat(base / 10, base / 10, base / 10),
  reEncrypt: stat(80, 70, 90),
  download: stat(2, 1, 3),
  decrypt: stat(base / 2, base / 2 - 1, base / 2 + 1),
  up: stat(base * 1.1, base, base * 1.3),
  down: stat(base / 2 + 2, base / 2, base / 2 + 4),
});

const shares = [share(50, 80), share(2048, 250)];

describe('benchFigures', () => {
  const figures = benchFigures(keygen, shares, 4);

  it('keeps every paper point of each figure and adds ours after them', () => {
    for (const id of ['fig3-keygen', 'fig4-encrypt', 'fig5-decrypt', 'fig6-turnaround'] as const) {
      const paper = PAPER_FIGURES[id].points;
      expect(figures[id].points.slice(0, paper.length)).toEqual(paper);
      expect(figures[id].figure).toBe(id);
      expect(() => figureSpec(figures[id])).not.toThrow();
    }
  });

  it('charts Fig. 3 in seconds: median and min–max of the total over N users', () => {
    const ours = figures['fig3-keygen'].points.filter((p) => p.series === 'ours');
    expect(ours).toEqual([
      { x: 10, series: 'ours', median: 0.025, low: 0.024, high: 0.03 },
      { x: 100, series: 'ours', median: 0.26, low: 0.25, high: 0.3 },
    ]);
  });

  it('charts encryption in Fig. 4 and decryption in Fig. 5, by size in KB', () => {
    expect(figures['fig4-encrypt'].points.filter((p) => p.series === 'ours')).toEqual([
      { x: 50, series: 'ours', median: 0.08, low: 0.079, high: 0.082 },
      { x: 2048, series: 'ours', median: 0.25, low: 0.249, high: 0.252 },
    ]);
    expect(figures['fig5-decrypt'].points.filter((p) => p.series === 'ours').map((p) => p.median)).toEqual([
      0.04, 0.125,
    ]);
  });

  it('charts T_up and T_down for the paper and ours in Fig. 6, and says the cloud is in-process', () => {
    const fig6 = figures['fig6-turnaround'];
    expect([...new Set(fig6.points.map((p) => p.series))]).toEqual([
      'paper T_up',
      'paper T_down',
      'ours T_up',
      'ours T_down',
    ]);
    expect(fig6.points.filter((p) => p.series === 'ours T_up').map((p) => p.median)).toEqual([0.088, 0.275]);
    expect(fig6.points.filter((p) => p.series === 'ours T_down').map((p) => p.median)).toEqual([
      0.042, 0.127,
    ]);
    expect(fig6.note).toContain('in-process cloud (4 buckets), not Amazon S3');
  });
});

describe('benchRatios', () => {
  const aes: AesComparison = {
    bytes: 16 * 2 ** 20,
    ours: stat(10, 9, 11),
    oursCpuMBps: 1677.7,
    oursWallMBps: 1677.7,
    openssl: { kind: 'measured', command: 'openssl speed', version: '3.0.19', mbPerSecond16k: 3355.4 },
    ratio: { oursOverTheirs: 2, theirsOverOurs: 0.5 },
  };
  const umbral: UmbralComparison = {
    kind: 'measured',
    library: '@nucypher/umbral-pre',
    version: '0.10.0',
    payloadBytes: 1024,
    reEncryption: {
      ours: stat(18, 17, 19),
      theirs: stat(1, 1, 1),
      ratio: { oursOverTheirs: 18, theirsOverOurs: 0.0556 },
    },
    decryption: {
      ours: stat(15, 14, 16),
      theirs: stat(1.5, 1, 2),
      ratio: { oursOverTheirs: 10, theirsOverOurs: 0.1 },
    },
  };

  it('has one row per comparison, ratio = our time over theirs', () => {
    expect(benchRatios(aes, umbral)).toEqual([
      { label: 'AES-256-GCM 16 MiB vs openssl speed', ratio: 2 },
      { label: 're-encryption vs umbral-pre', ratio: 18 },
      { label: 'decryption (1024 B) vs umbral-pre', ratio: 10 },
    ]);
  });

  it('leaves out what was not measured', () => {
    const { ratio: _, ...noOpenssl } = aes;
    const without: AesComparison = {
      ...noOpenssl,
      openssl: { kind: 'unavailable', command: 'openssl speed', reason: 'not installed' },
    };
    const noUmbral: UmbralComparison = {
      kind: 'unavailable',
      library: '@nucypher/umbral-pre',
      reason: 'gone',
    };
    expect(benchRatios(without, umbral).map((r) => r.label)).toEqual([
      're-encryption vs umbral-pre',
      'decryption (1024 B) vs umbral-pre',
    ]);
    expect(benchRatios(without, noUmbral)).toEqual([]);
  });
});
