/**
 * The main job's plan: which `sesphr` commands run, in which order, with which arguments, where
 * their results go, and how long each may take. Pure, so the plan can be checked (and shown)
 * without running anything; `run-stage.ts` carries it out.
 */
import { join } from 'node:path';
import { RESULT_FILES } from '../report/make-report.ts';

/** One child `sesphr` command. */
export interface StagePlan {
  /** Short name shown in progress lines and on the page: `run`, `verify`, `bench`. */
  readonly name: string;
  /** What the stage does, for the progress line. */
  readonly purpose: string;
  /** Arguments after `sesphr`. */
  readonly args: readonly string[];
  /** Where the stage's stdout is saved, when it is a result file; otherwise stdout is discarded. */
  readonly stdoutFile?: string;
  /**
   * Result files of an earlier run removed before the stage starts, so the page never shows a
   * previous run's results as this one's.
   */
  readonly stale: readonly string[];
  /** Folders the stage writes into, made before it starts. */
  readonly folders: readonly string[];
  /** The stage is stopped after this long. */
  readonly timeoutSeconds: number;
}

/** Where the main job reads and writes. */
export interface MainJobPaths {
  /** Output folder: results go in subfolders, the page at its top. */
  readonly out: string;
  /** The folder of bundled scenarios to run. */
  readonly scenarios: string;
}

/** Generous limits: the whole job takes about two minutes on two cores. */
const TIMEOUT_SECONDS = Object.freeze({ run: 900, verify: 900, bench: 900 });

/** The three child stages: run every scenario, verify every property, the quick benchmark. */
export function mainJobStages(paths: MainJobPaths): readonly StagePlan[] {
  const { out } = paths;
  const results = join(out, RESULT_FILES.run);
  const trace = join(out, RESULT_FILES.trace);
  const verify = join(out, RESULT_FILES.verify);
  const verifyFolder = join(out, 'verify');
  const benchFolder = join(out, 'bench');
  return Object.freeze([
    Object.freeze({
      name: 'run',
      purpose: 'every bundled scenario, concretely and on the net',
      args: Object.freeze(['run', paths.scenarios, '--json', '--trace', trace]),
      stdoutFile: results,
      stale: Object.freeze([results, trace]),
      folders: Object.freeze([join(out, 'run')]),
      timeoutSeconds: TIMEOUT_SECONDS.run,
    }),
    Object.freeze({
      name: 'verify',
      purpose: 'every property of SPEC section 5 on the default instance',
      args: Object.freeze(['verify', '--json', '--out', verifyFolder]),
      stdoutFile: verify,
      stale: Object.freeze([verify]),
      folders: Object.freeze([verifyFolder]),
      timeoutSeconds: TIMEOUT_SECONDS.verify,
    }),
    Object.freeze({
      name: 'bench',
      purpose: "the quick benchmark: the paper's Figs. 3–6 and the comparisons",
      args: Object.freeze(['bench', '--quick', '--out', benchFolder]),
      stale: Object.freeze([join(out, RESULT_FILES.bench)]),
      folders: Object.freeze([benchFolder]),
      timeoutSeconds: TIMEOUT_SECONDS.bench,
    }),
  ]);
}
