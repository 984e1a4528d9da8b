/**
 * The top of the page: the verdict line, four cards (scenarios, properties, benchmark, stages),
 * the benchmark's headline numbers, and the facts a reader needs to trust or rerun the results
 * (seeds, machine, date, the main job's stages).
 */
import { badge, pre, secondsText, type Tone, table } from './html-blocks.ts';
import type { ReportData } from './report-data.ts';
import { type HtmlPart, html, type SafeHtml } from './safe-html.ts';
import { type StageOutcome, stageVerdict } from './stage-outcome.ts';

const card = (title: string, figure: string, detail: HtmlPart, tone: Tone): SafeHtml =>
  html`<div class="card ${tone}"><div class="card-title">${title}</div><div class="card-figure">${figure}</div><div class="card-detail">${detail}</div></div>`;

const absent = (state: string): string => (state === 'not-run' ? 'not run' : 'unreadable');

function cards(data: ReportData): SafeHtml {
  const { scenarios, properties, bench, stages } = data.summary;
  const scenarioCard =
    scenarios.state === 'present'
      ? card(
          'Scenarios',
          `${scenarios.passed} / ${scenarios.total} passed`,
          scenarios.failed.length === 0 ? 'every expectation met' : `failed: ${scenarios.failed.join(', ')}`,
          scenarios.failed.length === 0 && scenarios.total > 0 ? 'pass' : 'fail',
        )
      : card('Scenarios', absent(scenarios.state), 'see Scenarios below', 'muted');
  const problems = [
    ...(properties.unexpected.length === 0 ? [] : [`not as expected: ${properties.unexpected.join(', ')}`]),
    ...(properties.notRun.length === 0 ? [] : [`not reported: ${properties.notRun.join(', ')}`]),
    ...(properties.vacuous.length === 0 ? [] : [`possibly vacuous: ${properties.vacuous.join(', ')}`]),
  ];
  const propertyCard =
    properties.state === 'present'
      ? card(
          'Properties',
          `${properties.asExpected} / ${properties.checked} as expected`,
          problems.length === 0
            ? 'every verdict as SPEC section 5 predicts; P2 by tests'
            : problems.join('; '),
          problems.length === 0 ? 'pass' : 'fail',
        )
      : card('Properties', absent(properties.state), 'see Verification below', 'muted');
  const benchCard =
    bench.state === 'present' && bench.mode !== undefined && bench.seconds !== undefined
      ? card('Benchmark', `${bench.mode}, ${secondsText(bench.seconds)}`, 'see Benchmark below', 'info')
      : card('Benchmark', absent(bench.state), 'see Benchmark below', 'muted');
  const stageCard =
    stages.total === 0
      ? card('Stages', 'report only', 'made by sesphr report from existing files', 'info')
      : card(
          'Stages',
          `${stages.total - stages.failed.length} / ${stages.total} passed`,
          stages.failed.length === 0 ? 'every stage exited 0' : `failed: ${stages.failed.join(', ')}`,
          stages.failed.length === 0 ? 'pass' : 'fail',
        );
  return html`<div class="cards">${scenarioCard}${propertyCard}${benchCard}${stageCard}</div>`;
}

function stageTone(stage: StageOutcome): Tone {
  return stage.kind === 'passed' ? 'pass' : 'fail';
}

function stageTable(stages: readonly StageOutcome[]): SafeHtml {
  if (stages.length === 0) return html``;
  const tails = stages.flatMap((s) =>
    (s.kind === 'failed' || s.kind === 'killed') && s.stderrTail.length > 0
      ? [html`<h4>${s.stage}: the end of its stderr</h4>${pre(s.stderrTail)}`]
      : [],
  );
  return html`<h3>Stages of the main job</h3>
${table(
  ['stage', 'command', 'result', 'time'],
  stages.map((s) => [
    s.stage,
    html`<code>${s.command}</code>`,
    badge(stageVerdict(s), stageTone(s)),
    secondsText(s.seconds),
  ]),
  { numeric: [3] },
)}${tails}`;
}

/** The summary section. */
export function summarySection(data: ReportData): SafeHtml {
  const { summary, machine } = data;
  const seeds = [
    ...(summary.seeds.scenarios.length === 0 ? [] : [`scenarios: ${summary.seeds.scenarios.join(', ')}`]),
    ...(summary.seeds.bench === null ? [] : [`benchmark: ${summary.seeds.bench}`]),
  ];
  return html`<section id="summary">
<p class="verdict ${summary.ok ? 'pass' : 'fail'}">${summary.line}</p>
${cards(data)}
${
  summary.headlines.length === 0
    ? html``
    : html`<h3>Benchmark headline</h3>${table(
        ['what', 'value'],
        summary.headlines.map((h) => [h.label, h.value]),
      )}`
}
<h3>This run</h3>
<dl class="facts">
<dt>date</dt><dd>${data.date}</dd>
<dt>machine</dt><dd>${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}</dd>
<dt>seeds</dt><dd>${seeds.length === 0 ? 'none recorded' : seeds.join('; ')}</dd>
</dl>
${stageTable(data.stages)}
</section>`;
}
