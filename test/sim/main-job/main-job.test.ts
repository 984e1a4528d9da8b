/**
 * The main job's orchestration with a stand-in `sesphr`: every stage runs in order even after one
 * fails, the failure is on the page and in the exit code, progress names each stage with its
 * time, and the report is written from what the stages left.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMainJob } from '../../../src/sim/main-job/main-job.ts';
import { bundledRunFiles, fixturePath, fixtureText } from '../report/fixtures.ts';
import { pageText } from '../report/page-markup.ts';
import { fakeSesphr } from './fake-sesphr.ts';

describe('runMainJob', () => {
  it('runs every stage even after one fails, reports the failure on the page, and exits 1', async () => {
    const out = mkdtempSync(join(tmpdir(), 'main-job-'));
    const files = bundledRunFiles();
    const launcher = fakeSesphr({
      run: { stdout: files.results },
      verify: { stderr: 'sesphr verify: <z3> ran out of memory\n', exitCode: 1 },
      bench: { copyToOut: fixturePath('bench.json') },
    });
    const log: string[] = [];
    const result = await runMainJob({ out, scenarios: '/s', launcher }, (line) => log.push(line));

    expect(result.stages.map((s) => [s.stage, s.kind])).toEqual([
      ['run', 'passed'],
      ['verify', 'failed'],
      ['bench', 'passed'],
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.report).toMatchObject({
      kind: 'written',
      html: join(out, 'index.html'),
      ok: false,
      line: expect.stringMatching(
        /^FAIL: 17 of 17 scenarios passed; verification not run; quick benchmark in 25\.6 s; failed stages: verify$/,
      ),
    });
    expect(
      log
        .filter((l) => /^\[\d\/4\] \w+: (passed|exit \d+|wrote) /.test(l))
        .map((l) => l.replace(/ in .*$/, '')),
    ).toEqual([
      '[1/4] run: passed',
      '[2/4] verify: exit 1',
      '[3/4] bench: passed',
      `[4/4] report: wrote ${join(out, 'index.html')}`,
    ]);
    expect(log).toContain('    sesphr verify: <z3> ran out of memory');

    const page = readFileSync(join(out, 'index.html'), 'utf8');
    const text = pageText(page);
    expect(text).toContain('Stages of the main job');
    expect(text).toContain('verify: the end of its stderr sesphr verify: <z3> ran out of memory');
    expect(page).toContain('&lt;z3&gt;');
    const data = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(data.stages.map((s: { stage: string; kind: string }) => `${s.stage} ${s.kind}`)).toEqual([
      'run passed',
      'verify failed',
      'bench passed',
    ]);
    expect(data.bench.seed).toBe(JSON.parse(fixtureText('bench.json')).seed);
  });

  it('exits 0 when every stage passes and the page says PASS', async () => {
    const out = mkdtempSync(join(tmpdir(), 'main-job-'));
    const launcher = fakeSesphr({
      run: { stdout: bundledRunFiles().results },
      verify: { stdout: fixtureText('verify.json') },
      bench: { copyToOut: fixturePath('bench.json') },
    });
    const result = await runMainJob({ out, scenarios: '/s', launcher }, () => {});
    expect(result.report).toMatchObject({ kind: 'written', ok: true });
    expect(result.exitCode).toBe(0);
  });
});
