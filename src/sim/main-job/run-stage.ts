/**
 * Runs one stage as a child process: `sesphr <args>` through tsx, as `bin/sesphr.js` does. The
 * child's stdout goes to the stage's result file (through a temporary file and a rename), its
 * stderr is passed on line by line, indented, and its last lines are kept for the page. A stage
 * that outlives its limit is stopped. A child process keeps a stage's crash, exit code and memory
 * to itself, so the stages after it still run.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { StageOutcome } from '../report/stage-outcome.ts';
import type { StagePlan } from './stage-plan.ts';

/** How to start `sesphr`: the node binary and the arguments before the command's own. */
export interface Launcher {
  readonly node: string;
  readonly prefix: readonly string[];
}

/** How much of a failing stage's stderr the page shows. */
const TAIL_LINES = 30;

/** Grace between asking a stage to stop and forcing it to. */
const KILL_GRACE_MS = 5_000;

/** Keeps the last lines of a stream and passes each complete line to `onLine`. */
function lineSink(onLine: (line: string) => void) {
  let partial = '';
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    onLine(line);
  };
  return {
    write(chunk: string) {
      const lines = (partial + chunk).split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim().length > 0) keep(line);
    },
    end(): string {
      if (partial.trim().length > 0) keep(partial);
      partial = '';
      return tail.join('\n');
    },
  };
}

const sizeOf = async (path: string): Promise<number> => {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
};

/**
 * Runs `plan` and says how it ended. `command` is how the stage is shown; `onLine` gets each
 * stderr line. Never throws for the stage's own failures.
 */
export async function runStage(
  plan: StagePlan,
  launcher: Launcher,
  command: string,
  onLine: (line: string) => void,
): Promise<StageOutcome> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  for (const file of plan.stale) await rm(file, { force: true });
  for (const folder of plan.folders) await mkdir(folder, { recursive: true });
  const temporary = plan.stdoutFile === undefined ? undefined : `${plan.stdoutFile}.${process.pid}.tmp`;
  const out = temporary === undefined ? undefined : createWriteStream(temporary);
  const stderr = lineSink(onLine);

  const ended = await new Promise<
    | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null; timedOut: boolean }
    | { kind: 'error'; reason: string }
  >((done) => {
    const child = spawn(launcher.node, [...launcher.prefix, ...plan.args], {
      stdio: ['ignore', out === undefined ? 'ignore' : 'pipe', 'pipe'],
    });
    let timedOut = false;
    let force: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      force = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, plan.timeoutSeconds * 1000);
    if (out !== undefined) child.stdout?.pipe(out);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => stderr.write(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      clearTimeout(force);
      done({ kind: 'error', reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(force);
      done({ kind: 'exit', code, signal, timedOut });
    });
  });
  if (out !== undefined) await new Promise<void>((done) => out.end(done));
  const stderrTail = stderr.end();

  // A stage that printed nothing leaves no result file: the page then says "not run" rather than
  // "unreadable", which is what happened.
  if (temporary !== undefined && plan.stdoutFile !== undefined) {
    if ((await sizeOf(temporary)) > 0) await rename(temporary, plan.stdoutFile);
    else await rm(temporary, { force: true });
  }

  const base = { stage: plan.name, command, seconds: seconds() };
  if (ended.kind === 'error') return Object.freeze({ kind: 'not-started', ...base, reason: ended.reason });
  if (ended.timedOut) {
    return Object.freeze({
      kind: 'killed',
      ...base,
      reason: `timed out after ${plan.timeoutSeconds} s`,
      stderrTail,
    });
  }
  if (ended.code === null) {
    return Object.freeze({
      kind: 'killed',
      ...base,
      reason: `signal ${ended.signal ?? 'unknown'}`,
      stderrTail,
    });
  }
  if (ended.code === 0) return Object.freeze({ kind: 'passed', ...base });
  return Object.freeze({ kind: 'failed', ...base, exitCode: ended.code, stderrTail });
}
