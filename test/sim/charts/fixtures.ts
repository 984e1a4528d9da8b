/** Test data for the chart tests: a small run and a figure with our own measured points. */
import type { FigureSeries } from '../../../src/sim/charts/figure-series.ts';
import { PAPER_FIGURES } from '../../../src/sim/charts/paper-figures.ts';
import type { TimelineFiring } from '../../../src/sim/charts/timeline-firing.ts';

const T0 = 1_700_000_000;

/** A share-and-attack run: 9 firings by 5 actors, with success and alert outcomes. */
export const SAMPLE_FIRINGS: readonly TimelineFiring[] = Object.freeze(
  (
    [
      ['Gen_Keys', 'SRS', 'ok', 0, 0, 4],
      ['Send_Keys', 'SRS', 'ok', 0, 4, 0.5],
      ['Encrypt_Pi', 'owner', 'ok', 60, 4.5, 12],
      ['Send_C', 'owner', 'ok', 120, 16.5, 1],
      ['D_R_S', 'SRS', 'granted', 300, 17.5, 6],
      ['Decrypt_C', 'doctor', 'decrypts', 310, 23.5, 3],
      ['D_R_F', 'SRS', 'denied', 400, 26.5, 0.004],
      ['Tamper', 'attacker', 'fails', 500, 27, 0.2],
      ['Audit', 'TPA', 'detected', 600, 27.5, 9],
    ] as const
  ).map(([transition, actor, outcome, sim, startMs, durationMs], index) => ({
    index,
    transition,
    actor,
    outcome,
    simulatedTime: T0 + sim,
    startMs,
    durationMs,
  })),
);

/** Fig. 3 with an `ours` series that has a measured spread at every point. */
export const FIG3_WITH_OURS: FigureSeries = {
  ...PAPER_FIGURES['fig3-keygen'],
  points: [
    ...PAPER_FIGURES['fig3-keygen'].points,
    ...[10, 100, 500, 1000, 5000, 10000].map((x) => ({
      x,
      series: 'ours',
      median: 0.0005 * x,
      low: 0.0004 * x,
      high: 0.0007 * x,
    })),
  ],
};
