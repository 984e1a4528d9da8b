/**
 * `sesphr all [--out DIR]`: the main job, what `npm start` runs. Runs every bundled scenario,
 * verifies every property on the default instance and runs the quick benchmark, each as a child
 * `sesphr` process, then writes `<out>/index.html` (src/sim/main-job). Stage names, elapsed
 * seconds and the stages' own stderr go to stderr; at the end stdout gets the page's path and the
 * one-line verdict. Exit codes: 0 when every stage passed and the verdict is PASS, 1 otherwise
 * (a failing stage does not stop the later ones), 2 on bad input (`--out` naming a file).
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { outFolderProblem } from '../out-folder.ts';

type RawAllArgs = { out: string };

const run = async (args: RawAllArgs): Promise<void> => {
  const out = resolve(String(args.out));
  const problem = outFolderProblem(out);
  if (problem !== undefined) {
    process.stderr.write(`sesphr all: --out: ${problem}\n`);
    process.exitCode = 2;
    return;
  }
  const { bundledScenarios, checkoutLauncher, runMainJob } = await import('../../sim/main-job/index.ts');
  const { shownPath } = await import('../../sim/report/index.ts');
  const result = await runMainJob(
    { out, scenarios: bundledScenarios(), launcher: checkoutLauncher() },
    (line) => process.stderr.write(`${line}\n`),
  );
  switch (result.report.kind) {
    case 'written':
      process.stdout.write(`${shownPath(result.report.html)}\n${result.report.line}\n`);
      break;
    case 'failed':
      process.stdout.write(`FAIL: the report could not be written: ${result.report.reason}\n`);
      break;
    default: {
      const unreachable: never = result.report;
      return unreachable;
    }
  }
  process.exitCode = result.exitCode;
};

/** The `all` command module. */
export const allCommand: CommandModule<object, RawAllArgs> = {
  command: 'all',
  describe: 'The main job (npm start): run every scenario, verify every property, quick benchmark, report',
  builder: (yargs: Argv) =>
    yargs
      .option('out', {
        type: 'string',
        default: 'reports',
        describe: 'folder for the results (run/, verify/, bench/) and index.html',
      })
      .example('$0 all', 'everything, the page at reports/index.html')
      .example('$0 all --out /tmp/sesphr', 'the same under /tmp/sesphr'),
  handler: async (args: ArgumentsCamelCase<RawAllArgs>) => {
    await run(args);
  },
};
