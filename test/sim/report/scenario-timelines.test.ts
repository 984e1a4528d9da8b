/**
 * A run's trace as timeline charts: per scenario, firings in order, each bar starting where the
 * previous ended; the specs validate against vega-lite's schema and render one bar per firing.
 */
import { describe, expect, it } from 'vitest';
import { renderSvg, timelineSpec } from '../../../src/sim/charts/index.ts';
import { recordsByScenario, timelineFirings } from '../../../src/sim/report/scenario-timelines.ts';
import { parseTraceRecords, type TraceRecord } from '../../../src/sim/report/trace-record.ts';
import { markCount, svgTexts } from '../charts/svg-marks.ts';
import { vegaLiteSchemaErrors } from '../charts/vega-lite-schema.ts';
import { bundledRunFiles, fixtureText } from './fixtures.ts';

const records = (text: string): readonly TraceRecord[] => {
  const parsed = parseTraceRecords(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.problem);
  return parsed.value;
};

describe('recordsByScenario', () => {
  it('groups firings by scenario in order of first appearance, each group sorted by index', () => {
    const shuffled = records(fixtureText('trace-sample.jsonl')).toReversed();
    const groups = recordsByScenario(shuffled);
    expect([...groups.keys()]).toEqual(['revocation-cached-parameters', 'paper-upload-share-download']);
    expect(groups.get('paper-upload-share-download')!.map((r) => r.transition)).toEqual([
      'Gen_ri',
      'Encrypt_Pi',
      'D_R_S',
    ]);
  });
});

describe('timelineFirings', () => {
  it('renumbers from 0 and starts each bar where the previous one ended', () => {
    const group = recordsByScenario(records(fixtureText('trace-sample.jsonl'))).get(
      'paper-upload-share-download',
    )!;
    expect(timelineFirings(group)).toEqual([
      {
        index: 0,
        transition: 'Gen_ri',
        actor: 'alice',
        simulatedTime: 1_767_225_600,
        startMs: 0,
        durationMs: 1.5,
        outcome: 'ok',
      },
      {
        index: 1,
        transition: 'Encrypt_Pi',
        actor: 'alice',
        simulatedTime: 1_767_225_600,
        startMs: 1.5,
        durationMs: 4,
        outcome: 'ok',
      },
      {
        index: 2,
        transition: 'D_R_S',
        actor: 'srs',
        simulatedTime: 1_767_225_660,
        startMs: 5.5,
        durationMs: 2.25,
        outcome: 'granted',
      },
    ]);
  });

  it('gives an empty outcome a word the chart can colour', () => {
    const [first] = records(fixtureText('trace-sample.jsonl'));
    expect(timelineFirings([{ ...first!, outcome: '' }])[0]!.outcome).toBe('none');
  });
});

describe('the timeline of every bundled scenario', () => {
  const groups = recordsByScenario(records(bundledRunFiles().trace));

  it('validates against the vega-lite JSON Schema', () => {
    for (const [name, group] of groups) {
      expect(vegaLiteSchemaErrors(timelineSpec(timelineFirings(group), { title: name }))).toEqual([]);
    }
  });

  it('renders one bar, one start tick and one simulated-clock point per firing, with the actors as lanes', async () => {
    const [name, group] = [...groups][0]!;
    const svg = await renderSvg(timelineSpec(timelineFirings(group), { title: name }));
    expect(markCount(svg, 'bars')).toBe(group.length);
    expect(markCount(svg, 'starts')).toBe(group.length);
    expect(markCount(svg, 'firing')).toBe(group.length);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining([name, 'srs', 'cloud']));
  });
});
