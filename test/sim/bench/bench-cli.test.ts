import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sesphr } from '../../cli/sesphr-process.ts';

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
