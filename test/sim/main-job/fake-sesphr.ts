/**
 * Test helper: a stand-in for `sesphr` that the main job can launch as a child process. Each
 * command behaves as the test scripts it (print this on stdout, that on stderr, copy a file into
 * `--out`, exit with a code, or hang), so the orchestration is tested in a second, without the
 * real scenarios, verifier or benchmark.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Launcher } from '../../../src/sim/main-job/run-stage.ts';

/** What one command of the stand-in does. */
export interface FakeCommand {
  readonly stdout?: string;
  readonly stderr?: string;
  /** Copies this file to `<--out>/<its base name>` before exiting. */
  readonly copyToOut?: string;
  readonly exitCode?: number;
  /** Never exits (until killed). */
  readonly hang?: boolean;
}

/** Writes the stand-in and returns the launcher that runs it. */
export function fakeSesphr(commands: Readonly<Record<string, FakeCommand>>): Launcher {
  const dir = mkdtempSync(join(tmpdir(), 'fake-sesphr-'));
  const script = join(dir, 'fake-sesphr.mjs');
  writeFileSync(
    script,
    `import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
const commands = ${JSON.stringify(commands)};
const [name, ...args] = process.argv.slice(2);
const command = commands[name];
if (command === undefined) { process.stderr.write('no such command ' + name + '\\n'); process.exit(2); }
if (command.stdout) process.stdout.write(command.stdout);
if (command.stderr) process.stderr.write(command.stderr);
if (command.copyToOut) {
  const out = args[args.indexOf('--out') + 1];
  copyFileSync(command.copyToOut, join(out, basename(command.copyToOut)));
}
if (command.hang) setInterval(() => {}, 1000);
else process.exitCode = command.exitCode ?? 0;
`,
  );
  return { node: process.execPath, prefix: [script] };
}
