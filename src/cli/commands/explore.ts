/**
 * `sesphr explore <file.pnml>`: the state space of a PNML place/transition net, with the Model
 * Checking Contest's figures. Reads the file, calls the model's PNML import and fast explorer, prints.
 * Exit codes are a contract (scripts compare our figures with other tools): 0 on success, 2 on bad
 * input (missing file, malformed PNML, bad flag) with the reason on stderr and nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { isPnmlError, parsePnml } from '../../model/pnml-import.ts';
import {
  explorePt,
  isPtExploreError,
  type PtExploreResult,
  type PtProgress,
} from '../../model/pt-explore.ts';

type RawExploreArgs = { file: string; maxStates?: string | undefined; json: boolean };

/** The command's options with defaults filled in and values checked. */
type ExploreConfig = Readonly<{ file: string; maxStates: number | undefined; json: boolean }>;

type Resolved = { kind: 'ok'; config: ExploreConfig } | { kind: 'bad-input'; message: string };

const resolveExploreConfig = (args: RawExploreArgs): Resolved => {
  if (args.maxStates === undefined)
    return { kind: 'ok', config: { file: args.file, maxStates: undefined, json: args.json } };
  const text = String(args.maxStates).trim();
  const maxStates = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(maxStates) || maxStates < 1) {
    return { kind: 'bad-input', message: `--max-states must be a positive integer, got "${text}"` };
  }
  return { kind: 'ok', config: { file: args.file, maxStates, json: args.json } };
};

const count = (n: number): string => n.toLocaleString('en-US');

const summary = (net: string, result: PtExploreResult, seconds: number): string => {
  const status = result.complete ? 'complete' : `incomplete: stopped by ${result.stoppedBy} limit`;
  return (
    `${net}: ${count(result.states)} states, ${count(result.edges)} edges, ` +
    `${result.deadlock ? 'has a deadlock' : 'no deadlock'}\n` +
    `  max tokens in a place: ${count(result.maxTokensInPlace)}, ` +
    `per marking: ${count(result.maxTokensPerMarking)}\n` +
    `  ${status}, ${seconds.toFixed(2)} s\n`
  );
};

const showProgress = (progress: PtProgress): void => {
  process.stderr.write(
    `\r  ${count(progress.states)} states, ${count(progress.edges)} edges, ` +
      `frontier ${count(progress.frontier)}, ${progress.seconds.toFixed(1)} s   `,
  );
};

const badInput = (message: string): void => {
  process.stderr.write(`sesphr explore: ${message}\n`);
  process.exitCode = 2;
};

const run = (config: ExploreConfig): void => {
  let xml: string;
  try {
    xml = readFileSync(config.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    badInput(`cannot read ${config.file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`);
    return;
  }
  try {
    const net = parsePnml(xml, config.file);
    const live = process.stderr.isTTY === true;
    const started = performance.now();
    const result = explorePt(net, {
      ...(config.maxStates === undefined ? {} : { maxStates: config.maxStates }),
      ...(live ? { onProgress: showProgress } : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    if (live) process.stderr.write('\r\x1b[K');
    if (config.json) {
      const figures = {
        net: net.name,
        states: result.states,
        edges: result.edges,
        deadlock: result.deadlock,
        maxTokensInPlace: result.maxTokensInPlace,
        maxTokensPerMarking: result.maxTokensPerMarking,
        complete: result.complete,
        seconds: Math.round(seconds * 1000) / 1000,
      };
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    } else {
      process.stdout.write(summary(net.name, result, seconds));
    }
  } catch (error) {
    if (isPnmlError(error) || isPtExploreError(error)) badInput(error.message);
    else throw error;
  }
};

/** The `explore` command module. */
export const exploreCommand: CommandModule<object, RawExploreArgs> = {
  command: 'explore <file>',
  describe: 'Explore the state space of a PNML place/transition net (Model Checking Contest figures)',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'a PNML file holding one P/T net' })
      .option('max-states', {
        type: 'string',
        describe: 'stop after storing this many states (the result then says complete: false)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object on stdout' })
      .example('$0 explore Kanban-PT-00005.pnml --json', 'figures as JSON'),
  handler: (args: ArgumentsCamelCase<RawExploreArgs>) => {
    const resolved = resolveExploreConfig(args);
    switch (resolved.kind) {
      case 'ok':
        run(resolved.config);
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
