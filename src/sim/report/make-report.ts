/**
 * The report from end to end: read the result files, combine them, draw the charts, write the
 * page and its JSON. What `sesphr report` and the main job call; everything between reading and
 * writing is the pure core (`reportData`, `reportCharts`, `reportPage`).
 */
import { join } from 'node:path';
import { machineInfo } from '../bench/machine.ts';
import { type ReportPaths, readReportSections } from './read-inputs.ts';
import { reportCharts } from './report-charts.ts';
import { type ReportData, type ReportMachine, reportData } from './report-data.ts';
import { reportPage } from './report-page.ts';
import type { StageOutcome } from './stage-outcome.ts';
import { type WrittenReport, writeReport } from './write-report.ts';

/** The files each command writes under an output folder, as the main job lays them out. */
export const RESULT_FILES = Object.freeze({
  run: 'run/results.jsonl',
  trace: 'run/trace.jsonl',
  verify: 'verify/verify.json',
  bench: 'bench/bench.json',
});

/** The inputs' default paths under `out` (the main job's layout). */
export const defaultReportPaths = (out: string): ReportPaths =>
  Object.freeze({
    run: join(out, RESULT_FILES.run),
    trace: join(out, RESULT_FILES.trace),
    verify: join(out, RESULT_FILES.verify),
    bench: join(out, RESULT_FILES.bench),
  });

/** What to make the report from and where to put it. */
export interface ReportOptions {
  readonly out: string;
  readonly paths: ReportPaths;
  /** The main job's stages, shown at the top; none when the report is made on its own. */
  readonly stages?: readonly StageOutcome[];
}

/** The machine this process runs on, as the report shows it. */
export function currentMachine(): ReportMachine {
  const { cpu, cores, memoryGiB, node, platform } = machineInfo();
  return Object.freeze({ cpu, cores, memoryGiB, node, platform });
}

/** Reads the inputs, writes `<out>/index.html` and `<out>/index.json`, returns the paths and the data. */
export async function makeReport(
  options: ReportOptions,
): Promise<{ readonly written: WrittenReport; readonly data: ReportData }> {
  const sections = await readReportSections(options.paths);
  const data = reportData({
    ...sections,
    date: new Date().toISOString(),
    machine: currentMachine(),
    stages: options.stages ?? [],
  });
  const charts = await reportCharts(data);
  const written = await writeReport(options.out, reportPage(data, charts), data);
  return Object.freeze({ written, data });
}
