/**
 * The few building blocks every section of the page uses: tables, badges, collapsible blocks,
 * embedded charts, and the number formats, so that all sections look and read alike.
 */
import { isoInstant } from '../scenario/index.ts';
import type { InlineSvg } from './inline-svg.ts';
import { type HtmlPart, html, type SafeHtml, trustedHtml } from './safe-html.ts';

/** A badge's colour: green for what went right, red for what did not, grey for absent, blue for notes. */
export type Tone = 'pass' | 'fail' | 'muted' | 'info';

/** A short coloured label. */
export const badge = (text: string, tone: Tone): SafeHtml => html`<span class="badge ${tone}">${text}</span>`;

/** A table; columns listed in `numeric` are right-aligned. */
export function table(
  headers: readonly HtmlPart[],
  rows: readonly (readonly HtmlPart[])[],
  options: { readonly numeric?: readonly number[]; readonly className?: string } = {},
): SafeHtml {
  const numeric = new Set(options.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? 'num' : null);
  const cell = (tag: 'th' | 'td', part: HtmlPart, i: number) =>
    tag === 'th'
      ? html`<th${cls(i) === null ? '' : trustedHtml(' class="num"')}>${part}</th>`
      : html`<td${cls(i) === null ? '' : trustedHtml(' class="num"')}>${part}</td>`;
  return html`<div class="scroll"><table${options.className === undefined ? '' : html` class="${options.className}"`}>
<thead><tr>${headers.map((h, i) => cell('th', h, i))}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => cell('td', c, i))}</tr>\n`)}</tbody>
</table></div>`;
}

/** A block the reader opens on demand (native `<details>`: no script needed). */
export const details = (summary: HtmlPart, body: HtmlPart, open = false): SafeHtml =>
  open
    ? html`<details open><summary>${summary}</summary>${body}</details>`
    : html`<details><summary>${summary}</summary>${body}</details>`;

/** Preformatted text (YAML, JSON, an invariant, a stderr tail). */
export const pre = (text: string): SafeHtml => html`<pre><code>${text}</code></pre>`;

/** A value of unknown form from a result file: text as written, anything else as JSON. */
export const shownValue = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value, null, 2);

/** A chart, or the reason it is not there. */
export const chart = (svg: InlineSvg, label: string): SafeHtml => {
  switch (svg.kind) {
    case 'svg':
      return html`<figure class="chart" aria-label="${label}">${trustedHtml(svg.svg)}</figure>`;
    case 'refused':
      return html`<p class="problem">${label}: ${svg.problem}</p>`;
    default: {
      const unreachable: never = svg;
      return unreachable;
    }
  }
};

/** An id for an anchor: a prefix, the position, and the name's letters and digits. */
export const anchorId = (prefix: string, position: number, name: string): string =>
  `${prefix}-${position}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** Three significant digits, as every measured number on the page is shown. */
export const significant = (v: number): string => String(Number(v.toPrecision(3)));

/** Milliseconds. */
export const msText = (ms: number): string => `${significant(ms)} ms`;

/** Seconds. */
export const secondsText = (s: number): string => `${significant(s)} s`;

/** A unix time in seconds as an ISO 8601 instant (UTC), or the number when it is out of range. */
export const isoText = (unixSeconds: number): string =>
  Number.isNaN(new Date(unixSeconds * 1000).getTime()) ? String(unixSeconds) : isoInstant(unixSeconds);
