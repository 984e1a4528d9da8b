/**
 * `sesphr report [--out DIR] [--run FILE] [--trace FILE] [--verify FILE] [--bench FILE]`: builds
 * `<out>/index.html` (one self-contained page) and `<out>/index.json` from the result files other
 * commands wrote (src/sim/report). Inputs default to the main job's layout under `--out`; a
 * missing one is shown as "not run" on the page, not an error. Prints where the page is and the
 * one-line verdict. Exit codes: 0 written (whatever the results say), 2 bad input (a bad flag,
 * `--out` naming a file) with the reason on stderr, 1 when the page could not be written.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { outFolderProblem } from '../out-folder.ts';

type RawReportArgs = {
  out: string;
  run?: string | undefined;
  trace?: string | undefined;
  verify?: string | undefined;
  bench?: string | undefined;
};

const badInput = (message: string): void => {
  process.stderr.write(`sesphr report: ${message}\n`);
  process.exitCode = 2;
};

const run = async (args: RawReportArgs): Promise<void> => {
  const out = resolve(String(args.out));
  const problem = outFolderProblem(out);
  if (problem !== undefined) {
    badInput(`--out: ${problem}`);
    return;
  }
  // Loaded here, not at the top: the charts take a second to load, which `--help` would pay.
  const { defaultReportPaths, makeReport, shownPath } = await import('../../sim/report/index.ts');
  const defaults = defaultReportPaths(out);
  const paths = {
    run: args.run === undefined ? defaults.run : resolve(args.run),
    trace: args.trace === undefined ? defaults.trace : resolve(args.trace),
    verify: args.verify === undefined ? defaults.verify : resolve(args.verify),
    bench: args.bench === undefined ? defaults.bench : resolve(args.bench),
  };
  try {
    const { written, data } = await makeReport({ out, paths });
    process.stdout.write(`${shownPath(written.html)}\n${data.summary.line}\n`);
  } catch (error) {
    process.stderr.write(`sesphr report: cannot write the report to ${out}: ${String(error)}\n`);
    process.exitCode = 1;
  }
};

/** The `report` command module. */
export const reportCommand: CommandModule<object, RawReportArgs> = {
  command: 'report',
  describe: 'Build reports/index.html (one self-contained page) from the run, verify and bench results',
  builder: (yargs: Argv) =>
    yargs
      .option('out', {
        type: 'string',
        default: 'reports',
        describe: 'folder for index.html and index.json; the inputs default to files under it',
      })
      .option('run', {
        type: 'string',
        describe: '`sesphr run --json` output [default: <out>/run/results.jsonl]',
      })
      .option('trace', {
        type: 'string',
        describe: '`sesphr run --trace` file [default: <out>/run/trace.jsonl]',
      })
      .option('verify', {
        type: 'string',
        describe: '`sesphr verify --json` output [default: <out>/verify/verify.json]',
      })
      .option('bench', {
        type: 'string',
        describe: "`sesphr bench`'s bench.json [default: <out>/bench/bench.json]",
      })
      .example('$0 report', 'rebuild reports/index.html from the files under reports/')
      .example('$0 report --out /tmp/r --bench reports/bench/bench.json', 'a page of one benchmark run'),
  handler: async (args: ArgumentsCamelCase<RawReportArgs>) => {
    await run(args);
  },
};
