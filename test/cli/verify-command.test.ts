import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repository, sesphr } from './sesphr-process.ts';

describe('sesphr verify', () => {
  it('--property P4 P6 --json: one JSON object, the attack as a scenario that sesphr run replays, exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sesphr-verify-'));
    const run = await sesphr('verify', '--property', 'P4', 'P6', '--json', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.instance).toMatchObject({ users: 1, files: 1, variant: 'secure' });
    expect(json.results.map((r: { id: string; verdict: string }) => [r.id, r.verdict])).toEqual([
      ['P4', 'proved'],
      ['P6', 'violated'],
      ['P2', 'tested'],
    ]);
    const [p4, p6] = json.results;
    expect(p4).toMatchObject({
      engine: 'bdd',
      coalition: ['cloud'],
      mutants: [{ name: 'upload-in-the-clear', verdict: 'violated' }],
    });
    expect(p6).toMatchObject({
      engine: 'bdd',
      confirmedBy: { engine: 'bmc', verdict: 'violated' },
      mutants: [],
    });
    expect(p6.trace).toHaveLength(6);
    expect(p6.scenario).toBe(join(out, 'verify-secure-P6.yaml'));
    for (const file of ['times.json', 'times.md', 'sesphr-secure.P6.bmc.depth-6.smt2']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    expect(readFileSync(join(out, 'sesphr-secure.P6.bmc.depth-6.smt2'), 'utf8')).toMatch(/answered sat/);
    const replay = await sesphr('run', p6.scenario);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/^PASS /);
  });

  it.concurrent.each([
    [['--users', '0'], '--users must be a whole number from 1 to 5, got "0"'],
    [['--engine', 'z3'], '--engine must be one of auto, bdd, bmc, kind, chc, got "z3"'],
    [['--variant', 'lax'], '--variant must be one of secure, otp-leak, revocation-keeps-acl, got "lax"'],
    [['--property', 'P99'], '--property: no property P99'],
    [['--timeout', '-1'], '--timeout must be a positive number of seconds, got "-1"'],
    [['--out', 'package.json'], `--out: ${join(repository, 'package.json')} is a file, not a directory`],
  ])('refuses %j with exit 2 and the reason', async (flags, reason) => {
    const run = await sesphr('verify', ...flags);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`sesphr verify: ${reason}`);
  });
});
