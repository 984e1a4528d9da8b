import { afterEach, describe, expect, it } from 'vitest';
import { outcomeColours } from '../../../src/sim/charts/outcome-tone.ts';
import { renderSvg } from '../../../src/sim/charts/render-svg.ts';
import type { TimelineFiring } from '../../../src/sim/charts/timeline-firing.ts';
import { timelineSpec } from '../../../src/sim/charts/timeline-spec.ts';
import { SAMPLE_FIRINGS } from './fixtures.ts';
import { attributeOf, markCount, markGroups, svgTexts } from './svg-marks.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test reads into the spec's JSON freely.
const json = (spec: unknown): any => JSON.parse(JSON.stringify(spec));
const ACTORS = ['SRS', 'owner', 'doctor', 'attacker', 'TPA'];

describe('timelineSpec', () => {
  it('stacks a measured view above a simulated-clock view, one lane per actor in order of first firing', () => {
    const spec = json(timelineSpec(SAMPLE_FIRINGS, { title: 'share', subtitle: 'passed' }));
    expect(spec.title).toEqual({ text: 'share', subtitle: 'passed' });
    expect(spec.vconcat.map((v: { name: string }) => v.name)).toEqual(['measured', 'simulated']);
    for (const view of spec.vconcat) expect(view.encoding.y.scale.domain).toEqual(ACTORS);
  });

  it('makes one row per firing, sorted by index, ending at start + duration, with the simulated time in ISO', () => {
    const reversed = [...SAMPLE_FIRINGS].reverse();
    const rows = json(timelineSpec(reversed, { title: 't' })).data.values;
    expect(rows.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[2]).toEqual({
      index: 2,
      transition: 'Encrypt_Pi',
      actor: 'owner',
      outcome: 'ok',
      startMs: 4.5,
      endMs: 16.5,
      durationMs: 12,
      simulatedMs: 1_700_000_060_000,
      simulatedIso: '2023-11-14T22:14:20.000Z',
    });
  });

  it('colours by outcome with the shared outcome scale, and offers transition, simulated time and duration as tooltip', () => {
    const spec = json(timelineSpec(SAMPLE_FIRINGS, { title: 't' }));
    const { domain, range } = outcomeColours(SAMPLE_FIRINGS.map((f) => f.outcome));
    expect(spec.vconcat[0].encoding.color.scale).toEqual({ domain, range });
    expect(spec.resolve).toEqual({ scale: { color: 'shared' } });
    const fields = spec.vconcat[0].encoding.tooltip.map((t: { field: string }) => t.field);
    expect(fields).toEqual(expect.arrayContaining(['transition', 'simulatedIso', 'durationMs']));
  });

  it('formats the simulated axis as time of day within a day and as dates beyond', () => {
    const axis = (firings: readonly TimelineFiring[]) =>
      json(timelineSpec(firings, { title: 't' })).vconcat[1].encoding.x.axis.format;
    expect(axis(SAMPLE_FIRINGS)).toBe('%H:%M:%S');
    const later = {
      ...SAMPLE_FIRINGS[0]!,
      index: 9,
      simulatedTime: SAMPLE_FIRINGS[0]!.simulatedTime + 3 * 86_400,
    };
    expect(axis([...SAMPLE_FIRINGS, later])).toBe('%Y-%m-%d %H:%M');
  });

  it('refuses a negative duration or an empty actor, naming the firing', () => {
    const bad = (f: Partial<TimelineFiring>) => [
      ...SAMPLE_FIRINGS,
      { ...SAMPLE_FIRINGS[0]!, index: 9, ...f },
    ];
    expect(() => timelineSpec(bad({ durationMs: -1 }), { title: 't' })).toThrow(
      'firings[9].durationMs must be a finite number >= 0, got -1',
    );
    expect(() => timelineSpec(bad({ actor: '' }), { title: 't' })).toThrow('firings[9].actor');
    expect(() => timelineSpec(bad({ index: 1.5 }), { title: 't' })).toThrow(
      'firings[9].index must be an integer',
    );
    expect(() => timelineSpec(bad({ simulatedTime: 1e15 }), { title: 't' })).toThrow(
      'outside the range of dates',
    );
  });
});

describe('timelineSpec rendered to SVG', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('draws one bar, one start tick and one simulated-time point per firing, and one hand-over line', async () => {
    const svg = await renderSvg(timelineSpec(SAMPLE_FIRINGS, { title: 'share' }));
    expect(markCount(svg, 'bars')).toBe(SAMPLE_FIRINGS.length);
    expect(markCount(svg, 'starts')).toBe(SAMPLE_FIRINGS.length);
    expect(markCount(svg, 'firing')).toBe(SAMPLE_FIRINGS.length);
    expect(markGroups(svg, 'handover').map((g) => g.length)).toEqual([1]);
  });

  it('fills each bar with its outcome’s colour: greens for ok/granted/decrypts, reds for denied/fails/detected', async () => {
    const svg = await renderSvg(timelineSpec(SAMPLE_FIRINGS, { title: 'share' }));
    const { domain, range } = outcomeColours(SAMPLE_FIRINGS.map((f) => f.outcome));
    const colourOf = new Map(domain.map((o, i) => [o, range[i]]));
    expect(attributeOf(markGroups(svg, 'bars').flat(), 'fill')).toEqual(
      SAMPLE_FIRINGS.map((f) => colourOf.get(f.outcome)),
    );
  });

  it('labels the lanes, both axes and every outcome in the legend', async () => {
    const texts = svgTexts(await renderSvg(timelineSpec(SAMPLE_FIRINGS, { title: 'share' })));
    for (const t of [
      ...ACTORS,
      'ok',
      'granted',
      'decrypts',
      'denied',
      'fails',
      'detected',
      'outcome',
      'actor',
    ]) {
      expect(texts).toContain(t);
    }
    expect(texts).toContain('measured wall-clock time since run start (ms)');
    expect(texts).toContain('simulated time (UTC; run starts 2023-11-14T22:13:20.000Z)');
    expect(texts).toContain('22:15:00');
  });

  it('draws the same SVG whatever the machine’s time zone', async () => {
    process.env.TZ = 'UTC';
    const utc = await renderSvg(timelineSpec(SAMPLE_FIRINGS, { title: 'share' }));
    process.env.TZ = 'Pacific/Chatham';
    const chatham = await renderSvg(timelineSpec(SAMPLE_FIRINGS, { title: 'share' }));
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
    expect(chatham).toBe(utc);
  });

  it('renders a run without firings as empty lanes rather than failing', async () => {
    const svg = await renderSvg(timelineSpec([], { title: 'nothing fired' }));
    expect(markCount(svg, 'bars')).toBe(0);
    expect(svgTexts(svg)).toContain('nothing fired');
  });
});
