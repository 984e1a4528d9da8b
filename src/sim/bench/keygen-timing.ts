/**
 * Fig. 3 reproduced: the time the SRS takes to generate key pairs for N users (rule 23, Gen_Keys,
 * eq. 5: x ← Z_q*, PK = g2^x), through the real system: N registered and approved doctors, then
 * `genKeys` for each, timed as one run. Registration and approval happen before the clock starts,
 * on a fresh system per run so no run finds keys the one before made.
 */
import { createSystem, type PrincipalId, principalId, type SeSphrSystem } from '../../protocol/index.ts';
import type { BenchConfig } from './bench-config.ts';
import type { Progress } from './progress.ts';
import { sampleRuns } from './sampler.ts';
import { expectOk } from './share-fixture.ts';
import { roundTo, type TimingStat, timingStat } from './timing-stat.ts';

/** One point of Fig. 3. */
export interface KeygenMeasurement {
  readonly users: number;
  /** Time to generate all N key pairs, over the runs. */
  readonly total: TimingStat;
  /** The median wall time divided by N: the cost of one key pair. */
  readonly perUserMs: number;
}

/** A fresh system with `users` approved doctors who have no keys yet, and their ids. */
function approvedUsers(seed: string, users: number): { system: SeSphrSystem; ids: readonly PrincipalId[] } {
  const system = createSystem({ seed });
  const ids = Array.from({ length: users }, (_, i) => principalId(`user-${i}`));
  for (const principal of ids) {
    expectOk(system.register({ principal, role: 'doctor' }), `register ${principal}`);
    expectOk(system.approveRegistration({ principal }), `approve ${principal}`);
  }
  return { system, ids };
}

/** Rule 23 for every user: the timed part of a run. */
function generateAll({ system, ids }: { system: SeSphrSystem; ids: readonly PrincipalId[] }): void {
  for (const principal of ids) expectOk(system.genKeys({ principal }), `gen-keys ${principal}`);
}

/** Measures every point of `plan`, after `plan.warmup` untimed runs at the first point. */
export function measureKeygen(
  plan: BenchConfig['keygen'],
  seed: string,
  progress: Progress,
): KeygenMeasurement[] {
  const first = plan.points[0];
  if (first !== undefined && plan.warmup > 0) {
    progress(`fig. 3: warm-up, ${plan.warmup} × ${first.users} users`);
    sampleRuns(
      { warmup: plan.warmup, runs: 0 },
      (i) => approvedUsers(`${seed}/keygen/warmup/${i}`, first.users),
      generateAll,
    );
  }
  return plan.points.map(({ users, runs }) => {
    const samples = sampleRuns(
      { warmup: 0, runs },
      (i) => {
        progress(`fig. 3: ${users} users, run ${i + 1}/${runs}`);
        return approvedUsers(`${seed}/keygen/${users}/${i}`, users);
      },
      generateAll,
    );
    const total = timingStat(samples);
    return Object.freeze({ users, total, perUserMs: roundTo(total.wallMs.median / users) });
  });
}
