/**
 * Whose knowledge the conformance check compares: every declared principal, then every
 * infrastructure actor, in that order (the order divergences and the stepper list them in).
 */
import { INFRASTRUCTURE } from '../../protocol/index.ts';
import type { Scenario } from '../scenario/index.ts';

/** The actors of `scenario` with a knowledge place in its net. */
export function runActors(scenario: Scenario): readonly string[] {
  return [...Object.keys(scenario.principals), ...INFRASTRUCTURE];
}
