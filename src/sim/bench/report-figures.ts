/**
 * The measurements turned into what the charts draw: each of the paper's Figs. 3–6 with the
 * paper's series (from `PAPER_FIGURES`) and ours on the same axes, in seconds over wall-clock
 * time (what the paper plots), bars from the fastest to the slowest run; and the comparisons with
 * reference implementations as ratio rows. Pure: the notes say what exactly ours measured.
 */
import {
  type FigurePoint,
  type FigureSeries,
  PAPER_FIGURES,
  type PaperFigureId,
  type RatioOptions,
  type RatioRow,
} from '../charts/index.ts';
import type { AesComparison } from './aes-comparison.ts';
import type { KeygenMeasurement } from './keygen-timing.ts';
import type { ShareMeasurement } from './share-timing.ts';
import { scaleSpread, type TimingStat } from './timing-stat.ts';
import type { UmbralComparison } from './umbral-comparison.ts';

/** The paper's four figures, each with ours added. */
export type BenchFigures = Readonly<Record<PaperFigureId, FigureSeries>>;

/** What the ratio chart says about itself. */
export const RATIO_CHART: RatioOptions = Object.freeze({
  title: 'SeSPHR beside reference implementations, same process',
  xLabel: 'time ours / time reference (below 1: ours faster)',
  subtitle:
    'CPU-time medians; umbral-pre reencrypt, decryptReencrypted; AES per CPU second as openssl counts',
});

/**
 * The paper, cited short: the subtitle is one line, and the charts module's longer note would
 * push the plot off the page beside ours (the table and the README give the full reference).
 */
const PAPER_CITATION = 'paper (dashed): Ali et al., IEEE TCC 2018';

const ours = (series: string, x: number, stat: TimingStat): FigurePoint => {
  const s = scaleSpread(stat.wallMs, 1 / 1000);
  return Object.freeze({ x, series, median: s.median, low: s.low, high: s.high });
};

const withOurs = (id: PaperFigureId, note: string, points: readonly FigurePoint[]): FigureSeries => {
  const paper = PAPER_FIGURES[id];
  return Object.freeze({
    ...paper,
    note: `${note}; ${PAPER_CITATION}`,
    points: Object.freeze([...paper.points, ...points]),
  });
};

/** Figs. 3–6 with the paper's series and ours; `buckets` is the simulated cloud's, for Fig. 6's note. */
export function benchFigures(
  keygen: readonly KeygenMeasurement[],
  shares: readonly ShareMeasurement[],
  buckets: number,
): BenchFigures {
  const partitions = shares[0]?.partitions ?? 0;
  return Object.freeze({
    'fig3-keygen': withOurs(
      'fig3-keygen',
      'ours: the SRS makes N key pairs (rule 23), BLS12-381 in pure JS',
      keygen.map((k) => ours('ours', k.users, k.total)),
    ),
    'fig4-encrypt': withOurs(
      'fig4-encrypt',
      `ours: r, K = Z^r, R_P per level; ${partitions} partitions sealed, indexed, Merkle-signed`,
      shares.map((s) => ours('ours', s.kib, s.encrypt)),
    ),
    'fig5-decrypt': withOurs(
      'fig5-decrypt',
      `ours: a doctor opens all ${partitions} partitions, K = R_U^{1/x_U} and AES-GCM each`,
      shares.map((s) => ours('ours', s.kib, s.decrypt)),
    ),
    'fig6-turnaround': withOurs(
      'fig6-turnaround',
      `ours: in-process cloud (${buckets} buckets), not Amazon S3 as in the paper`,
      [
        ...shares.map((s) => ours('ours T_up', s.kib, s.up)),
        ...shares.map((s) => ours('ours T_down', s.kib, s.down)),
      ],
    ),
  });
}

/** One row per comparison that was measured, ratio = our time over the reference's. */
export function benchRatios(aes: AesComparison, umbral: UmbralComparison): RatioRow[] {
  const rows: RatioRow[] = [];
  if (aes.ratio !== undefined) {
    rows.push({
      label: `AES-256-GCM ${aes.bytes / 2 ** 20} MiB vs openssl speed`,
      ratio: aes.ratio.oursOverTheirs,
    });
  }
  switch (umbral.kind) {
    case 'measured':
      rows.push(
        {
          label: 're-encryption vs umbral-pre',
          ratio: umbral.reEncryption.ratio.oursOverTheirs,
        },
        {
          label: `decryption (${umbral.payloadBytes} B) vs umbral-pre`,
          ratio: umbral.decryption.ratio.oursOverTheirs,
        },
      );
      break;
    case 'unavailable':
      break;
    default: {
      const unreachable: never = umbral;
      return unreachable;
    }
  }
  return rows;
}
