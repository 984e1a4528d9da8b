/**
 * The report's charts, rendered to SVG in memory from the report's data: one timeline per
 * scenario, the paper's figures with ours, and the ratio chart. A chart that cannot be drawn (bad
 * data in a hand-edited file, a spec vega refuses) becomes a problem shown in its place; the rest
 * of the page is unaffected.
 */

import { RATIO_CHART } from '../bench/report-figures.ts';
import { figureSpec, ratioBarSpec, renderSvg, timelineSpec } from '../charts/index.ts';
import { type InlineSvg, inlineSvg } from './inline-svg.ts';
import type { ReportData, ScenarioEntry } from './report-data.ts';

/** Every chart of the page, in the order of the data it draws. */
export interface ReportCharts {
  /** One per scenario entry, same order; null for a scenario without firings. */
  readonly timelines: readonly (InlineSvg | null)[];
  /** One per bench figure, same order; empty without a benchmark. */
  readonly figures: readonly InlineSvg[];
  /** Absent without a benchmark or without comparisons. */
  readonly ratios?: InlineSvg;
}

async function drawn(build: () => Parameters<typeof renderSvg>[0]): Promise<InlineSvg> {
  try {
    return inlineSvg(await renderSvg(build()));
  } catch (error) {
    return { kind: 'refused', problem: `the chart could not be drawn: ${(error as Error).message}` };
  }
}

/** The line under a timeline's title: verdict, seed, firings. */
export function timelineSubtitle(entry: ScenarioEntry): string {
  const verdict = entry.run === null ? 'no result' : entry.run.passed ? 'passed' : 'failed';
  const seed = entry.run?.seed === null || entry.run === null ? '' : `, seed ${entry.run.seed}`;
  return `${verdict}${seed}, ${entry.firings.length} firings`;
}

/** Renders every chart of `data`, one after another (vega is single-threaded work). */
export async function reportCharts(data: ReportData): Promise<ReportCharts> {
  const timelines: (InlineSvg | null)[] = [];
  for (const entry of data.scenarios) {
    timelines.push(
      entry.firings.length === 0
        ? null
        : await drawn(() =>
            timelineSpec(entry.firings, { title: entry.name, subtitle: timelineSubtitle(entry) }),
          ),
    );
  }
  const figures: InlineSvg[] = [];
  for (const figure of data.bench?.figures ?? []) figures.push(await drawn(() => figureSpec(figure)));
  const ratios = data.bench?.ratios ?? [];
  return Object.freeze({
    timelines: Object.freeze(timelines),
    figures: Object.freeze(figures),
    ...(ratios.length === 0 ? {} : { ratios: await drawn(() => ratioBarSpec(ratios, RATIO_CHART)) }),
  });
}
