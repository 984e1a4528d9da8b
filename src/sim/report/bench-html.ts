/**
 * The benchmark section: the paper's Figs. 3–6 with our measurements on the same axes, each with
 * a table of the paper's value beside ours; the comparisons with reference implementations run
 * in the same process, as a ratio chart and a table; and the per-operation costs.
 */
import { type FigureSeries, formatRatio } from '../charts/index.ts';
import type { BenchSummary } from './bench-summary.ts';
import { chart, msText, significant, table } from './html-blocks.ts';
import type { InlineSvg } from './inline-svg.ts';
import { missingInput } from './missing-input.ts';
import { type OurValue, type PaperValue, paperBesideOurs } from './paper-beside-ours.ts';
import type { ReportData } from './report-data.ts';
import { html, type SafeHtml } from './safe-html.ts';

const BENCH_COMMAND = 'npx sesphr bench --quick';

const paperText = (v: PaperValue | undefined): string =>
  v === undefined ? '—' : `${v.approximate ? '≈' : ''}${significant(v.seconds)}`;

const oursText = (v: OurValue | undefined): string =>
  v === undefined
    ? '—'
    : v.low === undefined || v.high === undefined
      ? significant(v.seconds)
      : `${significant(v.seconds)} (${significant(v.low)}–${significant(v.high)})`;

function figureTable(figure: FigureSeries): SafeHtml {
  const rows = paperBesideOurs(figure);
  const quantities = new Set(rows.map((r) => r.quantity));
  const head = [
    ...(quantities.size > 1 || !quantities.has('') ? ['quantity'] : []),
    figure.xLabel === figure.xUnit ? figure.xLabel : `${figure.xLabel} (${figure.xUnit})`,
    'paper (s)',
    'ours, median (fastest–slowest) (s)',
  ];
  const withQuantity = head.length === 4;
  return table(
    head,
    rows.map((r) => [...(withQuantity ? [r.quantity] : []), r.x, paperText(r.paper), oursText(r.ours)]),
    { numeric: withQuantity ? [1, 2, 3] : [0, 1, 2] },
  );
}

function figures(bench: BenchSummary, charts: readonly InlineSvg[]): SafeHtml {
  return html`<div class="figures">${bench.figures.map(
    (f, i) =>
      html`<div class="figure-block"><h3>${f.title}</h3><div class="side-by-side">${charts[i] === undefined ? '' : chart(charts[i], f.title)}${figureTable(f)}</div></div>`,
  )}</div>`;
}

function comparisons(bench: BenchSummary, ratios: InlineSvg | undefined): SafeHtml {
  return html`<h3>Beside reference implementations, same process</h3>
${ratios === undefined ? '' : chart(ratios, 'ratios of our times to the references')}
${table(
  ['comparison', 'ours', 'reference', 'ours / reference (time)'],
  bench.comparisons.map((c) => [
    c.what,
    c.ours,
    c.reference,
    c.oursOverTheirs === undefined
      ? `unavailable: ${c.unavailable ?? 'not measured'}`
      : formatRatio(c.oursOverTheirs),
  ]),
  { numeric: [3] },
)}`;
}

function operations(bench: BenchSummary): SafeHtml {
  return html`<h3>Per-operation costs</h3>
${table(
  ['operation', 'what is computed', 'runs', 'wall median', 'fastest–slowest', 'CPU median'],
  bench.operations.map((o) => [
    o.op,
    o.what,
    o.runs,
    msText(o.wallMedianMs),
    `${significant(o.wallLowMs)}–${significant(o.wallHighMs)} ms`,
    msText(o.cpuMedianMs),
  ]),
  { numeric: [2, 3, 4, 5] },
)}`;
}

/** The benchmark section, with the figure charts in the order of `bench.figures`. */
export function benchSection(
  data: ReportData,
  charts: { readonly figures: readonly InlineSvg[]; readonly ratios?: InlineSvg },
): SafeHtml {
  const bench = data.bench;
  return html`<section id="benchmark">
<h2>Benchmark</h2>
${missingInput('Benchmark', data.inputs.bench, BENCH_COMMAND)}
${
  bench === null
    ? ''
    : html`<p>The paper's evaluation (Figs. 3–6) through the real protocol: ${bench.mode} run of ${bench.date}, seed <code>${bench.seed}</code>, ${significant(bench.seconds)} s on ${bench.machine.cpu} (${bench.machine.cores} cores, Node ${bench.machine.node}, ${bench.machine.platform}); 1-minute load ${bench.load.start} at the start and ${bench.load.end} at the end (above the core count, other processes competed and wall-clock times are inflated). The paper's values are dashed, hollow where read off its plots (≈); ours solid, with the fastest and slowest run as error bars. Our cloud is in-process, not Amazon S3, so Fig. 6 leaves out the network.</p>
${figures(bench, charts.figures)}
${comparisons(bench, charts.ratios)}
${operations(bench)}`
}
</section>`;
}
