/**
 * How one stage of the main job (`sesphr all`) ended, as the report shows it. Stages run as child
 * processes, so a stage can pass, fail with an exit code, be killed (a timeout, a signal) or not
 * start at all; the page shows which, with the end of the stage's stderr, so a failure is
 * explained where it is reported.
 */

/** One stage's end. `command` is what was run, as a reader would type it. */
export type StageOutcome =
  | { readonly kind: 'passed'; readonly stage: string; readonly command: string; readonly seconds: number }
  | {
      readonly kind: 'failed';
      readonly stage: string;
      readonly command: string;
      readonly seconds: number;
      readonly exitCode: number;
      /** The last lines the stage wrote on stderr. */
      readonly stderrTail: string;
    }
  | {
      readonly kind: 'killed';
      readonly stage: string;
      readonly command: string;
      readonly seconds: number;
      /** e.g. `timed out after 900 s`, `signal SIGTERM`. */
      readonly reason: string;
      readonly stderrTail: string;
    }
  | {
      readonly kind: 'not-started';
      readonly stage: string;
      readonly command: string;
      readonly seconds: number;
      readonly reason: string;
    };

/** A stage's end in a few words: `passed`, `exit 1`, `killed: timed out after 900 s` … */
export function stageVerdict(outcome: StageOutcome): string {
  switch (outcome.kind) {
    case 'passed':
      return 'passed';
    case 'failed':
      return `exit ${outcome.exitCode}`;
    case 'killed':
      return `killed: ${outcome.reason}`;
    case 'not-started':
      return `not started: ${outcome.reason}`;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}
