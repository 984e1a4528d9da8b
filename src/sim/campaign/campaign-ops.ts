/**
 * The operations a campaign draws: one intent per step, naming the world's principals, files and
 * partitions by index so that any intent fits any world. `sequence-document.ts` resolves intents
 * against the world and the files present at that point, and drops the ones that would not load
 * (a file not uploaded, or deleted), so every sequence, shrunk or not, is a valid scenario.
 *
 * Weights favour cheap operations (policy changes, the clock, downloads, decryptions, audits)
 * over the ones that cost real cryptography per call (uploads, updates, re-encryptions), so a
 * thousand sequences run in minutes while still reaching every operation.
 */
import fc from 'fast-check';
import { USER_ROLES, type UserRole } from '../scenario/index.ts';
import { type CampaignPartition, PARTITION_LABELS } from './campaign-world.ts';

/** Windows an upload or a `window` step may set, as offsets from the start. */
export const CAMPAIGN_WINDOWS: readonly (readonly [string, string])[] = Object.freeze([
  ['+0s', '+1h'],
  ['+1h', '+1d'],
  ['+0s', '+2d'],
]);

/** Clock steps. */
export const CAMPAIGN_TICKS = Object.freeze(['30m', '1h', '1d']);

/** Keywords searched for: some occur in the synthetic records, some never do. */
export const CAMPAIGN_KEYWORDS = Object.freeze(['rheumatoid arthritis', 'copd', 'anxiety', 'warfarin']);

/** Coalition members: the two infrastructure actors, then users by index. */
export const COALITION_SLOTS = Object.freeze(['srs', 'cloud', 0, 1, 2] as const);

/** One drawn operation; numbers index the world's users, owners and files (modulo their counts). */
export type Intent =
  | { readonly op: 'upload'; readonly file: number; readonly consent?: boolean; readonly window?: number }
  | { readonly op: 'update'; readonly file: number; readonly partition: CampaignPartition }
  | { readonly op: 'delete'; readonly file: number }
  | {
      readonly op: 'grant-role';
      readonly owner: number;
      readonly role: UserRole;
      readonly partitions: readonly CampaignPartition[];
    }
  | {
      readonly op: 'grant-user';
      readonly owner: number;
      readonly user: number;
      readonly partitions: readonly CampaignPartition[];
    }
  | { readonly op: 'revoke'; readonly owner: number; readonly user: number }
  | { readonly op: 'join'; readonly owner: number; readonly user: number; readonly role: UserRole }
  | { readonly op: 'window'; readonly file: number; readonly window: number }
  | { readonly op: 'tick'; readonly by: string }
  | {
      readonly op: 'request' | 'decrypt';
      readonly user: number;
      readonly file: number;
      readonly partition: CampaignPartition;
      readonly version?: number;
    }
  | { readonly op: 'download' | 'consent'; readonly user: number; readonly file: number }
  | { readonly op: 'search'; readonly user: number; readonly keyword: string }
  | {
      readonly op: 'forward';
      readonly from: number;
      readonly to: number;
      readonly file: number;
      readonly partition: CampaignPartition;
    }
  | { readonly op: 'audit'; readonly file: number }
  | { readonly op: 'tamper'; readonly file: number; readonly partition?: CampaignPartition }
  | {
      readonly op: 'collude';
      readonly members: readonly (typeof COALITION_SLOTS)[number][];
      readonly file: number;
      readonly partition: CampaignPartition;
    }
  | { readonly op: 'register' | 'approve' | 'reject' | 'revoke-certificate'; readonly user: number };

const index = fc.nat({ max: 4 });
const file = fc.nat({ max: 1 });
const partition = fc.constantFrom(...PARTITION_LABELS);
const partitions = fc.subarray([...PARTITION_LABELS], { minLength: 1 });
const role = fc.constantFrom(...USER_ROLES);
const windowIndex = fc.nat({ max: CAMPAIGN_WINDOWS.length - 1 });

/** The first operation of every sequence: alice uploads f1 (nearly every other operation needs a file). */
export const firstUpload: fc.Arbitrary<Intent> = fc.record(
  { op: fc.constant('upload' as const), file: fc.constant(0), consent: fc.boolean(), window: windowIndex },
  { requiredKeys: ['op', 'file'] },
);

