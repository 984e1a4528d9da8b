/**
 * The scenarios section: an overview table of every scenario run, then one block per scenario
 * with its verdict, the steps that missed their expectation, the conformance divergence if any,
 * its timeline chart, its steps and its trace as tables (collapsed: a trace runs to dozens of
 * firings).
 */
import { anchorId, badge, chart, details, isoText, msText, pre, shownValue, table } from './html-blocks.ts';
import type { InlineSvg } from './inline-svg.ts';
import { missingInput } from './missing-input.ts';
import type { ReportData, ScenarioEntry } from './report-data.ts';
import type { RunStep } from './run-result.ts';
import { html, type SafeHtml } from './safe-html.ts';
import type { TraceRecord } from './trace-record.ts';

/** The commands that produce the section's inputs. */
const RUN_COMMAND =
  'npx sesphr run scenarios/ --json --trace reports/run/trace.jsonl > reports/run/results.jsonl';

const transitionsText = (t: RunStep['transitions']): string =>
  typeof t === 'number' ? String(t) : t.length === 0 ? '—' : t.join(', ');

const verdictBadge = (entry: ScenarioEntry): SafeHtml =>
  entry.run === null
    ? badge('no result', 'muted')
    : entry.run.passed
      ? badge('passed', 'pass')
      : badge('failed', 'fail');

const totalMs = (entry: ScenarioEntry): number =>
  entry.run === null
    ? entry.trace.reduce((s, r) => s + r.ms, 0)
    : entry.run.steps.reduce((s, st) => s + st.ms, 0);

function overview(entries: readonly ScenarioEntry[]): SafeHtml {
  return table(
    ['#', 'scenario', 'result', 'seed', 'steps met', 'firings', 'measured'],
    entries.map((e, i) => [
      i + 1,
      html`<a href="#${anchorId('scenario', i + 1, e.name)}">${e.name}</a>`,
      verdictBadge(e),
      e.run?.seed ?? '—',
      e.run === null ? '—' : `${e.run.steps.filter((s) => s.ok).length} / ${e.run.steps.length}`,
      e.trace.length,
      msText(totalMs(e)),
    ]),
    { numeric: [0, 5, 6] },
  );
}

function stepsTable(steps: readonly RunStep[]): SafeHtml {
  return table(
    ['step', 'line', 'op', 'expected', 'outcome', '', 'transitions', 'time'],
    steps.map((s) => [
      s.index,
      s.line ?? '',
      s.op,
      s.expected ?? '—',
      s.reason === undefined ? s.outcome : `${s.outcome} (${s.reason})`,
      s.ok ? badge('ok', 'pass') : badge('missed', 'fail'),
      transitionsText(s.transitions),
      msText(s.ms),
    ]),
    { numeric: [0, 1, 7], className: 'steps' },
  );
}

function traceTable(trace: readonly TraceRecord[]): SafeHtml {
  return table(
    [
      '#',
      'step',
      'transition',
      'actor',
      'outcome',
      'protocol call',
      'binding',
      'simulated time (UTC)',
      'time',
    ],
    trace.map((r) => [
      r.index,
      r.step,
      r.transition,
      r.actor,
      r.reason === undefined ? r.outcome : `${r.outcome} (${r.reason})`,
      r.call ?? '—',
      html`<code>${r.binding}</code>`,
      isoText(r.simulatedTime),
      msText(r.ms),
    ]),
    { numeric: [0, 1, 8], className: 'trace' },
  );
}

/** The runner's `{kind, step, line, message}` as a sentence; any other form as written. */
function divergenceText(divergence: unknown): SafeHtml {
  if (typeof divergence === 'object' && divergence !== null && 'message' in divergence) {
    const d = divergence as { kind?: unknown; step?: unknown; line?: unknown; message?: unknown };
    if (typeof d.message === 'string') {
      const where =
        typeof d.step === 'number'
          ? `at step ${d.step}${typeof d.line === 'number' ? ` (line ${d.line})` : ''}`
          : 'in the start state';
      const kind = typeof d.kind === 'string' ? ` [${d.kind}]` : '';
      return html`${where}${kind}: ${d.message}`;
    }
  }
  return pre(shownValue(divergence));
}

function scenarioBlock(entry: ScenarioEntry, position: number, timeline: InlineSvg | null): SafeHtml {
  const missed = entry.run?.steps.filter((s) => !s.ok) ?? [];
  const divergence = entry.run?.divergence;
  return html`<article class="scenario" id="${anchorId('scenario', position, entry.name)}">
<h3>${entry.name} ${verdictBadge(entry)}</h3>
${entry.run?.source === undefined && entry.run?.variant === undefined ? '' : html`<p class="muted">${entry.run?.source === undefined ? '' : html`<code>${entry.run.source}</code>`}${entry.run?.variant === undefined ? '' : ` · variant ${entry.run.variant}`}${entry.run?.seed === null || entry.run === null ? '' : ` · seed ${entry.run.seed}`}</p>`}
${entry.run === null ? html`<p class="problem">The trace has firings of this scenario but the results have no line for it (the run may have been cut short).</p>` : ''}
${
  missed.length === 0
    ? ''
    : html`<ul class="missed">${missed.map(
        (s) =>
          html`<li>step ${s.index} <code>${s.op}</code>: expected <strong>${s.expected ?? 'nothing'}</strong>, got <strong>${s.outcome}</strong></li>`,
      )}</ul>`
}
${divergence === undefined ? '' : html`<div class="problem"><strong>The concrete run and the net diverged</strong> ${divergenceText(divergence)}</div>`}
${
  timeline === null
    ? html`<p class="not-run">No firings of this scenario in the trace, so no timeline.</p>`
    : chart(timeline, `timeline of ${entry.name}`)
}
${entry.run === null ? '' : details(`Steps (${entry.run.steps.length})`, stepsTable(entry.run.steps), missed.length > 0)}
${entry.trace.length === 0 ? '' : details(`Trace (${entry.trace.length} firings)`, traceTable(entry.trace))}
</article>`;
}

/** The scenarios section; `timelines` has one chart per entry (null where there are no firings). */
export function scenariosSection(data: ReportData, timelines: readonly (InlineSvg | null)[]): SafeHtml {
  const entries = data.scenarios;
  return html`<section id="scenarios">
<h2>Scenarios</h2>
${missingInput('Scenario results', data.inputs.run, RUN_COMMAND)}
${missingInput('Trace', data.inputs.trace, RUN_COMMAND)}
${
  entries.length === 0
    ? ''
    : html`<p>Each scenario ran concretely through the net with real cryptography; a step passes when its outcome is the one the scenario expects. Timelines: one lane per actor; above, each firing as a bar of its measured duration, one after another; below, the firings on the simulated clock, joined in order, so a line staying in a lane shows who held the baton and who waited.</p>
${overview(entries)}
${entries.map((e, i) => scenarioBlock(e, i + 1, timelines[i] ?? null))}`
}
</section>`;
}
