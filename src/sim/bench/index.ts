/**
 * `sesphr bench` as a library: the paper's Figs. 3–6 reproduced through the real protocol, the
 * per-operation costs and the same-process comparisons, as one `BenchReport`; its text form; and
 * the one function that writes files.
 */
export type { AesComparison } from './aes-comparison.ts';
export {
  assertBenchConfig,
  type BenchConfig,
  type BenchMode,
  benchConfig,
  DEFAULT_BUCKETS,
  DEFAULT_SEED,
  type KeygenPoint,
  type SharePoint,
} from './bench-config.ts';
export { type BenchReport, runBench } from './bench-report.ts';
export type { KeygenMeasurement } from './keygen-timing.ts';
export type { MachineInfo } from './machine.ts';
export type { OpensslSpeed } from './openssl-speed.ts';
export type { OperationCost } from './operation-costs.ts';
export { type Progress, SILENT } from './progress.ts';
export { type BenchFigures, benchFigures, benchRatios, RATIO_CHART } from './report-figures.ts';
export { formatBenchReport } from './report-table.ts';
export type { RunPlan } from './sampler.ts';
export type { ShareMeasurement } from './share-timing.ts';
export type { TimeRatio } from './time-ratio.ts';
export {
  addSamples,
  median,
  type Sample,
  type Spread,
  spreadOf,
  type TimingStat,
  timingStat,
} from './timing-stat.ts';
export type { PairedTiming, UmbralComparison } from './umbral-comparison.ts';
export { RATIO_CHART_NAME, REPORT_FILE, type WrittenBench, writeBench } from './write-bench.ts';
