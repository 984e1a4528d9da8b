/**
 * `sesphr run <files or folders…> [--seed S] [--json] [--trace FILE]`: loads every scenario named
 * (folders expand to their *.yaml and *.yml files), runs each concretely and on the SeSPHR net
 * side by side with the conformance check (src/sim/run), and prints a readable summary or, with
 * `--json`, one JSON object per scenario per line. `--trace FILE` writes every firing as JSON
 * Lines, through a temporary file and a rename. Exit codes: 0 when every expectation holds and the
 * net conforms, 1 when one does not, 2 on bad input (every problem of every file on stderr as
 * `file:line:column: path: message`; nothing run, nothing written).
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  drawSeed,
  formatRun,
  formatTotals,
  loadScenarios,
  resolveSeed,
  runJson,
  runScenario,
  type ScenarioRun,
  type TraceLine,
  traceLines,
  traceText,
  writeFileAtomic,
} from '../../sim/run/index.ts';

type RawRunArgs = { paths: string[]; seed?: string | undefined; json: boolean; trace?: string | undefined };

/** The command's options checked: what to run, with which fallback seed, how to report. */
type RunConfig = Readonly<{ paths: readonly string[]; seed?: string; json: boolean; trace?: string }>;

type Resolved = { kind: 'ok'; config: RunConfig } | { kind: 'bad-input'; message: string };

/** Why `file` cannot be written as the trace, or undefined when it can. */
function traceProblem(file: string): string | undefined {
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? 'directory' : 'file';
    } catch {
      return 'absent';
    }
  };
  if (kind(file) === 'directory') return `${file} is a directory`;
  const folder = dirname(resolve(file));
  return kind(folder) === 'directory' ? undefined : `the folder ${folder} does not exist`;
}

const resolveRunConfig = (args: RawRunArgs): Resolved => {
  if (args.seed !== undefined && String(args.seed).length === 0) {
    return { kind: 'bad-input', message: '--seed must not be empty' };
  }
  if (args.trace !== undefined) {
    const problem = traceProblem(String(args.trace));
    if (problem !== undefined) return { kind: 'bad-input', message: `--trace: ${problem}` };
  }
  return {
    kind: 'ok',
    config: {
      paths: args.paths.map(String),
      ...(args.seed === undefined ? {} : { seed: String(args.seed) }),
      json: args.json,
      ...(args.trace === undefined ? {} : { trace: String(args.trace) }),
    },
  };
};

const badInput = (lines: readonly string[]): void => {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exitCode = 2;
};

const run = async (config: RunConfig): Promise<void> => {
  const loaded = await loadScenarios(config.paths);
  if (loaded.kind === 'bad-input') {
    badInput(loaded.problems);
    return;
  }
  const drawn = drawSeed();
  const started = performance.now();
  const runs: ScenarioRun[] = [];
  const trace: TraceLine[] = [];
  for (const scenario of loaded.scenarios) {
    const { seed, origin } = resolveSeed(scenario, config.seed, drawn);
    const began = performance.now();
    const result = runScenario(scenario, { seed });
    runs.push(result);
    trace.push(...traceLines(result));
    process.stdout.write(
      config.json
        ? `${JSON.stringify(runJson(result))}\n`
        : formatRun(result, origin, (performance.now() - began) / 1000),
    );
  }
  if (!config.json) process.stdout.write(formatTotals(runs, (performance.now() - started) / 1000));
  if (config.trace !== undefined) await writeFileAtomic(config.trace, traceText(trace));
  process.exitCode = runs.every((r) => r.passed) ? 0 : 1;
};

/** The `run` command module. */
export const runCommand: CommandModule<object, RawRunArgs> = {
  command: 'run <paths..>',
  describe: 'Run scenario files on the protocol and the SeSPHR net side by side, checking every expectation',
  builder: (yargs: Argv) =>
    yargs
      .positional('paths', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'scenario files, or folders holding them (*.yaml, *.yml)',
      })
      .option('seed', {
        type: 'string',
        describe: 'the seed of scenarios that name none (default: drawn and printed)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'one JSON object per scenario per line' })
      .option('trace', { type: 'string', describe: 'write every firing to FILE as JSON Lines' })
      .example('$0 run scenarios/', 'run every bundled scenario')
      .example('$0 run my.yaml --seed 7 --json --trace run.jsonl', 'JSON results and a trace file'),
  handler: async (args: ArgumentsCamelCase<RawRunArgs>) => {
    const resolved = resolveRunConfig(args);
    switch (resolved.kind) {
      case 'ok':
        await run(resolved.config);
        return;
      case 'bad-input':
        badInput([`sesphr run: ${resolved.message}`]);
        return;
      default: {
        const unreachable: never = resolved;
        return unreachable;
      }
    }
  },
};
