/**
 * The `sesphr bench` contract for bad input, run as a user runs it (`node bin/sesphr.js bench …`):
 * exit 2, the reason on stderr, nothing on stdout, and no benchmark started. Each case is its own
 * process, so they run concurrently.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

type Run = Readonly<{ code: number; stdout: string; stderr: string }>;

const sesphr = (...args: string[]): Promise<Run> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      [join(repository, 'bin/sesphr.js'), ...args],
      { cwd: repository },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });

const scratch = mkdtempSync(join(tmpdir(), 'sesphr-bench-cli-'));
const aFile = join(scratch, 'not-a-folder.txt');
writeFileSync(aFile, 'x');

describe.concurrent('sesphr bench, bad input', () => {
  it('refuses --out naming a file', async () => {
    const run = await sesphr('bench', '--quick', '--out', aFile);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`sesphr bench: --out: ${aFile} is a file, not a directory\n`);
  });

  it('refuses --out under a file', async () => {
    const run = await sesphr('bench', '--quick', '--out', join(aFile, 'charts'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `sesphr bench: --out: ${aFile} is a file, so ${join(aFile, 'charts')} cannot be made\n`,
    );
  });

  it('refuses an unknown flag, naming it', async () => {
    const run = await sesphr('bench', '--quik');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('sesphr: Unknown argument: quik');
  });

  it('refuses a bucket count that is not a positive integer', async () => {
    const run = await sesphr('bench', '--buckets', '0');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sesphr bench: --buckets must be a positive integer, got "0"\n');
  });
});
