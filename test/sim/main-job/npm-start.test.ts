/**
 * The main job end to end, as a newcomer runs it: `npm start` on this checkout (with `--out` a
 * temporary folder, so reports/ is left alone) runs every bundled scenario, the verifier and the
 * quick benchmark as child processes and writes index.html listing every scenario and every
 * property. It takes a minute or two: it runs the real stages.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_NAMES } from '../report/fixtures.ts';
import { pageText } from '../report/page-markup.ts';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

type Run = Readonly<{ code: number; stdout: string; stderr: string }>;

const npmStart = (out: string): Promise<Run> =>
  new Promise((done) => {
    execFile(
      'npm',
      ['start', '--silent', '--', '--out', out],
      { cwd: repository, maxBuffer: 64 * 1024 * 1024, timeout: 1_200_000 },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });

describe('npm start', () => {
  const out = mkdtempSync(join(tmpdir(), 'sesphr-npm-start-'));
  let run: Run;
  beforeAll(async () => {
    run = await npmStart(out);
  }, 1_200_000);

  it('is the main job: package.json starts `sesphr all`', () => {
    const scripts = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')).scripts;
    expect(scripts.start).toBe('tsx src/cli/main.ts all');
  });

  it('prints each stage with its time on stderr, and the page and the verdict on stdout', () => {
    for (const stage of ['[1/4] run', '[2/4] verify', '[3/4] bench', '[4/4] report']) {
      expect(run.stderr).toMatch(
        new RegExp(
          `^${stage.replace(/[[\]/]/g, '\\$&')}: .* in \\d+\\.\\d s \\(\\d+\\.\\d s elapsed\\)$`,
          'm',
        ),
      );
    }
    const [page, verdict, ...rest] = run.stdout.trimEnd().split('\n');
    expect(page).toBe(join(out, 'index.html'));
    expect(verdict).toMatch(/^PASS: /);
    expect(rest).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('writes index.html and index.json with every bundled scenario passed and every property listed', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const data = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(data.stages.map((s: { stage: string }) => s.stage)).toEqual(['run', 'verify', 'bench']);
    expect(data.scenarios.map((s: { name: string }) => s.name)).toEqual(BUNDLED_NAMES);
    expect(data.summary.scenarios).toEqual({
      state: 'present',
      total: BUNDLED_NAMES.length,
      passed: BUNDLED_NAMES.length,
      failed: [],
    });
    expect(data.verification.properties.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([
        'P1',
        'P2',
        'P3',
        'P4',
        'P5',
        'P6',
        'P7',
        'P8',
        'P9',
        'P10',
        'P11',
        'P12',
        'P13',
      ]),
    );
    const text = pageText(readFileSync(join(out, 'index.html'), 'utf8'));
    for (const name of BUNDLED_NAMES) expect(text).toContain(`${name} passed`);
  });

  it('ran the scenarios and the quick benchmark, each stage exiting 0, and left their results under --out', () => {
    const data = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const kinds = Object.fromEntries(
      data.stages.map((s: { stage: string; kind: string }) => [s.stage, s.kind]),
    );
    expect([kinds.run, kinds.bench]).toEqual(['passed', 'passed']);
    for (const file of [
      'run/results.jsonl',
      'run/trace.jsonl',
      'bench/bench.json',
      'bench/fig4-encrypt.svg',
    ]) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    expect(data.bench.mode).toBe('quick');
  });

  it('verified every property as the SPEC expects', () => {
    const data = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const verify = data.stages.find((s: { stage: string }) => s.stage === 'verify');
    expect(verify.kind).toBe('passed');
    expect(data.summary.properties).toMatchObject({ state: 'present', unexpected: [], notRun: [] });
  });
});
