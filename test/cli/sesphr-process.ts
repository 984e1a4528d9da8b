/**
 * Runs the `sesphr` command as a user does, `node bin/sesphr.js …`, in its own process, so the
 * CLI tests check the real contract: exit code, stdout and stderr.
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What a finished `sesphr` process left: its exit code (-1 when it had none) and its output. */
export type Run = Readonly<{ code: number; stdout: string; stderr: string }>;

/** Where to run and what to feed: `cwd` defaults to the checkout, `input` to nothing (stdin closed). */
export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string;
}

/** Runs `sesphr args…` with `options` and resolves when it has exited. */
export const sesphrWith = (options: RunOptions, ...args: string[]): Promise<Run> =>
  new Promise((done) => {
    const child = execFile(
      process.execPath,
      [join(repository, 'bin/sesphr.js'), ...args],
      { cwd: options.cwd ?? repository },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });

/** Runs `sesphr args…` in the checkout with no input. */
export const sesphr = (...args: string[]): Promise<Run> => sesphrWith({}, ...args);
