/**
 * The report's I/O shell: reads the result files (a missing one is "not run", a broken one
 * "unreadable"), finds the counterexample files the verifier names, and writes index.html and
 * index.json through temporary files, leaving nothing else behind.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReportPaths, makeReport } from '../../../src/sim/report/make-report.ts';
import { readCounterexamples, readSection } from '../../../src/sim/report/read-inputs.ts';
import { parseVerifyOutput } from '../../../src/sim/report/verify-result.ts';
import { fixturePath, fixtureText } from './fixtures.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'sesphr-report-'));

describe('makeReport', () => {
  it('writes index.html and index.json from the fixture files and leaves no temporary file', async () => {
    const out = scratch();
    const { written, data } = await makeReport({
      out,
      paths: {
        run: fixturePath('run-sample.jsonl'),
        trace: fixturePath('trace-sample.jsonl'),
        verify: fixturePath('verify.json'),
        bench: fixturePath('bench.json'),
      },
    });
    expect(readdirSync(out).sort()).toEqual(['index.html', 'index.json']);
    expect(written).toEqual({ html: join(out, 'index.html'), json: join(out, 'index.json') });
    const json = JSON.parse(readFileSync(written.json, 'utf8'));
    expect([json.report, json.formatVersion, json.summary.line]).toEqual([
      'sesphr-report',
      1,
      data.summary.line,
    ]);
    expect(data.summary.line).toBe(
      'FAIL: 1 of 2 scenarios passed (failed: revocation-cached-parameters); 12 of 12 properties as the SPEC expects; quick benchmark in 25.6 s',
    );
    expect(readFileSync(written.html, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('makes a page of missing inputs under the default layout, every one not run', async () => {
    const out = scratch();
    const { data } = await makeReport({ out, paths: defaultReportPaths(out) });
    expect(Object.values(data.inputs).map((i) => i.state)).toEqual([
      'not-run',
      'not-run',
      'not-run',
      'not-run',
    ]);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'index.json']);
  });
});

describe('reading the inputs', () => {
  it('reads a broken file as unreadable with its problem, a folder as unreadable, a missing one as not run', async () => {
    const dir = scratch();
    const broken = join(dir, 'results.jsonl');
    writeFileSync(broken, '{"scenario": "a"');
    const parse = (t: string) => parseVerifyOutput(t);
    expect(await readSection(broken, parse)).toMatchObject({
      kind: 'unreadable',
      problem: expect.stringMatching(/^not JSON: /),
    });
    expect(await readSection(dir, parse)).toMatchObject({
      kind: 'unreadable',
      problem: expect.stringContaining('EISDIR'),
    });
    expect(await readSection(join(dir, 'absent.json'), parse)).toMatchObject({ kind: 'not-run' });
  });

  it('finds a counterexample file beside the verifier output, keeps inline YAML, and says which file is missing', async () => {
    const verifyPath = fixturePath('verify.json');
    const verify = await readSection(verifyPath, parseVerifyOutput);
    const found = await readCounterexamples(verify, verifyPath);
    expect([...found.keys()]).toEqual(['P6', 'P8']);
    expect(found.get('P6')).toMatchObject({
      kind: 'file',
      path: expect.stringMatching(/test\/sim\/report\/fixtures\/P6-counterexample\.yaml$/),
      yaml: fixtureText('P6-counterexample.yaml'),
    });
    expect(found.get('P8')).toMatchObject({
      kind: 'inline',
      yaml: expect.stringMatching(/^name: counterexample-P8\n/),
    });

    const moved = join(scratch(), 'verify.json');
    writeFileSync(moved, fixtureText('verify.json'));
    const elsewhere = await readCounterexamples(await readSection(moved, parseVerifyOutput), moved);
    expect(elsewhere.get('P6')).toEqual({
      kind: 'unreadable',
      path: 'P6-counterexample.yaml',
      problem: 'no such file',
    });
  });
});
