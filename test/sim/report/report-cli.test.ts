import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sesphrWith } from '../../cli/sesphr-process.ts';
import { fixturePath } from './fixtures.ts';

describe.concurrent('sesphr report', () => {
  it('writes the page from the given files and prints its path and the verdict', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sesphr-report-cli-'));
    const run = await sesphrWith(
      { cwd: cwd },
      'report',
      '--out',
      'site',
      '--run',
      fixturePath('run-sample.jsonl'),
      '--trace',
      fixturePath('trace-sample.jsonl'),
      '--verify',
      fixturePath('verify.json'),
      '--bench',
      fixturePath('bench.json'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'site/index.html\nFAIL: 1 of 2 scenarios passed (failed: revocation-cached-parameters); ' +
        '12 of 12 properties as the SPEC expects; quick benchmark in 25.6 s\n',
    );
    expect(existsSync(join(cwd, 'site/index.json'))).toBe(true);
  });

  it('makes a page of "not run" sections when no result file exists', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sesphr-report-cli-'));
    const run = await sesphrWith({ cwd: cwd }, 'report');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'reports/index.html\nFAIL: scenarios not run; verification not run; benchmark not run\n',
    );
  });

  it('refuses --out naming a file, with exit 2 and nothing on stdout', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sesphr-report-cli-'));
    writeFileSync(join(cwd, 'file'), 'x');
    const run = await sesphrWith({ cwd: cwd }, 'report', '--out', 'file');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `sesphr report: --out: ${join(cwd, 'file')} is a file, not a directory\n`,
    });
  });
});
