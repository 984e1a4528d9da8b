/**
 * The report page: one self-contained HTML document (inline style, inline SVG charts, one small
 * inline script that only adds an expand-all button), readable from disk with no network and
 * with scripts off. Pure: the data and the rendered charts in, the document out.
 */
import { benchSection } from './bench-html.ts';
import type { InputStatus } from './input-section.ts';
import { PAGE_CSS, PAGE_SCRIPT } from './page-style.ts';
import type { ReportCharts } from './report-charts.ts';
import type { ReportData } from './report-data.ts';
import { html, trustedHtml } from './safe-html.ts';
import { scenariosSection } from './scenarios-html.ts';
import { summarySection } from './summary-html.ts';
import { verificationSection } from './verification-html.ts';

/** The file the page's data is written to, beside it. */
export const REPORT_JSON = 'index.json';

const inputLine = (what: string, status: InputStatus) =>
  html`<li>${what}: <code>${status.source}</code> (${status.state}${status.problem === undefined ? '' : `: ${status.problem}`})</li>`;

/** The whole document. */
export function reportPage(data: ReportData, charts: ReportCharts): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SeSPHR Lab report: ${data.summary.ok ? 'PASS' : 'FAIL'}</title>
<style>${trustedHtml(PAGE_CSS)}</style>
</head>
<body>
<header>
<h1>SeSPHR Lab report</h1>
<p>Scenarios, verification and benchmark of the SeSPHR protocol (Ali et al., IEEE TCC 2018); made ${data.date}.</p>
</header>
<nav>
<a href="#summary">Summary</a>
<a href="#scenarios">Scenarios</a>
<a href="#verification">Verification</a>
<a href="#benchmark">Benchmark</a>
<a href="${REPORT_JSON}">${REPORT_JSON}</a>
<button type="button" id="toggle-all" hidden>Expand all</button>
</nav>
<main>
${summarySection(data)}
${scenariosSection(data, charts.timelines)}
${verificationSection(data)}
${benchSection(data, charts)}
</main>
<footer>
<p>Made from:</p>
<ul>
${inputLine('scenario results', data.inputs.run)}
${inputLine('trace', data.inputs.trace)}
${inputLine('verification', data.inputs.verify)}
${inputLine('benchmark', data.inputs.bench)}
</ul>
<p>The same data for machines: <a href="${REPORT_JSON}">${REPORT_JSON}</a>. Rebuild this page from the files with <code>npx sesphr report</code>; rerun everything with <code>npm start</code>.</p>
</footer>
<script>${trustedHtml(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return page.markup;
}
