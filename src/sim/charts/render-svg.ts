/**
 * Turns a vega-lite spec into an SVG string, in memory and without a canvas: vega-lite compiles
 * to vega, a headless vega View (renderer `none`) lays it out and serialises the scene to SVG.
 * Nothing here touches the disk, the clock or a random source, so the same spec gives the same
 * bytes, and a report can embed the string or a caller can write it (see `writeChart`).
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders `spec` to a standalone SVG document. The View is finalized afterwards so repeated
 * renders (a report has dozens of charts) do not keep timers or listeners alive.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
