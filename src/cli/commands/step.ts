/**
 * `sesphr step <scenario.yaml | trace.jsonl> [--script] [--seed S] [--scenario NAME]`: a student
 * walks through a run one firing at a time (src/sim/run's stepper): the transition and its
 * binding, the tokens consumed and produced, what each actor learned, what may fire next. A trace
 * file is stepped by replaying the scenario it names with the seed it records. Commands come from
 * the terminal with a prompt, or, with `--script` or when stdin is not a terminal, one per line from
 * stdin with no prompt. Exit codes: 0 when the session ends, 1 when the net could not be built for
 * the scenario, 2 on bad input (an unreadable or invalid file, a bad trace, an unknown --scenario).
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  describeDivergence,
  drawSeed,
  loadScenarios,
  openStepper,
  parseTrace,
  replayMismatch,
  resolveSeed,
  runScenario,
  type ScenarioRun,
  type StepperSession,
  seedText,
  stepperCommand,
} from '../../sim/run/index.ts';
import type { Scenario } from '../../sim/scenario/index.ts';

type RawStepArgs = {
  file: string;
  script: boolean;
  seed?: string | undefined;
  scenario?: string | undefined;
};

/** What to step: a loaded scenario with its seed, and a note to show first (or nothing). */
type Prepared =
  | {
      kind: 'ok';
      scenario: Scenario;
      seed: string;
      note: string;
      traced?: Parameters<typeof replayMismatch>[0];
    }
  | { kind: 'bad-input'; lines: readonly string[] };

const badInput = (lines: readonly string[]): void => {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exitCode = 2;
};

async function loadOne(
  path: string,
): Promise<{ kind: 'ok'; scenario: Scenario } | { kind: 'bad-input'; lines: readonly string[] }> {
  const loaded = await loadScenarios([path]);
  if (loaded.kind === 'bad-input') return { kind: 'bad-input', lines: loaded.problems };
  const [scenario] = loaded.scenarios;
  return scenario === undefined
    ? { kind: 'bad-input', lines: [`${path}: no scenario`] }
    : { kind: 'ok', scenario };
}

async function prepare(args: RawStepArgs): Promise<Prepared> {
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    return { kind: 'bad-input', lines: [`${args.file}: cannot read the file: ${(error as Error).message}`] };
  }
  if (!text.trimStart().startsWith('{')) {
    const loaded = await loadOne(args.file);
    if (loaded.kind === 'bad-input') return loaded;
    const { seed, origin } = resolveSeed(loaded.scenario, args.seed, drawSeed());
    return {
      kind: 'ok',
      scenario: loaded.scenario,
      seed,
      note: origin === 'drawn' ? `${seedText(seed, origin)}\n` : '',
    };
  }
  const trace = parseTrace(text, args.file);
  if (trace.kind === 'invalid') return { kind: 'bad-input', lines: [trace.message] };
  const names = trace.runs.map((r) => r.scenario);
  const traced =
    args.scenario === undefined ? trace.runs[0] : trace.runs.find((r) => r.scenario === args.scenario);
  if (traced === undefined) {
    return {
      kind: 'bad-input',
      lines: [`--scenario: ${args.file} has no scenario '${args.scenario}'; it has: ${names.join(', ')}`],
    };
  }
  const loaded = await loadOne(traced.source);
  if (loaded.kind === 'bad-input') return loaded;
  const others =
    names.length > 1 && args.scenario === undefined
      ? ` (the trace also holds ${names.slice(1).join(', ')}: choose with --scenario)`
      : '';
  return {
    kind: 'ok',
    scenario: loaded.scenario,
    seed: traced.seed,
    note: `replaying ${traced.scenario} from ${traced.source} with seed ${traced.seed}${others}\n`,
    traced,
  };
}

/** Feeds lines to the stepper until quit or the end of input; prompts only on a terminal. */
async function session(run: ScenarioRun, interactive: boolean): Promise<void> {
  if (run.model === undefined) return;
  const opened = openStepper(run, run.model);
  process.stdout.write(opened.output);
  let current: StepperSession = opened.session;
  const lines = createInterface({
    input: process.stdin,
    terminal: interactive,
    ...(interactive ? { output: process.stdout } : {}),
  });
  if (interactive) {
    lines.setPrompt('› ');
    lines.prompt();
  }
  for await (const line of lines) {
    const reply = stepperCommand(current, line);
    process.stdout.write(reply.output);
    current = reply.session;
    if (reply.quit) break;
    if (interactive) lines.prompt();
  }
  lines.close();
}

/** The `step` command module. */
export const stepCommand: CommandModule<object, RawStepArgs> = {
  command: 'step <file>',
  describe: 'Step through a scenario (or a saved trace) one firing at a time',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe: 'a scenario file, or a trace file written by run --trace',
      })
      .option('script', {
        type: 'boolean',
        default: false,
        describe: 'read commands from stdin, one per line, without prompts',
      })
      .option('seed', {
        type: 'string',
        describe: 'the seed of a scenario that names none (default: drawn and printed)',
      })
      .option('scenario', {
        type: 'string',
        describe: 'which scenario of a trace holding several (default: the first)',
      })
      .example('$0 step scenarios/otp-leak.yaml', 'n, b, j 2, k, q at the prompt')
      .example("printf 'n\\nn\\nb\\nq\\n' | $0 step scenarios/otp-leak.yaml --script", 'scripted'),
  handler: async (args: ArgumentsCamelCase<RawStepArgs>) => {
    if (args.seed !== undefined && String(args.seed).length === 0) {
      badInput(['sesphr step: --seed must not be empty']);
      return;
    }
    const prepared = await prepare(args);
    if (prepared.kind === 'bad-input') {
      badInput(prepared.lines);
      return;
    }
    process.stdout.write(prepared.note);
    const run = runScenario(prepared.scenario, { seed: prepared.seed });
    if (run.model === undefined) {
      process.stderr.write(`${describeDivergence(run.divergence!, prepared.scenario.source)}\n`);
      process.exitCode = 1;
      return;
    }
    if (prepared.traced !== undefined) {
      const mismatch = replayMismatch(prepared.traced, run);
      if (mismatch !== undefined)
        process.stdout.write(`warning: the replay differs from the trace at ${mismatch}\n`);
    }
    const interactive = !args.script && process.stdin.isTTY === true;
    await session(run, interactive);
  },
};
