/**
 * One `sesphr bench` run from start to end: the paper's Figs. 3–6 through the real protocol, the
 * per-operation costs, and the same-process comparisons with OpenSSL and umbral-pre, gathered into
 * one `BenchReport` that carries its seed, its config and the machine, so that it can be read,
 * charted and rerun without the run that made it. Nothing here writes a file (see
 * `write-bench.ts`); progress goes to the callback given.
 */
import type { RatioRow } from '../charts/index.ts';
import { type AesComparison, measureAes } from './aes-comparison.ts';
import { assertBenchConfig, type BenchConfig } from './bench-config.ts';
import { type KeygenMeasurement, measureKeygen } from './keygen-timing.ts';
import { currentLoad, type MachineInfo, machineInfo } from './machine.ts';
import { measureOperations, type OperationCost } from './operation-costs.ts';
import { type Progress, SILENT } from './progress.ts';
import { type BenchFigures, benchFigures, benchRatios } from './report-figures.ts';
import { measureShares, type ShareMeasurement } from './share-timing.ts';
import { roundTo } from './timing-stat.ts';
import { measureUmbral, type UmbralComparison } from './umbral-comparison.ts';

/** Everything one run measured. Times are in ms except in `figures` (seconds, as charted). */
export interface BenchReport {
  readonly report: 'sesphr-bench';
  /** Bumped when the shape changes, for tools reading bench.json. */
  readonly formatVersion: 1;
  readonly date: string;
  readonly seed: string;
  readonly config: BenchConfig;
  readonly machine: MachineInfo;
  /** 1-minute load average when the run ended (the start is in `machine`). */
  readonly loadAverageEnd: number;
  /** How long the whole run took, in seconds. */
  readonly seconds: number;
  /** Fig. 3, one entry per user count. */
  readonly keygen: readonly KeygenMeasurement[];
  /** Figs. 4–6, one entry per PHR size. */
  readonly shares: readonly ShareMeasurement[];
  readonly operations: readonly OperationCost[];
  readonly aes: AesComparison;
  readonly umbral: UmbralComparison;
  /** Figs. 3–6 as charted: the paper's series and ours. */
  readonly figures: BenchFigures;
  /** The comparisons as charted: our time over the reference's. */
  readonly ratios: readonly RatioRow[];
}

/** Runs every measurement of `config` in turn and returns the report. */
export async function runBench(config: BenchConfig, progress: Progress = SILENT): Promise<BenchReport> {
  assertBenchConfig(config);
  const started = performance.now();
  const date = new Date().toISOString();
  const machine = machineInfo();
  const { seed, buckets } = config;
  const keygen = measureKeygen(config.keygen, seed, progress);
  const shares = measureShares(config.share, seed, buckets, progress);
  const operations = measureOperations(config.operations, seed, buckets, progress);
  const aes = measureAes(config.aes, seed, progress);
  const umbral = await measureUmbral(config.umbral, seed, progress);
  return Object.freeze({
    report: 'sesphr-bench',
    formatVersion: 1,
    date,
    seed,
    config,
    machine,
    loadAverageEnd: currentLoad(),
    seconds: roundTo((performance.now() - started) / 1000, 1),
    keygen: Object.freeze(keygen),
    shares: Object.freeze(shares),
    operations: Object.freeze(operations),
    aes,
    umbral,
    figures: benchFigures(keygen, shares, buckets),
    ratios: Object.freeze(benchRatios(aes, umbral)),
  });
}
