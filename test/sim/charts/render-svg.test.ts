import { describe, expect, it } from 'vitest';
import { figureSpec } from '../../../src/sim/charts/figure-spec.ts';
import { PAPER_FIGURES } from '../../../src/sim/charts/paper-figures.ts';
import { ratioBarSpec } from '../../../src/sim/charts/ratio-bar-spec.ts';
import { renderSvg } from '../../../src/sim/charts/render-svg.ts';
import { timelineSpec } from '../../../src/sim/charts/timeline-spec.ts';
import { FIG3_WITH_OURS, SAMPLE_FIRINGS } from './fixtures.ts';

const SPECS = {
  figure: () => figureSpec(FIG3_WITH_OURS),
  timeline: () => timelineSpec(SAMPLE_FIRINGS, { title: 'share' }),
  ratio: () => ratioBarSpec([{ label: 'x', ratio: 2 }], { title: 'r', xLabel: 'ours / theirs' }),
};

describe('renderSvg', () => {
  it('returns a standalone SVG document with a white background and a fixed size', async () => {
    const svg = await renderSvg(figureSpec(PAPER_FIGURES['fig4-encrypt']));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
    expect(svg).toContain('<rect width=');
    expect(svg).toContain('fill="white"');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  for (const [kind, build] of Object.entries(SPECS)) {
    it(`is deterministic for a ${kind} chart: the same spec gives the same bytes, even after other renders`, async () => {
      const first = await renderSvg(build());
      await Promise.all(Object.values(SPECS).map((b) => renderSvg(b())));
      expect(await renderSvg(build())).toBe(first);
    });

    it(`writes every text of a ${kind} chart in the generic sans-serif family and nothing else`, async () => {
      const svg = await renderSvg(build());
      const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
      expect(families).toEqual(new Set(['sans-serif']));
    });
  }

  it('uses no ids, so two charts embedded in one page cannot clash', async () => {
    for (const build of Object.values(SPECS)) expect(await renderSvg(build())).not.toMatch(/\sid="/);
  });
});
