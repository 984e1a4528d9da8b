import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sesphr } from './sesphr-process.ts';

describe('sesphr campaign', () => {
  it('finds the otp-leak flaw, writes the shrunk scenario under --out and exits 1', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sesphr-campaign-')), 'campaigns');
    const { code, stdout, stderr } = await sesphr(
      'campaign',
      '--variant',
      'otp-leak',
      '--seed',
      '42',
      '--runs',
      '200',
      '--json',
      '--out',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ seed: 42, variant: 'otp-leak', runs: 200, length: 6, passed: false });
    expect(summary.finding).toMatchObject({
      kind: 'property',
      property: 'P12',
      expectedForVariant: true,
      step: 1,
      op: 'download',
      operations: 2,
      replays: true,
      file: join(out, 'otp-leak-42.yaml'),
    });
    expect(readdirSync(out)).toEqual(['otp-leak-42.yaml']);
  });

  it('reports no finding on a short secure campaign and exits 0', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sesphr-campaign-')), 'campaigns');
    const { code, stdout } = await sesphr('campaign', '--runs', '5', '--seed', '3', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^campaign: 5 sequences of up to 6 operations, variant secure, seed 3: no finding \(\d+ steps; \d+\.\d s, \d+\.\d sequences\/s\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on bad options with the reason, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesphr-campaign-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const cases = await Promise.all([
      sesphr('campaign', '--runs', '0'),
      sesphr('campaign', '--length', '99'),
      sesphr('campaign', '--seed', '-1'),
      sesphr('campaign', '--variant', 'leaky'),
      sesphr('campaign', '--runs', '1', '--out', file),
    ]);
    expect(cases.map((c) => [c.code, c.stdout])).toEqual(Array(5).fill([2, '']));
    expect(cases.map((c) => c.stderr)).toEqual([
      'sesphr campaign: --runs must be a whole number from 1 to 1,000,000, got "0"\n',
      'sesphr campaign: --length must be a whole number from 1 to 50, got "99"\n',
      'sesphr campaign: --seed must be a whole number from 0 to 2,147,483,647, got "-1"\n',
      'sesphr campaign: --variant must be one of secure, otp-leak, revocation-keeps-acl, got "leaky"\n',
      `sesphr campaign: --out: ${file} is a file, not a directory\n`,
    ]);
    expect(readdirSync(dir)).toEqual(['a-file']);
  });
});
