/**
 * How repeated timings become one figure point: the median (robust to the odd run that a garbage
 * collection or another process on the machine slowed down) and the spread as the lowest and the
 * highest run, with the run count kept beside them so a reader knows how much the spread can say.
 * Pure arithmetic on samples; measuring them is `sampler.ts`'s job.
 */

/** One timed run: wall-clock time and the process's CPU time (user + system), both in ms. */
export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** The median of several values with the lowest and the highest beside it. */
export interface Spread {
  readonly median: number;
  /** The minimum over the runs. */
  readonly low: number;
  /** The maximum over the runs. */
  readonly high: number;
}

/**
 * Several runs of one measurement. Wall-clock time is what the paper plots; CPU time stays
 * meaningful when other work shares the machine, and is what `openssl speed` divides by.
 */
export interface TimingStat {
  readonly runs: number;
  readonly wallMs: Spread;
  readonly cpuMs: Spread;
}

/** Rounds to `digits` decimals (ms to 0.1 µs by default): more digits than that are noise. */
export function roundTo(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function assertSamples(what: string, values: readonly number[]): void {
  if (values.length === 0) throw new RangeError(`${what}: needs at least one value`);
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${what}: value ${i} must be a finite number, got ${String(v)}`);
    }
  });
}

/** The median of `values` (the mean of the two middle ones for an even count). Throws on none. */
export function median(values: readonly number[]): number {
  assertSamples('median', values);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, minimum and maximum of `values`. Throws on an empty list or a non-finite value. */
export function spreadOf(values: readonly number[]): Spread {
  assertSamples('spreadOf', values);
  return Object.freeze({ median: median(values), low: Math.min(...values), high: Math.max(...values) });
}

/** The spread of a list scaled by `factor` and rounded: ms to s for a chart, for instance. */
export function scaleSpread(spread: Spread, factor: number, digits = 6): Spread {
  return Object.freeze({
    median: roundTo(spread.median * factor, digits),
    low: roundTo(spread.low * factor, digits),
    high: roundTo(spread.high * factor, digits),
  });
}

/** The statistics of several runs, wall and CPU separately, rounded to 0.1 µs. */
export function timingStat(samples: readonly Sample[]): TimingStat {
  const wall = spreadOf(samples.map((s) => s.wallMs));
  const cpu = spreadOf(samples.map((s) => s.cpuMs));
  return Object.freeze({
    runs: samples.length,
    wallMs: scaleSpread(wall, 1, 4),
    cpuMs: scaleSpread(cpu, 1, 4),
  });
}

/**
 * Two phases of one run added up (T_up = T_enc + T_upload is a sum per run, and its median is
 * the median of the sums, not the sum of the medians).
 */
export function addSamples(a: Sample, b: Sample): Sample {
  return Object.freeze({ wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs });
}
