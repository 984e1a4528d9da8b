/**
 * The verification section: the instance, then one row per property of SPEC section 5 (verdict,
 * engine, time, mutants, and whether it is what the SPEC expects), then for each property its
 * inductive invariant or its counterexample: the path the verifier found and the scenario that
 * replays it with real cryptography, its YAML inline beside the command to run it.
 */
import { type Counterexample, replayCommand } from './counterexample.ts';
import { anchorId, badge, details, pre, secondsText, shownValue, type Tone, table } from './html-blocks.ts';
import { missingInput } from './missing-input.ts';
import type { PropertyRow, PropertyStatus } from './property-rows.ts';
import type { ReportData } from './report-data.ts';
import { html, type SafeHtml } from './safe-html.ts';

const VERIFY_COMMAND = 'npx sesphr verify --json > reports/verify/verify.json';

const STATUS: Readonly<Record<PropertyStatus, readonly [string, Tone]>> = Object.freeze({
  'as-expected': ['as expected', 'pass'],
  unexpected: ['NOT as expected', 'fail'],
  'not-run': ['not run', 'muted'],
  tested: ['tested', 'info'],
});

const verdictTone = (verdict: string): Tone =>
  verdict === 'proved' ? 'pass' : verdict === 'violated' ? 'fail' : 'muted';

const hasDetail = (row: PropertyRow): boolean =>
  row.result?.invariant !== undefined ||
  row.result?.trace !== undefined ||
  row.result?.reason !== undefined ||
  row.result?.detail !== undefined ||
  row.counterexample !== undefined;

function mutantsCell(row: PropertyRow): SafeHtml | string {
  const mutants = row.result?.mutants ?? [];
  if (mutants.length === 0) return row.result === undefined ? '' : 'none';
  return html`<ul class="mutants">${mutants.map(
    (m) => html`<li>${m.name}: ${badge(m.verdict, m.verdict === 'violated' ? 'pass' : 'muted')}</li>`,
  )}</ul>${row.vacuous ? badge('possibly vacuous: no mutant violates it', 'fail') : ''}`;
}

function propertyTable(rows: readonly PropertyRow[]): SafeHtml {
  return table(
    [
      'property',
      'statement',
      'expected',
      'verdict',
      'engine',
      'time',
      'mutants (violated: the proof is not vacuous)',
      '',
    ],
    rows.map((row, i) => {
      const [text, tone] = STATUS[row.status];
      const r = row.result;
      const id = hasDetail(row) ? anchorId('property', i + 1, row.id) : undefined;
      return [
        id === undefined
          ? html`<strong>${row.id}</strong>`
          : html`<a href="#${id}"><strong>${row.id}</strong></a>`,
        html`${row.statement}${row.note === undefined ? '' : html`<div class="note">${row.note}</div>`}`,
        row.expected,
        r === undefined
          ? row.status === 'tested'
            ? 'tested'
            : '—'
          : badge(r.verdict, verdictTone(r.verdict)),
        r?.engine ?? '',
        r === undefined ? '' : secondsText(r.seconds),
        mutantsCell(row),
        badge(text, tone),
      ];
    }),
    { numeric: [5], className: 'properties' },
  );
}

function counterexampleBlock(counterexample: Counterexample): SafeHtml {
  switch (counterexample.kind) {
    case 'file':
      return html`<h4>Replay it</h4><p><code class="command">${replayCommand(counterexample.path)}</code></p>
<h4>The counterexample scenario (<code>${counterexample.path}</code>)</h4>${pre(counterexample.yaml)}`;
    case 'inline':
      return html`<h4>Replay it</h4><p>Save the scenario below as <code>counterexample.yaml</code>, then <code class="command">${replayCommand('counterexample.yaml')}</code></p>
<h4>The counterexample scenario</h4>${pre(counterexample.yaml)}`;
    case 'unreadable':
      return html`<p class="problem">The counterexample scenario <code>${counterexample.path}</code> could not be read: ${counterexample.problem}. Replay it with <code class="command">${replayCommand(counterexample.path)}</code></p>`;
    default: {
      const unreachable: never = counterexample;
      return unreachable;
    }
  }
}

