/**
 * A `BenchReport` as text for a terminal: the machine and seed first (a figure means little
 * without them), then each of the paper's figures as a small table with the paper's value beside
 * our median and spread, the per-operation costs, and the comparisons read out in both directions.
 * Pure: the command prints what this returns.
 */
import { PAPER_FIGURES, type PaperFigureId } from '../charts/index.ts';
import type { BenchReport } from './bench-report.ts';
import type { Spread, TimingStat } from './timing-stat.ts';
import type { PairedTiming } from './umbral-comparison.ts';

type Cell = string;

/** Columns padded to their widest cell: names (the first `leftColumns`) left-aligned, numbers right. */
function table(headers: readonly Cell[], rows: readonly (readonly Cell[])[], leftColumns = 0): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('   ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

/** Three significant digits, without exponent notation for the sizes a benchmark meets. */
export function significant(x: number): string {
  if (x === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 8));
}

const seconds = (ms: number) => significant(ms / 1000);
const spread = (s: Spread, unit: (v: number) => string) => `${unit(s.low)}–${unit(s.high)}`;

/** The paper's value at `x` in `series` of a figure, `≈` marking a value read off a plot. */
function paperAt(id: PaperFigureId, series: string, x: number): Cell {
  const p = PAPER_FIGURES[id].points.find((q) => q.series === series && q.x === x);
  if (p === undefined) return '—';
  return `${p.approximate === true ? '≈' : ''}${significant(p.median)}`;
}

const statCells = (id: PaperFigureId, series: string, x: number, stat: TimingStat): Cell[] => [
  paperAt(id, series, x),
  seconds(stat.wallMs.median),
  spread(stat.wallMs, seconds),
];

function pairedLine(what: string, p: PairedTiming, theirs: string): string {
  return (
    `  ${what}: ours ${significant(p.ours.cpuMs.median)} ms, ${theirs} ${significant(p.theirs.cpuMs.median)} ms ` +
    `(CPU medians); ours/theirs ×${significant(p.ratio.oursOverTheirs)}, ` +
    `theirs/ours ×${significant(p.ratio.theirsOverOurs)}`
  );
}

/** The whole report as text, ending with a newline. */
export function formatBenchReport(report: BenchReport): string {
  const { machine, config } = report;
  const out: string[] = [
    `sesphr bench (${config.mode}): seed ${JSON.stringify(report.seed)}, ${config.buckets} cloud buckets, ${report.seconds} s`,
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ` +
      `load average ${machine.loadAverageStart} at start, ${report.loadAverageEnd} at end`,
    'times in seconds (wall clock): our median and min–max over the runs beside the paper (≈: read off its plot)',
    '',
    'Fig. 3, key generation: the SRS makes N key pairs',
    table(
      ['users', 'paper', 'ours', 'min–max', 'runs', 'per key pair'],
      report.keygen.map((k) => [
        String(k.users),
        ...statCells('fig3-keygen', 'paper', k.users, k.total),
        String(k.total.runs),
        `${significant(k.perUserMs)} ms`,
      ]),
    ),
    '',
    "Fig. 4, encryption: the owner's whole upload crypto",
    table(
      ['KB', 'paper', 'ours', 'min–max', 'runs'],
      report.shares.map((s) => [
        String(s.kib),
        ...statCells('fig4-encrypt', 'paper', s.kib, s.encrypt),
        String(s.encrypt.runs),
      ]),
    ),
    '',
    'Fig. 5, decryption: a doctor granted every partition decrypts them all',
    table(
      ['KB', 'paper', 'ours', 'min–max', 'runs'],
      report.shares.map((s) => [
        String(s.kib),
        ...statCells('fig5-decrypt', 'paper', s.kib, s.decrypt),
        String(s.decrypt.runs),
      ]),
    ),
    '',
    'Fig. 6, turnaround: T_up = T_enc + T_upload, T_down = T_dec + T_download (ours: in-process cloud, not S3)',
    table(
      ['KB', 'paper T_up', 'ours T_up', 'paper T_down', 'ours T_down', 'upload', 'download', 'runs'],
      report.shares.map((s) => [
        String(s.kib),
        paperAt('fig6-turnaround', 'paper T_up', s.kib),
        seconds(s.up.wallMs.median),
        paperAt('fig6-turnaround', 'paper T_down', s.kib),
        seconds(s.down.wallMs.median),
        seconds(s.upload.wallMs.median),
        seconds(s.download.wallMs.median),
        String(s.up.runs),
      ]),
    ),
    '',
    'Per-operation costs (ms)',
    table(
      ['operation', 'median', 'min–max', 'CPU median', 'runs'],
      report.operations.map((o) => [
        o.op,
        significant(o.stat.wallMs.median),
        spread(o.stat.wallMs, significant),
        significant(o.stat.cpuMs.median),
        String(o.stat.runs),
      ]),
      1,
    ),
    '',
    'Comparisons in this process',
  ];
  const { aes, umbral } = report;
  const openssl =
    aes.openssl.kind === 'measured'
      ? `OpenSSL ${aes.openssl.version} ${significant(aes.openssl.mbPerSecond16k)} MB/s (16 KiB blocks)`
      : `OpenSSL unavailable (${aes.openssl.reason})`;
  out.push(
    `  AES-256-GCM on ${significant(aes.bytes / 2 ** 20)} MiB: node:crypto ${significant(aes.oursCpuMBps)} MB/s per CPU second ` +
      `(${significant(aes.oursWallMBps)} by wall clock); ${openssl}`,
  );
  if (aes.ratio !== undefined) {
    out.push(
      `    time ours/openssl ×${significant(aes.ratio.oursOverTheirs)}, ` +
        `openssl/ours ×${significant(aes.ratio.theirsOverOurs)}`,
    );
  }
  switch (umbral.kind) {
    case 'measured':
      out.push(
        `  ${umbral.library} ${umbral.version} (Umbral on secp256k1, WebAssembly), payload ${umbral.payloadBytes} bytes:`,
        pairedLine('  re-encryption', umbral.reEncryption, 'umbral reencrypt'),
        pairedLine('  decryption', umbral.decryption, 'umbral decryptReencrypted'),
      );
      break;
    case 'unavailable':
      out.push(`  ${umbral.library} unavailable: ${umbral.reason}`);
      break;
    default: {
      const unreachable: never = umbral;
      return unreachable;
    }
  }
  return `${out.join('\n')}\n`;
}
