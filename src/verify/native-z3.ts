/**
 * Runs the native `z3` command (Debian package `z3`) on exported SMT-LIB files, so that anyone can
 * confirm a verdict's queries outside this tool, and the test suite can check that the exported
 * text means what the in-process solver answered.
 */
import { execFile, spawnSync } from 'node:child_process';
import type { CheckSatResult } from 'z3-solver';
import { parseCheckSatAnswer } from './smtlib.ts';

/** The first line of `z3 --version`, or `null` when the command is not on PATH. */
export function nativeZ3Version(command = 'z3'): string | null {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) return null;
  return r.stdout.split('\n')[0]?.trim() ?? null;
}

/** What native z3 said about one file: its answer (`null` if it printed none) and its output. */
export interface NativeZ3Run {
  readonly answer: CheckSatResult | null;
  readonly output: string;
}

/** Runs `command file` with a hard time limit; a killed or failing run yields `answer: null`. */
export function runNativeZ3(
  file: string,
  options: { readonly timeoutMs: number; readonly command?: string },
): Promise<NativeZ3Run> {
  const seconds = Math.max(1, Math.ceil(options.timeoutMs / 1000));
  return new Promise((resolve) => {
    execFile(
      options.command ?? 'z3',
      [`-T:${seconds}`, file],
      { timeout: options.timeoutMs + 5000, encoding: 'utf8' },
      (_error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        resolve({ answer: parseCheckSatAnswer(stdout), output });
      },
    );
  });
}
