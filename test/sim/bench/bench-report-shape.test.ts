/**
 * One whole benchmark run on a tiny config (one size, 10 users, one run of everything): the
 * report is complete, holds Figs. 3–6 each with the paper's series and ours, charts validate
 * against the vega-lite schema, survives a JSON round trip, reads as text, and is written as
 * bench.json plus one chart per figure and the ratio chart, with no temporary file left behind.
 * No timing is asserted: only shapes, counts and that the protocol round trip really happened.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchConfig } from '../../../src/sim/bench/bench-config.ts';
import { type BenchReport, runBench } from '../../../src/sim/bench/bench-report.ts';
import { measureOpensslSpeed } from '../../../src/sim/bench/openssl-speed.ts';
import { RATIO_CHART } from '../../../src/sim/bench/report-figures.ts';
import { formatBenchReport } from '../../../src/sim/bench/report-table.ts';
import { writeBench } from '../../../src/sim/bench/write-bench.ts';
import { figureSpec, ratioBarSpec } from '../../../src/sim/charts/index.ts';
import { vegaLiteSchemaErrors } from '../charts/vega-lite-schema.ts';

const TINY: BenchConfig = {
  mode: 'custom',
  seed: 'bench-shape-test',
  buckets: 3,
  keygen: { warmup: 0, points: [{ users: 10, runs: 1 }] },
  share: { warmup: 0, points: [{ kib: 50, runs: 1 }] },
  operations: { warmup: 0, runs: 1, partitionKiB: 4 },
  aes: { bytes: 1024 * 1024, runs: 1, opensslCommand: 'openssl', opensslSeconds: 1 },
  umbral: { warmup: 0, runs: 1, payloadBytes: 64 },
};

const FIGURE_IDS = ['fig3-keygen', 'fig4-encrypt', 'fig5-decrypt', 'fig6-turnaround'] as const;

let report: BenchReport;
let dir: string;
const lines: string[] = [];

beforeAll(async () => {
  report = await runBench(TINY, (line) => lines.push(line));
  dir = await mkdtemp(join(tmpdir(), 'sesphr-bench-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runBench on a tiny config', () => {
  it('carries its seed, config and machine', () => {
    expect(report.report).toBe('sesphr-bench');
    expect(report.formatVersion).toBe(1);
    expect(report.seed).toBe('bench-shape-test');
    expect(report.config).toEqual(TINY);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
  });

  it('measures every point with the planned run count', () => {
    expect(report.keygen.map((k) => [k.users, k.total.runs])).toEqual([[10, 1]]);
    expect(report.shares).toHaveLength(1);
    const [share] = report.shares;
    expect(share!.kib).toBe(50);
    expect(share!.bytes).toBe(50 * 1024);
    expect(share!.partitions).toBe(4);
    for (const phase of ['encrypt', 'upload', 'reEncrypt', 'download', 'decrypt', 'up', 'down'] as const) {
      expect(share![phase].runs).toBe(1);
      expect(share![phase].wallMs.median).toBeGreaterThan(0);
    }
  });

  it('costs each named operation', () => {
    expect(report.operations.map((o) => o.op)).toEqual([
      'key pair',
      'pairing',
      'K = Z^r',
      'R computation',
      're-encryption key',
      're-encryption',
      'decapsulate',
      'decryption per partition',
    ]);
    expect(report.operations.every((o) => o.stat.runs === 1)).toBe(true);
  });

  it('compares with umbral-pre both ways round', () => {
    expect(report.umbral.kind).toBe('measured');
    if (report.umbral.kind !== 'measured') return;
    expect(report.umbral.payloadBytes).toBe(64);
    for (const p of [report.umbral.reEncryption, report.umbral.decryption]) {
      expect(p.ratio.oursOverTheirs * p.ratio.theirsOverOurs).toBeCloseTo(1, 2);
    }
  });

  it('records OpenSSL as measured with its ratio, or as unavailable with the reason', () => {
    switch (report.aes.openssl.kind) {
      case 'measured':
        expect(report.aes.openssl.command).toContain('speed -evp aes-256-gcm -bytes 16384');
        expect(report.aes.ratio).toBeDefined();
        break;
      case 'unavailable':
        expect(report.aes.openssl.reason.length).toBeGreaterThan(0);
        expect(report.aes.ratio).toBeUndefined();
        break;
    }
    expect(report.aes.bytes).toBe(1024 * 1024);
  });

  it("holds Figs. 3–6, each with the paper's series and ours, as valid vega-lite", () => {
    expect(Object.keys(report.figures).sort()).toEqual([...FIGURE_IDS]);
    const series = (id: (typeof FIGURE_IDS)[number]) => [
      ...new Set(report.figures[id].points.map((p) => p.series)),
    ];
    expect(series('fig3-keygen')).toEqual(['paper', 'ours']);
    expect(series('fig4-encrypt')).toEqual(['paper', 'ours']);
    expect(series('fig5-decrypt')).toEqual(['paper', 'ours']);
    expect(series('fig6-turnaround')).toEqual(['paper T_up', 'paper T_down', 'ours T_up', 'ours T_down']);
    for (const id of FIGURE_IDS) expect(vegaLiteSchemaErrors(figureSpec(report.figures[id]))).toEqual([]);
    expect(vegaLiteSchemaErrors(ratioBarSpec(report.ratios, RATIO_CHART))).toEqual([]);
  });

  it('lists umbral-pre in the ratios, and survives a JSON round trip', () => {
    expect(report.ratios.map((r) => r.label)).toEqual(
      expect.arrayContaining(['re-encryption vs umbral-pre', 'decryption (64 B) vs umbral-pre']),
    );
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('reports progress through the callback', () => {
    expect(lines).toContain('fig. 3: 10 users, run 1/1');
    expect(lines).toContain('figs. 4–6: 50 KB, run 1/1');
  });

  it('reads as text with the paper beside ours', () => {
    const text = formatBenchReport(report);
    expect(text).toContain('sesphr bench (custom): seed "bench-shape-test", 3 cloud buckets');
    expect(text).toContain('Fig. 3, key generation');
    expect(text).toMatch(/\n +10 +0\.600 /);
    expect(text).toMatch(/\n +50 +0\.130 /);
    expect(text).toContain('umbral-pre 0.10.0');
  });

  it('writes bench.json and every chart, and nothing half-written', async () => {
    const out = join(dir, 'out');
    const written = await writeBench(report, out);
    expect(JSON.parse(await readFile(written.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const names = FIGURE_IDS.flatMap((id) => [`${id}.svg`, `${id}.vl.json`]);
    const expected = ['bench.json', ...names, 'ratios.svg', 'ratios.vl.json'].sort();
    expect((await readdir(out)).sort()).toEqual(expected);
    expect(await readFile(join(out, 'fig6-turnaround.svg'), 'utf8')).toContain('<svg');
  });
});

describe('measureOpensslSpeed', () => {
  it('records a missing openssl as unavailable, with the reason, instead of failing', () => {
    const speed = measureOpensslSpeed('sesphr-no-such-openssl', 1);
    expect(speed).toEqual({
      kind: 'unavailable',
      command: 'sesphr-no-such-openssl speed -evp aes-256-gcm -bytes 16384 -seconds 1',
      reason: 'sesphr-no-such-openssl is not installed (not on PATH)',
    });
  });
});
