/**
 * The I/O shell of the benchmark: writes a report's charts (each figure, and the ratio chart when
 * any comparison was measured) through `writeChart`, then `bench.json`, through a temporary file
 * and a rename like the charts, so a reader never meets a half-written report, and a bench.json
 * present means its charts are too.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { figureSpec, ratioBarSpec, type WrittenChart, writeChart } from '../charts/index.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import type { BenchReport } from './bench-report.ts';
import { RATIO_CHART } from './report-figures.ts';

/** The report file's name inside the output folder. */
export const REPORT_FILE = 'bench.json';

/** The chart of the comparisons, beside the figures' charts (named by figure id). */
export const RATIO_CHART_NAME = 'ratios';

/** Where `writeBench` put everything. */
export interface WrittenBench {
  readonly json: string;
  readonly charts: readonly WrittenChart[];
}

/** Writes `<dir>/bench.json` and the charts (`<name>.vl.json` and `<name>.svg`), creating `dir`. */
export async function writeBench(report: BenchReport, dir: string): Promise<WrittenBench> {
  await mkdir(dir, { recursive: true });
  const charts: WrittenChart[] = [];
  for (const [id, series] of Object.entries(report.figures)) {
    charts.push(await writeChart(dir, id, figureSpec(series)));
  }
  if (report.ratios.length > 0) {
    charts.push(await writeChart(dir, RATIO_CHART_NAME, ratioBarSpec(report.ratios, RATIO_CHART)));
  }
  const json = join(dir, REPORT_FILE);
  await writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`);
  return Object.freeze({ json, charts: Object.freeze(charts) });
}
