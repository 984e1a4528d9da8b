/**
 * The I/O shell of the charts: writes a spec and its rendering side by side, `<name>.vl.json`
 * (for the vega editor, or for a reader who wants the data) and `<name>.svg` (for the report).
 * Each file is written to a temporary name in the same folder and then renamed over the target,
 * so a reader, or a run that is killed halfway, never sees a half-written chart.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '../write-atomic.ts';
import { renderSvg } from './render-svg.ts';

/** Where `writeChart` put the two files. */
export interface WrittenChart {
  readonly specPath: string;
  readonly svgPath: string;
}

/** Chart names become file names: letters, digits, `.`, `_`, `-`, not starting with a dot. */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Renders `spec` and writes `<dir>/<name>.vl.json` and `<dir>/<name>.svg`, creating `dir` if
 * needed. The SVG is rendered before anything is written, so a spec that fails to render leaves
 * no files. Rejects a `name` that is not a plain file name (no paths, no leading dot).
 */
export async function writeChart(dir: string, name: string, spec: TopLevelSpec): Promise<WrittenChart> {
  if (!SAFE_NAME.test(name)) {
    throw new TypeError(
      `chart name must be a plain file name ([A-Za-z0-9._-], no leading dot), got ${JSON.stringify(name)}`,
    );
  }
  const svg = await renderSvg(spec);
  await mkdir(dir, { recursive: true });
  const specPath = join(dir, `${name}.vl.json`);
  const svgPath = join(dir, `${name}.svg`);
  await writeFileAtomic(specPath, `${JSON.stringify(spec, null, 2)}\n`);
  await writeFileAtomic(svgPath, svg);
  return Object.freeze({ specPath, svgPath });
}
