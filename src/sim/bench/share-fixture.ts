/**
 * The smallest system a share needs, built through the real protocol: an owner and a doctor, both
 * registered and approved (SRS key pairs, CA certificates), the doctor in the owner's group and its
 * role granted every partition of the owner's scheme, so it can decrypt a whole PHR. Benchmarks
 * build one per timed run, untimed, so no run inherits the stored files and logs of the one before.
 */
import {
  createSystem,
  type Outcome,
  type PrincipalId,
  principalId,
  type SeSphrSystem,
} from '../../protocol/index.ts';

/** A system with one owner and one doctor who may read all the owner's partitions. */
export interface ShareFixture {
  readonly system: SeSphrSystem;
  readonly owner: PrincipalId;
  readonly doctor: PrincipalId;
}

/** The owner's and the doctor's ids in every fixture. */
export const FIXTURE_OWNER: PrincipalId = principalId('alice');
export const FIXTURE_DOCTOR: PrincipalId = principalId('bob');

/**
 * The value of an outcome the benchmark needs to succeed; a refusal means the benchmark itself is
 * wrong (a step out of order, a missing grant), so it throws with the protocol's reason.
 */
export function expectOk<T>(outcome: Outcome<T>, what: string): T {
  switch (outcome.kind) {
    case 'ok':
      return outcome.value;
    case 'denied':
      throw new Error(`bench: ${what} was refused (${outcome.reason}): ${outcome.detail}`);
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

/** A fresh fixture from `seed`, its cloud spreading ciphertexts over `buckets` buckets. */
export function shareFixture(seed: string, buckets: number): ShareFixture {
  const system = createSystem({ seed, buckets });
  for (const [principal, role] of [
    [FIXTURE_OWNER, 'owner'],
    [FIXTURE_DOCTOR, 'doctor'],
  ] as const) {
    expectOk(system.register({ principal, role }), `register ${principal}`);
    expectOk(system.approve({ principal }), `approve ${principal}`);
  }
  const partitions = [...system.scheme(FIXTURE_OWNER).keys()];
  expectOk(system.join({ owner: FIXTURE_OWNER, user: FIXTURE_DOCTOR }), 'the doctor joins');
  expectOk(system.grant({ owner: FIXTURE_OWNER, role: 'doctor', partitions }), 'grant the doctor');
  return Object.freeze({ system, owner: FIXTURE_OWNER, doctor: FIXTURE_DOCTOR });
}
