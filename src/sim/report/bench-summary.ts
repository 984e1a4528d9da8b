/**
 * What the report takes from `bench.json` (the `BenchReport` that `sesphr bench` writes): the
 * figures and ratios as charted, the per-operation costs, the same-process comparisons and the
 * run's seed, mode, date and machine. Only this subset is checked and kept, so the page depends on
 * the file's documented fields and not on everything the benchmark happens to record.
 */
import { z } from 'zod';
import type { FigureSeries, RatioRow } from '../charts/index.ts';
import { msText } from './html-blocks.ts';
import { type ParseResult, parseJsonWith } from './parse-result.ts';

/** One per-operation cost, medians and range over the runs in milliseconds. */
export interface OperationRow {
  readonly op: string;
  readonly what: string;
  readonly runs: number;
  readonly wallMedianMs: number;
  readonly wallLowMs: number;
  readonly wallHighMs: number;
  readonly cpuMedianMs: number;
}

/** One comparison with a reference implementation run in the same process. */
export interface ComparisonRow {
  readonly what: string;
  /** Our figure, with its unit. */
  readonly ours: string;
  /** The reference's figure, with its unit and what it is. */
  readonly reference: string;
  /** Our time over the reference's (below 1: ours faster); absent when it was not measured. */
  readonly oursOverTheirs?: number;
  /** Why there is no ratio, when there is none. */
  readonly unavailable?: string;
}

/** The benchmark as the report shows it. */
export interface BenchSummary {
  readonly date: string;
  readonly seed: string;
  /** `quick` or `full`. */
  readonly mode: string;
  /** How long the whole benchmark took. */
  readonly seconds: number;
  readonly machine: Readonly<{ cpu: string; cores: number; node: string; platform: string }>;
  /** 1-minute load average at the start and the end: above the core count, others competed. */
  readonly load: Readonly<{ start: number; end: number }>;
  /** The paper's figures with ours on the same axes, in the file's order. */
  readonly figures: readonly FigureSeries[];
  readonly ratios: readonly RatioRow[];
  readonly operations: readonly OperationRow[];
  readonly comparisons: readonly ComparisonRow[];
}

const spread = z.looseObject({ median: z.number(), low: z.number(), high: z.number() });
const stat = z.looseObject({ runs: z.number().int(), wallMs: spread, cpuMs: spread });
const ratio = z.looseObject({ oursOverTheirs: z.number() });
const paired = z.looseObject({ ours: stat, theirs: stat, ratio });

const point = z.looseObject({
  x: z.number(),
  series: z.string(),
  median: z.number(),
  low: z.number().optional(),
  high: z.number().optional(),
  approximate: z.boolean().optional(),
});

const figure = z.looseObject({
  figure: z.string(),
  title: z.string(),
  xLabel: z.string(),
  xUnit: z.string(),
  yLabel: z.string(),
  note: z.string().optional(),
  points: z.array(point),
});

const benchSchema = z.looseObject({
  report: z.literal('sesphr-bench'),
  formatVersion: z.literal(1),
  date: z.string(),
  seed: z.string(),
  config: z.looseObject({ mode: z.string() }),
  machine: z.looseObject({
    cpu: z.string(),
    cores: z.number(),
    node: z.string(),
    platform: z.string(),
    loadAverageStart: z.number(),
  }),
  loadAverageEnd: z.number(),
  seconds: z.number(),
  operations: z.array(z.looseObject({ op: z.string(), what: z.string(), stat })),
  aes: z.looseObject({
    bytes: z.number(),
    oursCpuMBps: z.number(),
    openssl: z.union([
      z.looseObject({ kind: z.literal('measured'), version: z.string(), mbPerSecond16k: z.number() }),
      z.looseObject({ kind: z.literal('unavailable'), reason: z.string() }),
    ]),
    ratio: ratio.optional(),
  }),
  umbral: z.union([
    z.looseObject({
      kind: z.literal('measured'),
      library: z.string(),
      version: z.string(),
      payloadBytes: z.number(),
      reEncryption: paired,
      decryption: paired,
    }),
    z.looseObject({ kind: z.literal('unavailable'), library: z.string(), reason: z.string() }),
  ]),
  figures: z.record(z.string(), figure),
  ratios: z.array(z.looseObject({ label: z.string(), ratio: z.number() })),
});

