/**
 * What one `sesphr bench` run measures, as plain data that the report carries along, so every
 * number in it can be traced to its run counts and sizes. `benchConfig(mode, options)` resolves the
 * two presets: `quick` (the paper's variables thinned out, under a minute on two cores) and `full`
 * (the paper's variables, plus PHRs of 8, 32 and 100 MiB and 5,000 and 10,000 users). Tests build
 * smaller configs by hand; `assertBenchConfig` checks any config at the boundary.
 */
import type { RunPlan } from './sampler.ts';

/** The two presets of the command line. */
export type BenchMode = 'quick' | 'full';

/** The seed printed and used when none is given: every run is reproducible by default. */
export const DEFAULT_SEED = 'sesphr-bench';

/** Buckets the simulated cloud spreads each ciphertext over by default (chunked storage, SPEC 3.2). */
export const DEFAULT_BUCKETS = 4;

/** One point of Fig. 3: how many users the SRS makes key pairs for, and how often. */
export interface KeygenPoint {
  readonly users: number;
  readonly runs: number;
}

/** One point of Figs. 4–6: a PHR size in KB of 1024 bytes (the paper's unit), and how often. */
export interface SharePoint {
  readonly kib: number;
  readonly runs: number;
}

/** A resolved benchmark configuration. */
export interface BenchConfig {
  /** `custom` for a config that is neither preset (tests). */
  readonly mode: BenchMode | 'custom';
  readonly seed: string;
  /** Buckets of the simulated cloud; above 1 every ciphertext is chunked. */
  readonly buckets: number;
  /** Fig. 3; `warmup` untimed runs at the first point before any point is timed. */
  readonly keygen: { readonly warmup: number; readonly points: readonly KeygenPoint[] };
  /** Figs. 4–6; `warmup` untimed round trips at the first size. */
  readonly share: { readonly warmup: number; readonly points: readonly SharePoint[] };
  /** Per-operation costs; decryption per partition on partitions of `partitionKiB`. */
  readonly operations: RunPlan & { readonly partitionKiB: number };
  /** Bulk AES-256-GCM beside `openssl speed` (`opensslCommand` is looked up on PATH). */
  readonly aes: {
    readonly bytes: number;
    readonly runs: number;
    readonly opensslCommand: string;
    readonly opensslSeconds: number;
  };
  /** Re-encryption and decryption beside umbral-pre, on payloads of `payloadBytes`. */
  readonly umbral: RunPlan & { readonly payloadBytes: number };
}

const MIB = 1024 * 1024;

const points = <P>(values: readonly number[], make: (v: number) => P): readonly P[] =>
  Object.freeze(values.map((v) => Object.freeze(make(v))));

const PRESETS: Readonly<Record<BenchMode, Omit<BenchConfig, 'seed' | 'buckets'>>> = Object.freeze({
  quick: {
    mode: 'quick',
    keygen: { warmup: 3, points: points([10, 100, 500, 1000], (users) => ({ users, runs: 3 })) },
    share: { warmup: 1, points: points([50, 512, 2048], (kib) => ({ kib, runs: 3 })) },
    operations: { warmup: 2, runs: 10, partitionKiB: 64 },
    aes: { bytes: 16 * MIB, runs: 5, opensslCommand: 'openssl', opensslSeconds: 1 },
    umbral: { warmup: 3, runs: 15, payloadBytes: 1024 },
  },
  full: {
    mode: 'full',
    keygen: {
      warmup: 3,
      points: points([10, 100, 500, 1000, 5000, 10000], (users) => ({ users, runs: users > 1000 ? 3 : 5 })),
    },
    share: {
      warmup: 2,
      points: points([50, 128, 256, 512, 1024, 2048, 8 * 1024, 32 * 1024, 100 * 1024], (kib) => ({
        kib,
        runs: kib > 2048 ? 3 : 5,
      })),
    },
    operations: { warmup: 5, runs: 30, partitionKiB: 64 },
    aes: { bytes: 16 * MIB, runs: 11, opensslCommand: 'openssl', opensslSeconds: 3 },
    umbral: { warmup: 5, runs: 30, payloadBytes: 1024 },
  },
});

/** A preset with the seed and bucket count filled in (defaults {@link DEFAULT_SEED}, {@link DEFAULT_BUCKETS}). */
export function benchConfig(
  mode: BenchMode,
  options: { readonly seed?: string; readonly buckets?: number } = {},
): BenchConfig {
  return assertBenchConfig({
    ...PRESETS[mode],
    seed: options.seed ?? DEFAULT_SEED,
    buckets: options.buckets ?? DEFAULT_BUCKETS,
  });
}

function count(what: string, v: number, min: number): void {
  if (!Number.isSafeInteger(v) || v < min) {
    throw new RangeError(`${what} must be an integer >= ${min}, got ${String(v)}`);
  }
}

function plan(what: string, p: RunPlan): void {
  count(`${what}.warmup`, p.warmup, 0);
  count(`${what}.runs`, p.runs, 1);
}

/**
 * Checks a config and returns it: every count a whole number (runs at least 1, warm-ups at least 0),
 * sizes positive, at least one point per figure, a non-empty seed and OpenSSL command.
 */
export function assertBenchConfig(config: BenchConfig): BenchConfig {
  if (typeof config.seed !== 'string' || config.seed.length === 0) {
    throw new TypeError(`seed must be a non-empty string, got ${JSON.stringify(config.seed)}`);
  }
  count('buckets', config.buckets, 1);
  count('keygen.warmup', config.keygen.warmup, 0);
  if (config.keygen.points.length === 0) throw new RangeError('keygen.points must not be empty');
  config.keygen.points.forEach((p, i) => {
    count(`keygen.points[${i}].users`, p.users, 1);
    count(`keygen.points[${i}].runs`, p.runs, 1);
  });
  count('share.warmup', config.share.warmup, 0);
  if (config.share.points.length === 0) throw new RangeError('share.points must not be empty');
  config.share.points.forEach((p, i) => {
    count(`share.points[${i}].kib`, p.kib, 2);
    count(`share.points[${i}].runs`, p.runs, 1);
  });
  plan('operations', config.operations);
  count('operations.partitionKiB', config.operations.partitionKiB, 1);
  count('aes.bytes', config.aes.bytes, 1);
  count('aes.runs', config.aes.runs, 1);
  count('aes.opensslSeconds', config.aes.opensslSeconds, 1);
  if (config.aes.opensslCommand.length === 0) throw new TypeError('aes.opensslCommand must not be empty');
  plan('umbral', config.umbral);
  count('umbral.payloadBytes', config.umbral.payloadBytes, 1);
  return config;
}
