/**
 * The report reads other commands' output files against their JSON contracts: exact values from
 * the fixtures, and a precise problem (line, field) for files that break the contract.
 */
import { describe, expect, it } from 'vitest';
import { parseBenchSummary } from '../../../src/sim/report/bench-summary.ts';
import { parseRunResults } from '../../../src/sim/report/run-result.ts';
import { parseTraceRecords } from '../../../src/sim/report/trace-record.ts';
import { isInlineScenario, parseVerifyOutput } from '../../../src/sim/report/verify-result.ts';
import { fixtureText } from './fixtures.ts';

const parsed = <T>(result: { kind: 'parsed'; value: T } | { kind: 'invalid'; problem: string }): T => {
  if (result.kind === 'invalid') throw new Error(result.problem);
  return result.value;
};

describe('sesphr run --json results', () => {
  it('reads every scenario line, with null for a step without expectation and the seed as text', () => {
    const runs = parsed(parseRunResults(fixtureText('run-sample.jsonl')));
    expect(runs.map((r) => [r.scenario, r.passed, r.seed])).toEqual([
      ['paper-upload-share-download', true, 'paper-flow'],
      ['revocation-cached-parameters', false, '7'],
    ]);
    expect(runs[0]!.steps[0]).toEqual({
      index: 0,
      op: 'upload',
      outcome: 'ok',
      expected: null,
      ok: true,
      transitions: ['Gen_ri', 'Encrypt_Pi', 'Compt_R', 'Send_C', 'Send_Ri'],
      ms: 12.5,
    });
    expect(runs[1]!.steps[0]!.transitions).toBe(3);
    expect(runs[1]!.divergence).toBe(
      'step 0 decrypt (scenarios/revocation-cached-parameters.yaml:20): the net says fails, the protocol says ok',
    );
    expect('divergence' in runs[0]!).toBe(false);
  });

  it('names the line and the field that break the contract', () => {
    expect(parseRunResults('{"scenario":"a","passed":true,"steps":[]}\n{"scenario":"b","steps":[]}')).toEqual(
      {
        kind: 'invalid',
        problem: 'line 2: passed: Invalid input: expected boolean, received undefined',
      },
    );
    expect(parseRunResults('\n\nnot json')).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/^line 3: not JSON/),
    });
    const badStep =
      '{"scenario":"a","passed":true,"steps":[{"index":0,"op":"x","outcome":"ok","ok":true,"transitions":[],"ms":-1}]}';
    expect(parseRunResults(badStep)).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/^line 1: steps\.0\.ms: /),
    });
  });

  it('reads an empty file as no scenarios', () => {
    expect(parseRunResults('')).toEqual({ kind: 'parsed', value: [] });
  });
});

describe('sesphr run --trace records', () => {
  it('reads each firing, skipping blank lines, with ISO instants turned into unix seconds and object bindings into text', () => {
    const records = parsed(parseTraceRecords(fixtureText('trace-sample.jsonl')));
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual({
      scenario: 'paper-upload-share-download',
      index: 0,
      step: 0,
      transition: 'Gen_ri',
      binding: 'o=alice, f=f1',
      actor: 'alice',
      outcome: 'ok',
      call: 'drawR',
      simulatedTime: 1_767_225_600,
      ms: 1.5,
    });
    expect(records[1]!.simulatedTime).toBe(1_767_225_600);
    expect(records[1]!.binding).toBe('o=alice, p=medical');
    expect(records[3]!.reason).toBe('revoked');
  });

  it('refuses a simulated time that is not an instant, naming the line', () => {
    const line = JSON.stringify({
      scenario: 's',
      index: 0,
      step: 0,
      transition: 't',
      binding: '',
      actor: 'a',
      outcome: 'ok',
      simulatedTime: 'yesterday',
      ms: 0,
    });
    expect(parseTraceRecords(`\n${line}`)).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/^line 2: simulatedTime: /),
    });
  });
});

describe('sesphr verify --json output', () => {
  it('reads the instance and every result with its invariant, trace, scenario and mutants', () => {
    const out = parsed(parseVerifyOutput(fixtureText('verify.json')));
    expect(out.instance.depth).toBe(12);
    expect(out.results.map((r) => r.id)).toEqual([
      'P1',
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
    ]);
    const p1 = out.results[0]!;
    expect(p1).toEqual({
      id: 'P1',
      verdict: 'proved',
      engine: 'chc',
      seconds: 0.8,
      invariant: '(and (=> (K_R ?u ?f ?p) (acl ?u ?f ?p)) (<= version 1))',
      mutants: [{ name: 'p1-guard-dropped', verdict: 'violated' }],
    });
    const p6 = out.results[4]!;
    expect([p6.verdict, p6.scenario, p6.mutants]).toEqual(['violated', 'P6-counterexample.yaml', []]);
    expect(isInlineScenario(p6.scenario!)).toBe(false);
    expect(isInlineScenario(out.results[6]!.scenario!)).toBe(true);
  });

  it('refuses an output without results', () => {
    expect(parseVerifyOutput('{"instance":{}}')).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/^results: /),
    });
  });
});

describe('bench.json', () => {
  it('keeps the figures, ratios, per-operation costs and the comparisons with their ratios', () => {
    const bench = parsed(parseBenchSummary(fixtureText('bench.json')));
    expect([bench.mode, bench.seed, bench.seconds]).toEqual(['quick', 'sesphr-bench', 25.6]);
    expect(bench.figures.map((f) => f.figure)).toEqual([
      'fig3-keygen',
      'fig4-encrypt',
      'fig5-decrypt',
      'fig6-turnaround',
    ]);
    expect(bench.ratios.map((r) => r.ratio)).toEqual([5.9115, 13.0125, 1.7658]);
    expect(bench.operations.map((o) => o.op)).toEqual([
      'key pair',
      'pairing',
      'K = Z^r',
      'R computation',
      're-encryption key',
      're-encryption',
      'decapsulate',
      'decryption per partition',
    ]);
    expect(bench.comparisons.map((c) => [c.what, c.oursOverTheirs])).toEqual([
      ['AES-256-GCM, 16 MiB, MB/s per CPU second', 5.9115],
      ['re-encryption, CPU time', 13.0125],
      ['decryption of 1024 B, CPU time', 1.7658],
    ]);
    expect(bench.comparisons[0]!.reference).toBe('3214.7 MB/s (openssl speed 3.0.19, 16 KiB blocks)');
  });

  it('refuses another report or another format version', () => {
    const bench = JSON.parse(fixtureText('bench.json'));
    expect(parseBenchSummary(JSON.stringify({ ...bench, formatVersion: 2 }))).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/^formatVersion: /),
    });
    expect(parseBenchSummary(JSON.stringify({ ...bench, report: 'other' }))).toMatchObject({
      kind: 'invalid',
    });
  });

  it('keeps a comparison that could not run, with its reason and no ratio', () => {
    const bench = JSON.parse(fixtureText('bench.json'));
    const unavailable = {
      ...bench,
      aes: {
        ...bench.aes,
        openssl: { kind: 'unavailable', command: 'openssl', reason: 'no openssl' },
        ratio: undefined,
      },
      umbral: { kind: 'unavailable', library: '@nucypher/umbral-pre', reason: 'not installed' },
    };
    const summary = parsed(parseBenchSummary(JSON.stringify(unavailable)));
    expect(summary.comparisons.map((c) => [c.unavailable, c.oursOverTheirs])).toEqual([
      ['no openssl', undefined],
      ['not installed', undefined],
    ]);
  });
});
