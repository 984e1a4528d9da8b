import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figureSpec } from '../../../src/sim/charts/figure-spec.ts';
import { PAPER_FIGURES } from '../../../src/sim/charts/paper-figures.ts';
import { renderSvg } from '../../../src/sim/charts/render-svg.ts';
import { writeChart } from '../../../src/sim/charts/write-chart.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesphr-charts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const spec = figureSpec(PAPER_FIGURES['fig4-encrypt']);

describe('writeChart', () => {
  it('writes <name>.vl.json (the spec) and <name>.svg (its rendering), creating the folder, and leaves nothing else', async () => {
    const out = join(dir, 'bench', 'charts');
    const written = await writeChart(out, 'fig4-encrypt', spec);
    expect(written).toEqual({
      specPath: join(out, 'fig4-encrypt.vl.json'),
      svgPath: join(out, 'fig4-encrypt.svg'),
    });
    expect(JSON.parse(await readFile(written.specPath, 'utf8'))).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(await readFile(written.svgPath, 'utf8')).toBe(await renderSvg(spec));
    expect((await readdir(out)).sort()).toEqual(['fig4-encrypt.svg', 'fig4-encrypt.vl.json']);
  });

  it('replaces an older chart of the same name', async () => {
    await writeFile(join(dir, 'c.svg'), 'old');
    await writeChart(dir, 'c', spec);
    expect(await readFile(join(dir, 'c.svg'), 'utf8')).toBe(await renderSvg(spec));
  });

  it('refuses names that are paths or hidden files, and writes nothing', async () => {
    for (const name of ['../escape', 'a/b', '.hidden', '', 'x y']) {
      await expect(writeChart(dir, name, spec)).rejects.toThrow('chart name must be a plain file name');
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes nothing when the spec cannot be rendered', async () => {
    const broken = { ...spec, mark: 'no-such-mark', layer: undefined } as unknown as typeof spec;
    await expect(writeChart(join(dir, 'out'), 'broken', broken)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