/** One step of a path: a transition name, or `{transition, params?}` as `name(k=v, …)`. */
function stepText(step: unknown): string | undefined {
  if (typeof step === 'string') return step;
  if (typeof step !== 'object' || step === null) return undefined;
  const { transition, params } = step as { transition?: unknown; params?: unknown };
  if (typeof transition !== 'string') return undefined;
  const entries = typeof params === 'object' && params !== null ? Object.entries(params) : [];
  const shown = entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return shown.length === 0 ? transition : `${transition}(${shown.join(', ')})`;
}

/**
 * A path as a numbered list of firings, with the whole of it (states included) as JSON on demand;
 * a path in any other form as written.
 */
function tracePath(trace: unknown): SafeHtml {
  const steps = Array.isArray(trace) ? trace.map(stepText) : [];
  if (!Array.isArray(trace) || steps.some((s) => s === undefined)) return pre(shownValue(trace));
  const full = trace.every((t) => typeof t === 'string')
    ? ''
    : details('The whole path as the verifier wrote it', pre(shownValue(trace)));
  return html`<ol class="path">${steps.map((s) => html`<li><code>${s}</code></li>`)}</ol>${full}`;
}

/** How to read an invariant, whichever engine wrote it (the verifier's README says the same). */
const INVARIANT_READING = html`<p class="muted">It holds in the start state, every firing keeps it, and it implies the property. <code>true</code>: no firing changes what the property reads. <code>¬P…violated</code>: the property is inductive by itself, so the guards alone enforce it, in every state. “the set of reachable states”: no smaller invariant was found; the proof rests on the exact set of reachable states.</p>`;

function detailBlock(row: PropertyRow, position: number): SafeHtml {
  const r = row.result;
  return html`<article class="property" id="${anchorId('property', position, row.id)}">
<h3>${row.id}: ${r === undefined ? 'not run' : r.verdict}${r === undefined ? '' : html` <span class="muted">(${r.engine}, ${secondsText(r.seconds)})</span>`}</h3>
${row.statement === '' ? '' : html`<p>${row.statement}</p>`}
${r?.reason === undefined && r?.detail === undefined ? '' : html`<p class="not-run">Why ${r.verdict}: ${[r.reason, r.detail].filter((x) => x !== undefined).join(': ')}</p>`}
${r?.invariant === undefined ? '' : details('Inductive invariant', html`${pre(shownValue(r.invariant))}${INVARIANT_READING}`, true)}
${r?.trace === undefined ? '' : details('Counterexample path found by the verifier', tracePath(r.trace), true)}
${row.counterexample === undefined ? '' : counterexampleBlock(row.counterexample)}
</article>`;
}

function instanceTable(instance: Readonly<Record<string, unknown>>): SafeHtml {
  return table(
    ['bound', 'value'],
    Object.entries(instance).map(([k, v]) => [k, html`<code>${shownValue(v)}</code>`]),
  );
}

/** The verification section. */
export function verificationSection(data: ReportData): SafeHtml {
  const { instance, properties } = data.verification;
  return html`<section id="verification">
<h2>Verification</h2>
${missingInput('Verification', data.inputs.verify, VERIFY_COMMAND)}
<p>Every property of SPEC section 5 on ${instance === null ? 'the default instance' : 'this instance'}: <strong>proved</strong> for every reachable state (with the inductive invariant), <strong>violated</strong> with a counterexample that replays as a scenario, or <strong>unknown</strong> with the reason. P2 (decryption returns the uploaded partition) is crypto correctness, shown by property tests rather than the verifier.</p>
${instance === null ? '' : details('Instance', instanceTable(instance))}
${propertyTable(properties)}
${properties.map((row, i) => (hasDetail(row) ? detailBlock(row, i + 1) : ''))}
</section>`;
}
