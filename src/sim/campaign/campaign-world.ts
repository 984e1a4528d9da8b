/**
 * The small world a campaign's sequences run in, drawn by fast-check with each sequence (so a
 * failure shrinks the world too): one or two owners, each owning one file id, the doctor bob and
 * some of a fixed cast of users (a pharmacist, an insurer, a researcher awaiting the admin, a family
 * member not yet registered), and each owner's grants, history policy and consent default.
 *
 * Every owner has two partitions on two access levels, and every upload is the smallest PHR the
 * generator makes for them: the campaign explores the protocol's decisions, not its throughput, so
 * each concrete step should cost as little real cryptography as the protocol allows.
 */
import fc from 'fast-check';
import { type HistoryPolicy, USER_ROLES, type UserRole } from '../scenario/index.ts';

/** The partitions of every owner in a campaign, with their access levels. */
export const CAMPAIGN_PARTITIONS = Object.freeze({ personal: 1, medical: 2 });

/** A partition label of {@link CAMPAIGN_PARTITIONS}. */
export type CampaignPartition = keyof typeof CAMPAIGN_PARTITIONS;

/** The labels, in level order. */
export const PARTITION_LABELS: readonly CampaignPartition[] = Object.freeze(['personal', 'medical']);

/** Upload size: the smallest whole 512-byte multiple the synthetic PHR generator accepts for two partitions. */
export const CAMPAIGN_UPLOAD_BYTES = 512;

/** A user of the cast: name, role, and where it stands at the start. */
export interface CampaignUser {
  readonly name: string;
  readonly role: UserRole;
  readonly status: 'approved' | 'pending' | 'unregistered';
}

/** The cast; bob is always there, the others are drawn. */
export const CAST: readonly CampaignUser[] = Object.freeze([
  { name: 'bob', role: 'doctor', status: 'approved' },
  { name: 'carol', role: 'pharmacist', status: 'approved' },
  { name: 'dave', role: 'insurer', status: 'approved' },
  { name: 'erin', role: 'researcher', status: 'pending' },
  { name: 'frank', role: 'family', status: 'unregistered' },
]);

/** The owners' names; a world has the first one or both. */
export const OWNER_NAMES = Object.freeze(['alice', 'olga'] as const);

/** The file ids: `f1` is alice's, `f2` the last owner's (one owner per file id, see the module comment). */
export const FILE_NAMES = Object.freeze(['f1', 'f2'] as const);

/** An owner's policy at the start. */
export interface CampaignPolicy {
  readonly grants: Readonly<Record<UserRole, readonly CampaignPartition[]>>;
  readonly history: HistoryPolicy;
  readonly consent: boolean;
}

/** One drawn world. */
export interface CampaignWorld {
  /** One policy per owner, in {@link OWNER_NAMES} order. */
  readonly owners: readonly CampaignPolicy[];
  /** The users present, bob first, in {@link CAST} order. */
  readonly users: readonly CampaignUser[];
  /** How many file ids (1 or 2). */
  readonly files: number;
}

const policy: fc.Arbitrary<CampaignPolicy> = fc.record({
  grants: fc.record(
    Object.fromEntries(USER_ROLES.map((role) => [role, fc.subarray([...PARTITION_LABELS])])) as Record<
      UserRole,
      fc.Arbitrary<CampaignPartition[]>
    >,
  ),
  history: fc.constantFrom<HistoryPolicy>('all', 'from-join'),
  consent: fc.boolean(),
});

/**
 * Worlds of at most three users; shrinking goes towards one owner, one file, bob alone, no grants.
 * Grants to roles nobody in the world holds are dropped: they change nothing a step can observe,
 * and each costs the protocol an authenticated call at the start.
 */
export const campaignWorld: fc.Arbitrary<CampaignWorld> = fc
  .record({
    owners: fc.array(policy, { minLength: 1, maxLength: 2 }),
    users: fc.subarray(CAST.slice(1), { maxLength: 2 }).map((others) => [CAST[0]!, ...others]),
    files: fc.integer({ min: 1, max: 2 }),
  })
  .map((world) => {
    const held = new Set(world.users.map((u) => u.role));
    const owners = world.owners.map((p) => ({
      ...p,
      grants: Object.fromEntries(
        USER_ROLES.map((role) => [role, held.has(role) ? p.grants[role] : []]),
      ) as CampaignPolicy['grants'],
    }));
    return { ...world, owners };
  });

/** The owner of file `index` in `world`. */
export function fileOwner(world: CampaignWorld, index: number): string {
  return OWNER_NAMES[Math.min(index, world.owners.length - 1)]!;
}