type RawBench = z.output<typeof benchSchema>;

function comparisons(raw: RawBench): ComparisonRow[] {
  const { aes, umbral } = raw;
  const mib = aes.bytes / 2 ** 20;
  const aesRow: ComparisonRow =
    aes.openssl.kind === 'measured'
      ? {
          what: `AES-256-GCM, ${mib} MiB, MB/s per CPU second`,
          ours: `${aes.oursCpuMBps} MB/s (node:crypto)`,
          reference: `${aes.openssl.mbPerSecond16k} MB/s (openssl speed ${aes.openssl.version}, 16 KiB blocks)`,
          ...(aes.ratio === undefined ? {} : { oursOverTheirs: aes.ratio.oursOverTheirs }),
        }
      : {
          what: `AES-256-GCM, ${mib} MiB, MB/s per CPU second`,
          ours: `${aes.oursCpuMBps} MB/s (node:crypto)`,
          reference: 'openssl speed',
          unavailable: aes.openssl.reason,
        };
  switch (umbral.kind) {
    case 'measured':
      return [
        aesRow,
        {
          what: 're-encryption, CPU time',
          ours: msText(umbral.reEncryption.ours.cpuMs.median),
          reference: `${msText(umbral.reEncryption.theirs.cpuMs.median)} (${umbral.library} ${umbral.version} reencrypt)`,
          oursOverTheirs: umbral.reEncryption.ratio.oursOverTheirs,
        },
        {
          what: `decryption of ${umbral.payloadBytes} B, CPU time`,
          ours: msText(umbral.decryption.ours.cpuMs.median),
          reference: `${msText(umbral.decryption.theirs.cpuMs.median)} (${umbral.library} ${umbral.version} decryptReencrypted)`,
          oursOverTheirs: umbral.decryption.ratio.oursOverTheirs,
        },
      ];
    case 'unavailable':
      return [
        aesRow,
        {
          what: 're-encryption and decryption',
          ours: '',
          reference: umbral.library,
          unavailable: umbral.reason,
        },
      ];
    default: {
      const unreachable: never = umbral;
      return unreachable;
    }
  }
}

function toSummary(raw: RawBench): BenchSummary {
  const figures = Object.values(raw.figures).map(
    (f): FigureSeries => ({
      figure: f.figure,
      title: f.title,
      xLabel: f.xLabel,
      xUnit: f.xUnit,
      yLabel: f.yLabel,
      ...(f.note === undefined ? {} : { note: f.note }),
      points: f.points.map((p) => ({
        x: p.x,
        series: p.series,
        median: p.median,
        ...(p.low === undefined ? {} : { low: p.low }),
        ...(p.high === undefined ? {} : { high: p.high }),
        ...(p.approximate === undefined ? {} : { approximate: p.approximate }),
      })),
    }),
  );
  return Object.freeze({
    date: raw.date,
    seed: raw.seed,
    mode: raw.config.mode,
    seconds: raw.seconds,
    machine: Object.freeze({
      cpu: raw.machine.cpu,
      cores: raw.machine.cores,
      node: raw.machine.node,
      platform: raw.machine.platform,
    }),
    load: Object.freeze({ start: raw.machine.loadAverageStart, end: raw.loadAverageEnd }),
    figures: Object.freeze(figures),
    ratios: Object.freeze(raw.ratios.map((r) => Object.freeze({ label: r.label, ratio: r.ratio }))),
    operations: Object.freeze(
      raw.operations.map(
        (o): OperationRow =>
          Object.freeze({
            op: o.op,
            what: o.what,
            runs: o.stat.runs,
            wallMedianMs: o.stat.wallMs.median,
            wallLowMs: o.stat.wallMs.low,
            wallHighMs: o.stat.wallMs.high,
            cpuMedianMs: o.stat.cpuMs.median,
          }),
      ),
    ),
    comparisons: Object.freeze(comparisons(raw).map((c) => Object.freeze(c))),
  });
}

/** Parses bench.json (report `sesphr-bench`, format version 1). */
export function parseBenchSummary(text: string): ParseResult<BenchSummary> {
  const parsed = parseJsonWith(text, benchSchema);
  return parsed.kind === 'parsed' ? { kind: 'parsed', value: toSummary(parsed.value) } : parsed;
}
