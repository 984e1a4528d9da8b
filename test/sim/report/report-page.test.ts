/**
 * The report page from fixture inputs: every bundled scenario with its timeline, every property
 * of SPEC section 5, the benchmark's figures; self-contained (nothing loaded from anywhere);
 * missing inputs shown as not run; and nothing from an input can become markup.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBenchSummary } from '../../../src/sim/report/bench-summary.ts';
import { reportCharts } from '../../../src/sim/report/report-charts.ts';
import { type ReportData, type ReportInputs, reportData } from '../../../src/sim/report/report-data.ts';
import { reportPage } from '../../../src/sim/report/report-page.ts';
import { parseRunResults } from '../../../src/sim/report/run-result.ts';
import { parseTraceRecords } from '../../../src/sim/report/trace-record.ts';
import { parseVerifyOutput } from '../../../src/sim/report/verify-result.ts';
import { BUNDLED_NAMES, bundledRunFiles, fixtureText, NOTHING, present } from './fixtures.ts';
import { pageText, startTags, unsafeMarkup } from './page-markup.ts';

const value = <T>(result: { kind: 'parsed'; value: T } | { kind: 'invalid'; problem: string }): T => {
  if (result.kind === 'invalid') throw new Error(result.problem);
  return result.value;
};

const PROPERTY_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11', 'P12', 'P13'];

const makePage = async (inputs: ReportInputs): Promise<{ data: ReportData; page: string }> => {
  const data = reportData(inputs);
  return { data, page: reportPage(data, await reportCharts(data)) };
};

const FULL: ReportInputs = (() => {
  const files = bundledRunFiles();
  return {
    ...NOTHING,
    run: present('reports/run/results.jsonl', value(parseRunResults(files.results))),
    trace: present('reports/run/trace.jsonl', value(parseTraceRecords(files.trace))),
    verify: present('reports/verify/verify.json', value(parseVerifyOutput(fixtureText('verify.json')))),
    bench: present('reports/bench/bench.json', value(parseBenchSummary(fixtureText('bench.json')))),
    counterexamples: new Map([
      ['P6', { kind: 'file', path: 'reports/verify/P6.yaml', yaml: fixtureText('P6-counterexample.yaml') }],
    ]),
  };
})();

describe('the page from a full set of results', () => {
  let page = '';
  let data: ReportData;
  beforeAll(async () => {
    ({ page, data } = await makePage(FULL));
  });

  it('lists every bundled scenario, each with its own block and timeline chart', () => {
    expect(data.scenarios.map((s) => s.name)).toEqual(BUNDLED_NAMES);
    const text = pageText(page);
    for (const name of BUNDLED_NAMES) {
      expect(text).toContain(`${name} passed`);
      expect(page).toContain(`aria-label="timeline of ${name}"`);
    }
    expect(
      startTags(page).filter(([n, a]) => n === 'article' && a.includes('class="scenario"')),
    ).toHaveLength(BUNDLED_NAMES.length);
  });

  it('lists every property P1 to P13 in the verification table, in order', () => {
    const table = page.slice(
      page.indexOf('<table class="properties">'),
      page.indexOf('</table>', page.indexOf('<table class="properties">')),
    );
    const ids = [...table.matchAll(/<strong>(P\d+)<\/strong>/g)].map((m) => m[1]);
    expect(ids).toEqual(PROPERTY_IDS);
  });

  it('says under each invariant how to read it', () => {
    const text = pageText(page);
    expect(text).toContain(
      'It holds in the start state, every firing keeps it, and it implies the property.',
    );
    expect(text).toContain(
      'the property is inductive by itself, so the guards alone enforce it, in every state',
    );
  });

  it('shows the counterexample scenario inline with the command that replays it', () => {
    const text = pageText(page);
    expect(text).toContain('npx sesphr run reports/verify/P6.yaml');
    expect(text).toContain('- collude: { members: [srs, cloud], file: f1, partition: medical }');
  });

  it('sums up: every scenario passed, every property as expected, the bench headline', () => {
    expect(data.summary.line).toBe(
      `PASS: ${BUNDLED_NAMES.length} of ${BUNDLED_NAMES.length} scenarios passed; 12 of 12 properties as the SPEC expects; quick benchmark in 25.6 s`,
    );
    const text = pageText(page);
    expect(text).toContain('Encryption (Fig. 4) at 2048 KB ours 0.143 s, paper 1.29 s');
    expect(text).toContain('re-encryption, CPU time ours/reference ×13 (time)');
    expect(text).toContain('machine Test CPU, 2 cores, 4 GiB, Node v20.0.0, linux x64');
  });

  it('draws the four figures and the ratio chart, with the paper beside ours in tables', () => {
    for (const title of [
      'Key generation (Fig. 3)',
      'Encryption (Fig. 4)',
      'Decryption (Fig. 5)',
      'Turnaround: T_up and T_down (Fig. 6)',
    ]) {
      expect(page).toContain(`<figure class="chart" aria-label="${title}">`);
    }
    expect(page).toContain('<figure class="chart" aria-label="ratios of our times to the references">');
    expect(pageText(page)).toContain('2048 1.29 0.143 (0.12–0.184)');
  });

  it('is self-contained: one inline style sheet, one inline script, nothing loaded', () => {
    const tags = startTags(page);
    expect(tags.filter(([n]) => n === 'script')).toEqual([['script', '']]);
    expect(tags.filter(([n]) => n === 'style')).toEqual([['style', '']]);
    expect(tags.filter(([n]) => n === 'link')).toEqual([]);
    expect(unsafeMarkup(page)).toEqual([]);
    const urls = [...page.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect(page).not.toMatch(/@import|url\(/);
  });

  it('writes its data as JSON that reads back to the same value', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('a verifier result in detail', () => {
  it('shows a path of firings as a numbered list, the whole path on demand, and why a verdict is unknown', async () => {
    const { page } = await makePage({
      ...NOTHING,
      verify: present('v', {
        instance: {},
        results: [
          {
            id: 'P6',
            verdict: 'violated',
            engine: 'bmc',
            seconds: 1,
            trace: [
              { transition: 'Upload', params: { owner: 'alice', file: 0 }, state: { x: 1 } },
              { transition: 'Collude', params: {}, state: { x: 2 } },
            ],
            mutants: [],
          },
          {
            id: 'P1',
            verdict: 'unknown',
            engine: 'kind',
            seconds: 9,
            reason: 'bound-reached',
            detail: 'no violation up to depth 10',
            mutants: [],
          },
        ],
      }),
    });
    expect(page).toContain(
      '<ol class="path"><li><code>Upload(owner=alice, file=0)</code></li><li><code>Collude</code></li></ol>',
    );
    expect(pageText(page)).toContain('The whole path as the verifier wrote it');
    expect(pageText(page)).toContain('Why unknown: bound-reached: no violation up to depth 10');
  });
});

describe('the page without results', () => {
  it('shows each section as not run with the command that produces it, and still lists every property', async () => {
    const { data, page } = await makePage(NOTHING);
    expect(data.summary).toMatchObject({
      ok: false,
      line: 'FAIL: scenarios not run; verification not run; benchmark not run',
    });
    const text = pageText(page);
    expect(text).toContain('Scenario results: not run. No file at reports/run/results.jsonl.');
    expect(text).toContain('Verification: not run. No file at reports/verify/verify.json.');
    expect(text).toContain(
      'Benchmark: not run. No file at reports/bench/bench.json. To produce it: npx sesphr bench --quick',
    );
    expect(data.verification.properties.map((p) => [p.id, p.status])).toEqual(
      PROPERTY_IDS.map((id) => [id, id === 'P2' ? 'tested' : 'not-run']),
    );
    expect(startTags(page).filter(([n]) => n === 'svg')).toEqual([]);
  });

  it('shows an unreadable input with its problem, and the results of the others', async () => {
    const { page, data } = await makePage({
      ...FULL,
      verify: { kind: 'unreadable', source: 'v.json', problem: 'line 1: not JSON' },
      bench: NOTHING.bench,
    });
    expect(pageText(page)).toContain('Verification: unreadable. v.json: line 1: not JSON.');
    expect(data.summary.line).toMatch(/scenarios passed; verification unreadable; benchmark not run$/);
  });

  it('lists a scenario the trace has but the results do not, as having no result', async () => {
    const files = bundledRunFiles();
    const results = value(parseRunResults(files.results)).slice(1);
    const { data, page } = await makePage({ ...FULL, run: present('r', results) });
    expect(data.scenarios.at(-1)).toMatchObject({ name: BUNDLED_NAMES[0], run: null });
    expect(pageText(page)).toContain('the results have no line for it');
  });
});

describe('nothing from an input becomes markup', () => {
  const HOSTILE = `<script>alert("x")</script>&"'<img src=x onerror=alert(1)>`;

  it('escapes scenario names, steps, divergences, trace fields, verifier output, counterexamples and stages', async () => {
    const run = {
      scenario: HOSTILE,
      passed: false,
      seed: HOSTILE,
      steps: [
        {
          index: 0,
          op: HOSTILE,
          outcome: HOSTILE,
          expected: HOSTILE,
          ok: false,
          transitions: [HOSTILE],
          ms: 1,
        },
      ],
      divergence: `</pre>${HOSTILE}`,
    };
    const firing = {
      scenario: HOSTILE,
      index: 0,
      step: 0,
      transition: HOSTILE,
      binding: HOSTILE,
      actor: HOSTILE,
      outcome: HOSTILE,
      reason: HOSTILE,
      call: HOSTILE,
      simulatedTime: 1_767_225_600,
      ms: 2,
    };
    const { page } = await makePage({
      ...FULL,
      run: present(HOSTILE, [run]),
      trace: present(HOSTILE, [firing]),
      verify: present(HOSTILE, {
        instance: { [HOSTILE]: HOSTILE },
        results: [
          {
            id: 'P6',
            verdict: HOSTILE,
            engine: HOSTILE,
            seconds: 1,
            invariant: HOSTILE,
            trace: [HOSTILE],
            reason: HOSTILE,
            mutants: [{ name: HOSTILE, verdict: HOSTILE }],
          },
          { id: HOSTILE, verdict: 'proved', engine: 'chc', seconds: 1, mutants: [] },
        ],
      }),
      counterexamples: new Map([
        ['P6', { kind: 'file', path: HOSTILE, yaml: `description: </code></pre>${HOSTILE}` }],
        [HOSTILE, { kind: 'unreadable', path: HOSTILE, problem: HOSTILE }],
      ]),
      stages: [
        { kind: 'failed', stage: HOSTILE, command: HOSTILE, seconds: 1, exitCode: 1, stderrTail: HOSTILE },
      ],
    });
    expect(unsafeMarkup(page)).toEqual([]);
    expect(startTags(page).filter(([n]) => n === 'script' || n === 'img')).toEqual([['script', '']]);
    expect(page).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&quot;&#39;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(page).not.toContain('<script>alert');
    // The text is all still there to read, once, as written.
    expect(pageText(page)).toContain(`${HOSTILE} failed`);
  });
});
