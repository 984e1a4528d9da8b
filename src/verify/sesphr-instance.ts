/**
 * The finite instances the SeSPHR properties are verified on. A verdict holds for its instance
 * only: these principals, files, partitions, versions, instants, revocations. Each property names
 * the smallest instance that can show it fail (its mutants must be able to violate it), because
 * the state space grows fast with every user and instant:
 * - `base`: owner alice with one partition (medical, level 1) granted to doctors, doctor bob
 *   approved and in her group from the start, one file, one version per partition, one
 *   revocation, one instant, and a window entirely after it (so every request under that window
 *   is outside it); more users (`users`) take the next roles, granted nothing, and more files
 *   (`files`) are f2, f3…;
 * - `late-join`: the same owner and files, with doctor dave registered but not yet approved, two
 *   instants an hour apart and alice's history policy `from-join`: the one setting where joining
 *   late makes a difference (P9); no revocation.
 * Refusals are not logged in either (no property reads the attack log, and logging multiplies the
 * states).
 */

import type { UserRole } from '../protocol/ids.ts';
import type { NetWorld, WorldPrincipal } from '../protocol/net/index.ts';
import type { Variant } from '../protocol/variant.ts';

/** Which instance a property is verified on (see the module comment). */
export type InstanceProfile = 'base' | 'late-join';

/** What the command line may change about the instances. */
export interface InstanceOptions {
  /** Users besides the owner in `base` (at least 1: doctor bob). */
  readonly users: number;
  /** Files (f1, f2, …). */
  readonly files: number;
  readonly variant: Variant;
}

/** The defaults: the smallest instances, secure protocol. */
export const DEFAULT_INSTANCE_OPTIONS: InstanceOptions = Object.freeze({
  users: 1,
  files: 1,
  variant: 'secure',
});

/** 2026-01-01T00:00:00Z, the scenarios' default start. */
export const VERIFY_START = Date.UTC(2026, 0, 1) / 1000;
const HOUR = 3600;

const USERS: readonly { readonly name: string; readonly role: UserRole }[] = [
  { name: 'bob', role: 'doctor' },
  { name: 'carol', role: 'pharmacist' },
  { name: 'erin', role: 'family' },
  { name: 'frank', role: 'insurer' },
  { name: 'grace', role: 'researcher' },
];

/** The most users an instance may have (the roles available, one user each). */
export const MAX_USERS = USERS.length;

function checkCount(what: string, n: number, max: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new RangeError(`${what} must be a whole number from 1 to ${max}, got ${n}`);
  }
  return n;
}

/** The world of `profile` under `options` (see the module comment). */
export function verificationWorld(profile: InstanceProfile, options: InstanceOptions): NetWorld {
  const users = checkCount('users', options.users, MAX_USERS);
  const files = Array.from({ length: checkCount('files', options.files, 9) }, (_, i) => `f${i + 1}`);
  const owner: WorldPrincipal = { name: 'alice', role: 'owner', status: 'approved' };
  const approved = USERS.slice(0, users).map((u): WorldPrincipal => ({ ...u, status: 'approved' }));
  const common = {
    variant: options.variant,
    start: VERIFY_START,
    files,
    maxVersion: 1,
    trackRefusals: false,
  } as const;
  switch (profile) {
    case 'base':
      return {
        ...common,
        principals: [owner, ...approved],
        owners: {
          alice: {
            partitions: { medical: 1 },
            grants: { doctor: ['medical'] },
            history: 'all',
            consent: false,
          },
        },
        maxRevocations: 1,
        windows: [{ start: VERIFY_START + HOUR, end: VERIFY_START + 2 * HOUR }],
      };
    case 'late-join':
      return {
        ...common,
        principals: [owner, { name: 'dave', role: 'doctor', status: 'pending' }, ...approved.slice(1)],
        owners: {
          alice: {
            partitions: { medical: 1 },
            grants: { doctor: ['medical'] },
            history: 'from-join',
            consent: false,
          },
        },
        maxRevocations: 0,
        times: [VERIFY_START, VERIFY_START + HOUR],
      };
    default: {
      const bad: never = profile;
      return bad;
    }
  }
}

/** One line a reviewer can read: who, which files, versions, instants, revocations, variant. */
export function describeWorld(world: NetWorld): string {
  const people = world.principals
    .map((p) => `${p.name} (${p.role}${p.status === 'approved' ? '' : `, ${p.status}`})`)
    .join(', ');
  const instants = world.times?.length ?? 1;
  const history = Object.values(world.owners ?? {})[0]?.history ?? 'all';
  return [
    people,
    `files ${(world.files ?? []).join(', ')}`,
    `partition medical`,
    `${world.maxVersion ?? 1} version(s)`,
    `${instants} instant(s)`,
    `${world.maxRevocations ?? 0} revocation(s)`,
    ...(world.windows === undefined ? [] : ['a window after the start']),
    `history ${history}`,
    `variant ${world.variant ?? 'secure'}`,
  ].join('; ');
}
