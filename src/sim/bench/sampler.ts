/**
 * The one way a benchmark times something: wall clock (`performance.now`) and the process's CPU
 * time (`process.cpuUsage`, user + system) around the call and nothing else, so inputs built
 * before the call never count. Warm-up calls run first and are thrown away: the JIT compiles the
 * hot paths, and lazily built tables (the pairing of the generators) are built before timing.
 */
import type { Sample } from './timing-stat.ts';

/** How many untimed calls come first and how many timed ones follow. */
export interface RunPlan {
  readonly warmup: number;
  readonly runs: number;
}

/** Times one call of `body`. */
export function timeOnce(body: () => unknown): Sample {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  body();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return Object.freeze({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
}

/**
 * `plan.warmup` untimed then `plan.runs` timed calls of `body(prepare(i))`, i counting every call
 * from 0: `prepare` builds each call's input outside the timed region (a fresh system, a fresh
 * nonce source), so only the operation itself is measured. Returns the timed samples in order.
 */
export function sampleRuns<T>(
  plan: RunPlan,
  prepare: (i: number) => T,
  body: (input: T) => unknown,
): Sample[] {
  for (let i = 0; i < plan.warmup; i++) body(prepare(i));
  const samples: Sample[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const input = prepare(plan.warmup + i);
    samples.push(timeOnce(() => body(input)));
  }
  return samples;
}
