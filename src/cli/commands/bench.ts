/**
 * `sesphr bench [--quick] [--json] [--out DIR]`: reproduces the paper's Figs. 3–6 with the real
 * protocol, measures per-operation costs and compares with OpenSSL and umbral-pre in the same
 * process (src/sim/bench), then writes bench.json and the charts under `--out` and prints the
 * report (a table, or the JSON object with `--json`). Progress goes to stderr only when it is a
 * terminal. Exit codes: 0 done, 2 bad input (a bad flag, `--out` naming a file) with the reason on
 * stderr and nothing on stdout, 1 when the results could not be written.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  type BenchConfig,
  benchConfig,
  DEFAULT_BUCKETS,
  DEFAULT_SEED,
} from '../../sim/bench/bench-config.ts';
import type { Progress, WrittenBench } from '../../sim/bench/index.ts';
import { outFolderProblem } from '../out-folder.ts';

type RawBenchArgs = {
  quick: boolean;
  json: boolean;
  out: string;
  seed: string;
  buckets?: string | undefined;
};

/** The command's options resolved: what to measure, where to write, how to print. */
type BenchRun = Readonly<{ config: BenchConfig; out: string; json: boolean }>;

type Resolved = { kind: 'ok'; run: BenchRun } | { kind: 'bad-input'; message: string };

const resolveBenchRun = (args: RawBenchArgs): Resolved => {
  const seed = String(args.seed);
  if (seed.length === 0) return { kind: 'bad-input', message: '--seed must not be empty' };
  let buckets = DEFAULT_BUCKETS;
  if (args.buckets !== undefined) {
    const text = String(args.buckets).trim();
    buckets = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(buckets) || buckets < 1) {
      return { kind: 'bad-input', message: `--buckets must be a positive integer, got "${text}"` };
    }
  }
  const out = resolve(String(args.out));
  const problem = outFolderProblem(out);
  if (problem !== undefined) return { kind: 'bad-input', message: `--out: ${problem}` };
  const config = benchConfig(args.quick ? 'quick' : 'full', { seed, buckets });
  return { kind: 'ok', run: { config, out, json: args.json } };
};

const badInput = (message: string): void => {
  process.stderr.write(`sesphr bench: ${message}\n`);
  process.exitCode = 2;
};

const run = async ({ config, out, json }: BenchRun): Promise<void> => {
  // Loaded here, not at the top: the protocol and the charts take a second to load, which every
  // other command (and `--help`) would otherwise pay.
  const { formatBenchReport, runBench, SILENT, writeBench } = await import('../../sim/bench/index.ts');
  const live = process.stderr.isTTY === true;
  const progress: Progress = live ? (line) => process.stderr.write(`\r\x1b[K  ${line}`) : SILENT;
  if (live) process.stderr.write(`sesphr bench (${config.mode}): seed ${JSON.stringify(config.seed)}\n`);
  const report = await runBench(config, progress);
  if (live) process.stderr.write('\r\x1b[K');
  let written: WrittenBench;
  try {
    written = await writeBench(report, out);
  } catch (error) {
    process.stderr.write(`sesphr bench: cannot write the results to ${out}: ${String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(formatBenchReport(report));
    process.stdout.write(
      `\nwrote ${written.json} and ${written.charts.length} charts (.svg, .vl.json) in ${out}\n`,
    );
  }
};

/** The `bench` command module. */
export const benchCommand: CommandModule<object, RawBenchArgs> = {
  command: 'bench',
  describe: "Reproduce the paper's timing figures (Figs. 3–6) with the real protocol, and compare",
  builder: (yargs: Argv) =>
    yargs
      .option('quick', {
        type: 'boolean',
        default: false,
        describe: 'fewer users, sizes and runs: under a minute on two cores',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the report as one JSON object' })
      .option('out', {
        type: 'string',
        default: 'reports/bench',
        describe: 'folder for bench.json and the charts (created if needed)',
      })
      .option('seed', {
        type: 'string',
        default: DEFAULT_SEED,
        describe: 'the seed every key, r and PHR derive from',
      })
      .option('buckets', {
        type: 'string',
        describe: `buckets the simulated cloud chunks each ciphertext over (default ${DEFAULT_BUCKETS})`,
      })
      .example('$0 bench --quick', 'the quick benchmark, as a table')
      .example('$0 bench --json --out /tmp/bench', 'the full benchmark as JSON, files under /tmp/bench'),
  handler: async (args: ArgumentsCamelCase<RawBenchArgs>) => {
    const resolved = resolveBenchRun(args);
    switch (resolved.kind) {
      case 'ok':
        await run(resolved.run);
        return;
      case 'bad-input':
        badInput(resolved.message);
        return;
      default: {
        const unreachable: never = resolved;
        return unreachable;
      }
    }
  },
};
