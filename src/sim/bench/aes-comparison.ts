/**
 * Bulk AES-256-GCM as the DEM seals a partition (`aesGcmEncrypt`, node:crypto), on one large
 * buffer, beside `openssl speed` run on the same machine at the same time. Both figures are per
 * CPU second, the basis `openssl speed` uses, so a busy machine skews neither; the wall-clock
 * figure is kept beside ours for the reader who wants it. MB are 10^6 bytes, as OpenSSL counts.
 */
import { aesGcmEncrypt, seededRng } from '../../protocol/index.ts';
import type { BenchConfig } from './bench-config.ts';
import { measureOpensslSpeed, type OpensslSpeed } from './openssl-speed.ts';
import type { Progress } from './progress.ts';
import { sampleRuns } from './sampler.ts';
import { type TimeRatio, timeRatio } from './time-ratio.ts';
import { roundTo, type TimingStat, timingStat } from './timing-stat.ts';

/** Our bulk AES-256-GCM against OpenSSL's. */
export interface AesComparison {
  readonly bytes: number;
  /** Encrypting the whole buffer once, over the runs (after two warm-up runs). */
  readonly ours: TimingStat;
  /** MB/s by the median CPU time (the figure set beside OpenSSL's) and by the median wall time. */
  readonly oursCpuMBps: number;
  readonly oursWallMBps: number;
  readonly openssl: OpensslSpeed;
  /**
   * Time per byte, ours against OpenSSL's, both per CPU second; absent when OpenSSL was not
   * measured (or the buffer was too small for the CPU clock to see). `oursOverTheirs` is also OpenSSL's MB/s over ours.
   */
  readonly ratio?: TimeRatio;
}

const WARMUP = 2;

/** Measures ours with `plan`, then runs OpenSSL. */
export function measureAes(plan: BenchConfig['aes'], seed: string, progress: Progress): AesComparison {
  const rng = seededRng(`${seed}/aes`);
  const data = rng.bytes(plan.bytes);
  const key = rng.bytes(32);
  const nonce = rng.bytes(12);
  const aad = new Uint8Array(0);
  progress(`AES-256-GCM: ${plan.runs} runs on ${plan.bytes} bytes`);
  const ours = timingStat(
    sampleRuns(
      { warmup: WARMUP, runs: plan.runs },
      () => data,
      (d) => aesGcmEncrypt(key, nonce, d, aad),
    ),
  );
  const mbps = (ms: number) => roundTo(plan.bytes / 1e6 / (ms / 1000), 1);
  progress(`AES-256-GCM: ${plan.opensslCommand} speed, ${plan.opensslSeconds} s`);
  const openssl = measureOpensslSpeed(plan.opensslCommand, plan.opensslSeconds);
  const oursCpuMBps = mbps(ours.cpuMs.median);
  const base = { bytes: plan.bytes, ours, oursCpuMBps, oursWallMBps: mbps(ours.wallMs.median), openssl };
  return Object.freeze(
    openssl.kind === 'measured' && Number.isFinite(oursCpuMBps)
      ? { ...base, ratio: timeRatio(openssl.mbPerSecond16k, oursCpuMBps) }
      : base,
  );
}
