/**
 * The executor's state: the protocol `System` a scenario runs against, brought to the scenario's
 * start state (design "Scenario semantics"): every principal registered (unless `registered:
 * false`), approved ones with keys and a certificate; every approved owner's partition scheme,
 * history policy and grants in force; every approved-at-start user a member of every approved
 * owner's group with its role, joined at the start. Files exist only after their `upload` step.
 */
import { createSystem, type SeSphrSystem } from '../../protocol/index.ts';
import type { FileName, Scenario } from '../scenario/index.ts';
import { applyOwnerPolicy, approvePrincipal } from './principal-setup.ts';
import { callRecorder, type ProtocolCall } from './protocol-call.ts';
import { asPrincipal } from './protocol-ids.ts';

/**
 * A scenario in execution. `system` is mutated by every step; `sizes` remembers each uploaded
 * file's size, which an `update` sizes its new content by.
 */
export interface ExecContext {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly system: SeSphrSystem;
  /** The calls that built the start state, in order (all `ok` for a consistent scenario). */
  readonly setup: readonly ProtocolCall[];
  readonly sizes: Map<FileName, number>;
}

/**
 * A system for `scenario` seeded with `seed` (every key, r, nonce, bucket and challenge follows
 * from it), in the scenario's start state. The scenario's own `seed` is the caller's to resolve.
 */
export function createExecContext(scenario: Scenario, seed: string): ExecContext {
  const system = createSystem({
    seed,
    variant: scenario.variant,
    start: scenario.start,
    buckets: scenario.buckets,
  });
  const recorder = callRecorder(system);
  const principals = Object.values(scenario.principals);
  for (const p of principals) {
    if (p.status === 'unregistered') continue;
    recorder.run('register', p.name, () => system.register({ principal: asPrincipal(p.name), role: p.role }));
  }
  for (const p of principals) if (p.status === 'approved') approvePrincipal(system, recorder, p.name);
  for (const p of principals) {
    if (p.status === 'approved' && p.role === 'owner') applyOwnerPolicy(system, recorder, scenario, p.name);
  }
  return Object.freeze({
    scenario,
    seed,
    system,
    setup: Object.freeze([...recorder.calls]),
    sizes: new Map(),
  });
}