/** Any operation, weighted by cost (see the module comment). */
export const intent: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record(
      { op: fc.constant('upload' as const), file, consent: fc.boolean(), window: windowIndex },
      { requiredKeys: ['op', 'file'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('update' as const), file, partition }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), file }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('grant-role' as const), owner: index, role, partitions }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('grant-user' as const), owner: index, user: index, partitions }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('revoke' as const), owner: index, user: index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('join' as const), owner: index, user: index, role }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('window' as const),
      file,
      window: windowIndex,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('tick' as const), by: fc.constantFrom(...CAMPAIGN_TICKS) }),
  },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        op: fc.constantFrom('request' as const, 'decrypt' as const),
        user: index,
        file,
        partition,
        version: fc.integer({ min: 1, max: 2 }),
      },
      { requiredKeys: ['op', 'user', 'file', 'partition'] },
    ),
  },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constantFrom('download' as const, 'consent' as const), user: index, file }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('search' as const),
      user: index,
      keyword: fc.constantFrom(...CAMPAIGN_KEYWORDS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('forward' as const), from: index, to: index, file, partition }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('audit' as const), file }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { op: fc.constant('tamper' as const), file, partition },
      { requiredKeys: ['op', 'file'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('collude' as const),
      members: fc.subarray([...COALITION_SLOTS], { minLength: 1 }),
      file,
      partition,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'register' as const,
        'approve' as const,
        'reject' as const,
        'revoke-certificate' as const,
      ),
      user: index,
    }),
  },
);

/** The slots a chain's steps share: one user, one partition, and what the chain's steps vary. */
interface ChainSlots {
  readonly user: number;
  readonly partition: CampaignPartition;
  readonly role: UserRole;
  readonly window: number;
  readonly tick: string;
}

/**
 * Attack chains: the steps a property's violation needs, in order, by one user on one partition of
 * f1 (alice's, uploaded first, so every chain resolves in every world). Drawn one by one, such
 * steps almost never line up: a revocation, then a new version, then a request by the same user
 * for it is, by the weights, about two sequences in 10^5, so the keeps-acl flaw (P7) went unfound.
 */
const CHAINS: readonly ((s: ChainSlots) => readonly Intent[])[] = [
  // P7, forward access control: granted, revoked, a version written after, asked for.
  (s) => [
    { op: 'grant-user', owner: 0, user: s.user, partitions: [s.partition] },
    { op: 'revoke', owner: 0, user: s.user },
    { op: 'update', file: 0, partition: s.partition },
    { op: 'request', user: s.user, file: 0, partition: s.partition },
  ],
  // P3/P8, a parameter obtained before a revocation and used after it.
  (s) => [
    { op: 'request', user: s.user, file: 0, partition: s.partition },
    { op: 'revoke', owner: 0, user: s.user },
    { op: 'download', user: s.user, file: 0 },
    { op: 'decrypt', user: s.user, file: 0, partition: s.partition },
  ],
  // P9, joining late: a past version asked for after the join.
  (s) => [
    { op: 'update', file: 0, partition: s.partition },
    { op: 'join', owner: 0, user: s.user, role: s.role },
    { op: 'request', user: s.user, file: 0, partition: s.partition, version: 1 },
  ],
  // P10, the file's window: set, time moves, a request.
  (s) => [
    { op: 'window', file: 0, window: s.window },
    { op: 'tick', by: s.tick },
    { op: 'request', user: s.user, file: 0, partition: s.partition },
  ],
  // P11, tampering: the stored ciphertext changed, then audited and opened.
  (s) => [
    { op: 'tamper', file: 0, partition: s.partition },
    { op: 'audit', file: 0 },
    { op: 'download', user: s.user, file: 0 },
    { op: 'decrypt', user: s.user, file: 0, partition: s.partition },
  ],
  // P12/P13, consent and certificates: a download around a consent and a certificate revocation.
  (s) => [
    { op: 'download', user: s.user, file: 0 },
    { op: 'consent', user: s.user, file: 0 },
    { op: 'revoke-certificate', user: s.user },
    { op: 'download', user: s.user, file: 0 },
  ],
];

/** One attack chain with its slots drawn. */
const chain: fc.Arbitrary<readonly Intent[]> = fc
  .tuple(
    fc.nat({ max: CHAINS.length - 1 }),
    fc.record({
      user: index,
      partition,
      role,
      window: windowIndex,
      tick: fc.constantFrom(...CAMPAIGN_TICKS),
    }),
  )
  .map(([which, slots]) => CHAINS[which]!(slots));

/**
 * A sequence: the first upload, then up to `length - 1` drawn operations, every length up to the
 * maximum alike (fast-check's default favours short arrays; campaigns want long enough ones). One
 * sequence in four ends with an attack chain (see {@link CHAINS}) after a shorter random part;
 * shrinking can drop the chain as it drops any step.
 */
export function intents(length: number): fc.Arbitrary<readonly Intent[]> {
  return fc
    .tuple(
      firstUpload,
      fc.array(intent, { maxLength: Math.max(0, length - 1), size: 'max' }),
      fc.oneof(
        { withCrossShrink: true },
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: chain },
      ),
    )
    .map(([first, rest, attack]) =>
      [first, ...rest.slice(0, Math.max(0, length - 1 - attack.length)), ...attack].slice(0, length),
    );
}
