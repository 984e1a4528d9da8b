/**
 * A small world for the system tests: owner alice; doctors bob and dave, pharmacist carol, all
 * approved and in alice's group; doctors may read personal and medical, pharmacists insurance and
 * prescription. PHRs are small (1–4 KiB) because every request costs a pairing.
 */
import { expect } from 'vitest';
import { fileId, principalId } from '../../src/protocol/ids.ts';
import type { Outcome } from '../../src/protocol/outcome.ts';
import { partitionLabel } from '../../src/protocol/phr/partition.ts';
import { createSystem, type SeSphrSystem, type SystemOptions } from '../../src/protocol/system.ts';

export const alice = principalId('alice');
export const bob = principalId('bob');
export const carol = principalId('carol');
export const dave = principalId('dave');
export const mallory = principalId('mallory');
export const f1 = fileId('f1');

export const personal = partitionLabel('personal');
export const medical = partitionLabel('medical');
export const insurance = partitionLabel('insurance');
export const prescription = partitionLabel('prescription');
export const ALL_PARTITIONS = [personal, medical, insurance, prescription] as const;

/** The value of a success; a refusal fails the test with its reason and detail. */
export function value<T>(outcome: Outcome<T>): T {
  if (outcome.kind === 'denied') {
    expect.fail(`expected ok, got denied ${outcome.reason}: ${outcome.detail}`);
  }
  return outcome.value;
}

/** The reason of a refusal; a success fails the test. */
export function reason<T>(outcome: Outcome<T>): string {
  if (outcome.kind === 'ok') expect.fail('expected a refusal, got ok');
  return outcome.reason;
}

/** The world described above, before any upload. */
export function world(options: Partial<SystemOptions> & { readonly seed: string }): SeSphrSystem {
  const system = createSystem({ uploadBytes: 2048, ...options });
  value(system.register({ principal: alice, role: 'owner' }));
  value(system.approve({ principal: alice }));
  for (const [principal, role] of [
    [bob, 'doctor'],
    [carol, 'pharmacist'],
    [dave, 'doctor'],
  ] as const) {
    value(system.register({ principal, role }));
    value(system.approve({ principal }));
    value(system.join({ owner: alice, user: principal }));
  }
  value(system.grant({ owner: alice, role: 'doctor', partitions: [personal, medical] }));
  value(system.grant({ owner: alice, role: 'pharmacist', partitions: [insurance, prescription] }));
  return system;
}
