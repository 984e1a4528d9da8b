/**
 * The main job (`npm start`, `sesphr all`): run every bundled scenario, verify every property,
 * run the quick benchmark, each as a child process, then write the report from their result
 * files. A failing stage does not stop the ones after it; it is reported on the page and in the
 * exit code. Progress (stage names, elapsed seconds, the children's stderr) goes to `log`.
 */
import { isAbsolute } from 'node:path';
import { shellWord } from '../report/counterexample.ts';
import { defaultReportPaths, makeReport } from '../report/make-report.ts';
import { shownPath } from '../report/read-inputs.ts';
import { type StageOutcome, stageVerdict } from '../report/stage-outcome.ts';
import { type Launcher, runStage } from './run-stage.ts';
import { type MainJobPaths, mainJobStages, type StagePlan } from './stage-plan.ts';

/** What the main job needs: where to read and write, and how to start `sesphr`. */
export interface MainJobConfig extends MainJobPaths {
  readonly launcher: Launcher;
}

/** How the report stage ended. */
export type ReportStage =
  | { readonly kind: 'written'; readonly html: string; readonly line: string; readonly ok: boolean }
  | { readonly kind: 'failed'; readonly reason: string };

/** The whole job's end. */
export interface MainJobResult {
  readonly stages: readonly StageOutcome[];
  readonly report: ReportStage;
  /** 0 when every stage passed and the report's verdict is PASS; 1 otherwise. */
  readonly exitCode: 0 | 1;
  readonly seconds: number;
}

/** The stage as a reader would type it: `sesphr run scenarios --json … > reports/run/results.jsonl`. */
export function stageCommand(plan: StagePlan): string {
  const args = plan.args.map((a) => shellWord(isAbsolute(a) ? shownPath(a) : a));
  const redirect = plan.stdoutFile === undefined ? '' : ` > ${shellWord(shownPath(plan.stdoutFile))}`;
  return `sesphr ${args.join(' ')}${redirect}`;
}

const tenths = (ms: number): string => (ms / 1000).toFixed(1);

/** Runs the job. Never throws for a stage's failure; the result says what happened. */
export async function runMainJob(config: MainJobConfig, log: (line: string) => void): Promise<MainJobResult> {
  const started = performance.now();
  const elapsed = () => `${tenths(performance.now() - started)} s elapsed`;
  const plans = mainJobStages(config);
  const total = plans.length + 1;
  log(`sesphr all: ${total} stages, results under ${shownPath(config.out)}`);
  const stages: StageOutcome[] = [];
  for (const [i, plan] of plans.entries()) {
    const tag = `[${i + 1}/${total}] ${plan.name}`;
    const command = stageCommand(plan);
    log(`${tag}: ${plan.purpose}\n${tag}: ${command}`);
    const outcome = await runStage(plan, config.launcher, command, (line) => log(`    ${line}`));
    log(`${tag}: ${stageVerdict(outcome)} in ${outcome.seconds.toFixed(1)} s (${elapsed()})`);
    stages.push(outcome);
  }

  const tag = `[${total}/${total}] report`;
  log(`${tag}: the page and its data from the results above`);
  const reportStarted = performance.now();
  let report: ReportStage;
  try {
    const { written, data } = await makeReport({
      out: config.out,
      paths: defaultReportPaths(config.out),
      stages,
    });
    report = { kind: 'written', html: written.html, line: data.summary.line, ok: data.summary.ok };
    log(
      `${tag}: wrote ${shownPath(written.html)} in ${tenths(performance.now() - reportStarted)} s (${elapsed()})`,
    );
  } catch (error) {
    report = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    log(`${tag}: failed: ${report.reason} (${elapsed()})`);
  }
  const ok = stages.every((s) => s.kind === 'passed') && report.kind === 'written' && report.ok;
  return Object.freeze({
    stages: Object.freeze(stages),
    report,
    exitCode: ok ? 0 : 1,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
}
