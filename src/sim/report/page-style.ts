/**
 * The page's style sheet and its one script, inline so the page works from disk with no network
 * (no fonts, no external files): system fonts, tables that scroll sideways on narrow screens,
 * charts that shrink to fit, and print rules that open every collapsed block.
 */

/** The style sheet. */
export const PAGE_CSS = `
:root { --pass: #2e7d32; --pass-bg: #e8f5e9; --fail: #c62828; --fail-bg: #ffebee; --muted: #616161;
  --muted-bg: #f1f1f1; --info: #1565c0; --info-bg: #e3f2fd; --line: #ddd; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  margin: 0; color: #212121; background: #fafafa; line-height: 1.45; }
header { background: #263238; color: #fff; padding: 1rem 2rem; }
header h1 { margin: 0; font-size: 1.5rem; }
header p { margin: .25rem 0 0; color: #cfd8dc; }
nav { position: sticky; top: 0; z-index: 1; background: #37474f; padding: .4rem 2rem; display: flex;
  gap: 1.2rem; align-items: center; flex-wrap: wrap; }
nav a { color: #eceff1; text-decoration: none; font-weight: 600; }
nav a:hover { text-decoration: underline; }
nav button { margin-left: auto; }
main { max-width: 1280px; margin: 0 auto; padding: 1rem 2rem 3rem; }
section { margin-top: 1.5rem; }
h2 { border-bottom: 2px solid #263238; padding-bottom: .2rem; }
h3 { margin: 1.4rem 0 .5rem; }
h4 { margin: 1rem 0 .3rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
pre { background: #263238; color: #eceff1; padding: .8rem 1rem; border-radius: 4px; overflow: auto;
  max-height: 36rem; white-space: pre; }
.command { background: #eceff1; padding: .15rem .4rem; border-radius: 3px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; background: #fff; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #eceff1; }
tbody tr:nth-child(even) { background: #f7f9fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.trace td, table.steps td { font-size: .85rem; }
table.trace td code, table.steps td { overflow-wrap: anywhere; }
table.trace td:nth-child(7) { min-width: 24rem; }
table.trace td:nth-child(8) { white-space: nowrap; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .8rem; font-weight: 600;
  white-space: nowrap; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.muted { color: var(--muted); background: var(--muted-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.verdict { font-size: 1.1rem; font-weight: 600; padding: .7rem 1rem; border-radius: 4px; }
.verdict.pass { color: var(--pass); background: var(--pass-bg); border-left: 6px solid var(--pass); }
.verdict.fail { color: var(--fail); background: var(--fail-bg); border-left: 6px solid var(--fail); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .8rem; }
.card { background: #fff; border: 1px solid var(--line); border-top: 5px solid var(--muted);
  border-radius: 4px; padding: .6rem .8rem; }
.card.pass { border-top-color: var(--pass); } .card.fail { border-top-color: var(--fail); }
.card.info { border-top-color: var(--info); }
.card-title { font-size: .8rem; text-transform: uppercase; color: var(--muted); letter-spacing: .05em; }
.card-figure { font-size: 1.4rem; font-weight: 700; }
.card-detail { font-size: .85rem; color: #424242; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
article { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: .2rem 1rem 1rem;
  margin: 1rem 0; }
details { margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
figure.chart { margin: .5rem 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
.figure-block { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 0 1rem;
  margin: 1rem 0; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
.note, .muted { color: var(--muted); font-size: .85rem; }
.problem { color: var(--fail); background: var(--fail-bg); padding: .5rem .8rem; border-radius: 4px; }
.not-run { color: var(--muted); background: var(--muted-bg); padding: .5rem .8rem; border-radius: 4px; }
ul.missed { color: var(--fail); }
ul.mutants { margin: 0; padding-left: 1rem; }
ol.path { column-width: 14rem; margin: .3rem 0; }
footer { max-width: 1280px; margin: 0 auto; padding: 0 2rem 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  nav { display: none; }
  details > *:not(summary) { display: block; }
  pre { max-height: none; white-space: pre-wrap; }
}
`;

/**
 * Shows the expand/collapse-all button and makes it work. Without scripts the button stays
 * hidden and each block still opens by itself.
 */
export const PAGE_SCRIPT = `
(function () {
  var button = document.getElementById('toggle-all');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    var blocks = document.querySelectorAll('details');
    var open = button.getAttribute('data-open') !== 'true';
    for (var i = 0; i < blocks.length; i++) blocks[i].open = open;
    button.setAttribute('data-open', String(open));
    button.textContent = open ? 'Collapse all' : 'Expand all';
  });
})();
`;
