/**
 * Which seed a run uses: the scenario's own, else the one given on the command line, else one
 * drawn from the operating system. A drawn seed is the only randomness that does not flow from a
 * seed, so it is always printed with the run: passing it back with `--seed` replays the run.
 */
import { randomInt } from 'node:crypto';
import type { Scenario } from '../scenario/index.ts';

/** Where a run's seed came from. */
export type SeedOrigin = 'scenario' | 'option' | 'drawn';

/** A run's seed and its origin. */
export interface ResolvedSeed {
  readonly seed: string;
  readonly origin: SeedOrigin;
}

/** The scenario's seed, else `option`, else `drawn` (integer and text seeds alike, as text). */
export function resolveSeed(scenario: Scenario, option: string | undefined, drawn: string): ResolvedSeed {
  if (scenario.seed !== undefined) return { seed: String(scenario.seed), origin: 'scenario' };
  if (option !== undefined) return { seed: option, origin: 'option' };
  return { seed: drawn, origin: 'drawn' };
}

/** A fresh seed from the operating system: a whole number below 2^31, short enough to type back. */
export function drawSeed(): string {
  return String(randomInt(0, 2 ** 31 - 1));
}
