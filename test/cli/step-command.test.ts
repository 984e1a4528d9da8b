import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sesphrWith } from './sesphr-process.ts';

/** The first line of every view, in order: where the student stood after each command. */
const headers = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('start · ') || l.startsWith('firing ') || l.startsWith('no '));

describe('sesphr step --script', () => {
  it('walks forward and back through a scenario', async () => {
    const { code, stdout, stderr } = await sesphrWith(
      { input: 'n\nn\nb\nb\nj 2\nq\n' },
      'step',
      'scenarios/otp-leak.yaml',
      '--script',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(headers(stdout)).toEqual([
      'start · scenarios/otp-leak.yaml (otp-leak), variant otp-leak, seed leak: 35 firings over 4 steps · 2026-01-01T00:00:00Z',
      'firing 1 of 35 · step 0 upload (scenarios/otp-leak.yaml:18) · 2026-01-01T00:00:00Z',
      'firing 2 of 35 · step 0 upload (scenarios/otp-leak.yaml:18) · 2026-01-01T00:00:00Z',
      'firing 1 of 35 · step 0 upload (scenarios/otp-leak.yaml:18) · 2026-01-01T00:00:00Z',
      'start · scenarios/otp-leak.yaml (otp-leak), variant otp-leak, seed leak: 35 firings over 4 steps · 2026-01-01T00:00:00Z',
      'firing 34 of 35 · step 2 request (scenarios/otp-leak.yaml:21) · 2026-01-01T00:00:00Z',
    ]);
    const lines = stdout.split('\n');
    const granted = lines.indexOf(
      'firing 34 of 35 · step 2 request (scenarios/otp-leak.yaml:21) · 2026-01-01T00:00:00Z',
    );
    expect(lines[granted + 1]).toBe('D_R_S/bob  [rule 31, bob, call request] → granted');
    const knowledge = lines.indexOf('  knowledge:', granted);
    expect(lines.slice(knowledge, knowledge + 3)).toEqual([
      '  knowledge:',
      '    bob: + parameter(f1,medical,1,bob)',
      '    srs: + parameter(f1,medical,1,bob)',
    ]);
    expect(lines).toContain('  step 2 request done: granted; expected granted: met');
    expect(stdout).not.toContain('›');
  });

  it('gives the same views on every run (no timings, seeded values)', async () => {
    const [a, b] = await Promise.all([
      sesphrWith({ input: 'n\nn\nn\n' }, 'step', 'scenarios/tamper-tag-check.yaml'),
      sesphrWith({ input: 'n\nn\nn\n' }, 'step', 'scenarios/tamper-tag-check.yaml', '--script'),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(headers(a.stdout)).toHaveLength(4);
  });

  it('steps a trace file by replaying its scenario with its seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesphr-step-'));
    const trace = join(dir, 'trace.jsonl');
    const ran = await sesphrWith(
      { input: '' },
      'run',
      'scenarios/otp-leak.yaml',
      'scenarios/tpa-audit.yaml',
      '--trace',
      trace,
      '--json',
    );
    expect(ran.code).toBe(0);
    const stepped = await sesphrWith({ input: 'n\nq\n' }, 'step', trace, '--scenario', 'tpa-audit');
    expect(stepped.code).toBe(0);
    expect(stepped.stdout.split('\n').slice(0, 2)).toEqual([
      'replaying tpa-audit from scenarios/tpa-audit.yaml with seed audit',
      'start · scenarios/tpa-audit.yaml (tpa-audit), variant secure, seed audit: 83 firings over 7 steps · 2026-01-01T00:00:00Z',
    ]);
    expect(headers(stepped.stdout)[1]).toBe(
      'firing 1 of 83 · step 0 upload (scenarios/tpa-audit.yaml:15) · 2026-01-01T00:00:00Z',
    );
  });

  it('refuses bad input with exit 2 and the reason on stderr only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesphr-step-'));
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"scenario":"x"}\n');
    const cases = await Promise.all([
      sesphrWith({ input: '' }, 'step', join(dir, 'missing.yaml')),
      sesphrWith({ input: '' }, 'step', bad),
      sesphrWith({ input: '' }, 'step', 'scenarios/otp-leak.yaml', '--seed', ''),
    ]);
    for (const c of cases) {
      expect(c.code).toBe(2);
      expect(c.stdout).toBe('');
    }
    expect(cases[0]!.stderr).toContain('missing.yaml: cannot read the file: ENOENT');
    expect(cases[1]!.stderr).toBe(
      `${bad}:1: not a trace line: source: Invalid input: expected string, received undefined\n`,
    );
    expect(cases[2]!.stderr).toBe('sesphr step: --seed must not be empty\n');
  });
});
