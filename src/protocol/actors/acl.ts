/**
 * One owner's access-control list as the SRS keeps it (SPEC 3.1, section 8): which roles and which
 * users may read which partitions, who is in the owner's group since when, who was revoked, and the
 * owner's history policy for users who join later.
 *
 * The decision is the SRS's guard of rule 31 (D_R_S) and its negation rule 32 (D_R_F); it is kept
 * apart from the SRS's keys and clock so it reads as the guard the net and the verifier encode.
 * @module
 */
import type { PrincipalId, Role, UserRole } from '../ids.ts';
import type { PartitionLabel } from '../phr/partition.ts';

/**
 * What joining users may read (SPEC section 8): `all` past versions (the paper's backward access
 * control, the default) or only versions written `from-join` on.
 */
export type HistoryPolicy = 'all' | 'from-join';

/** A user in the owner's group: its certified role and when the owner admitted it. */
export interface Membership {
  readonly user: PrincipalId;
  readonly role: Role;
  readonly joinedAt: number;
}

/** The guard's verdict for one user, partition and version. */
export type AclDecision =
  | { readonly kind: 'allow'; readonly membership: Membership }
  | {
      readonly kind: 'deny';
      readonly reason: 'not-in-acl' | 'revoked' | 'before-join';
      readonly detail: string;
    };

/** A plain, frozen copy of the list, for views, the net's abstract state and the verifier. */
export interface AclSnapshot {
  readonly owner: PrincipalId;
  readonly history: HistoryPolicy;
  readonly roleGrants: readonly { readonly role: UserRole; readonly partitions: readonly PartitionLabel[] }[];
  readonly userGrants: readonly {
    readonly user: PrincipalId;
    readonly partitions: readonly PartitionLabel[];
  }[];
  readonly members: readonly Membership[];
  readonly revocations: readonly { readonly user: PrincipalId; readonly at: number }[];
}

function sorted<T extends string>(values: Iterable<T>): readonly T[] {
  return Object.freeze([...values].sort());
}

/** One owner's ACL. Mutable, owned by the SRS; everything it hands out is a frozen copy. */
export class OwnerAcl {
  readonly owner: PrincipalId;
  #history: HistoryPolicy = 'all';
  readonly #roleGrants = new Map<UserRole, Set<PartitionLabel>>();
  readonly #userGrants = new Map<PrincipalId, Set<PartitionLabel>>();
  readonly #members = new Map<PrincipalId, Membership>();
  readonly #revocations: { user: PrincipalId; at: number }[] = [];

  constructor(owner: PrincipalId) {
    this.owner = owner;
  }

  get history(): HistoryPolicy {
    return this.#history;
  }

  setHistory(policy: HistoryPolicy): void {
    this.#history = policy;
  }

  /** Adds partitions to what every member with `role` may read. */
  grantRole(role: UserRole, partitions: readonly PartitionLabel[]): void {
    const set = this.#roleGrants.get(role) ?? new Set<PartitionLabel>();
    for (const p of partitions) set.add(p);
    this.#roleGrants.set(role, set);
  }

  /** Takes partitions away from a role; members keep only what other grants still give them. */
  ungrantRole(role: UserRole, partitions: readonly PartitionLabel[]): void {
    const set = this.#roleGrants.get(role);
    for (const p of partitions) set?.delete(p);
  }

  /** Adds partitions for one user on top of its role's. */
  grantUser(user: PrincipalId, partitions: readonly PartitionLabel[]): void {
    const set = this.#userGrants.get(user) ?? new Set<PartitionLabel>();
    for (const p of partitions) set.add(p);
    this.#userGrants.set(user, set);
  }

  /** Takes partitions away from one user's own grant (its role's grant is unaffected). */
  ungrantUser(user: PrincipalId, partitions: readonly PartitionLabel[]): void {
    const set = this.#userGrants.get(user);
    for (const p of partitions) set?.delete(p);
  }

  membership(user: PrincipalId): Membership | undefined {
    return this.#members.get(user);
  }

  /** Admits `user` with `role` at time `at`; a current member is not admitted twice (returns false). */
  join(user: PrincipalId, role: Role, at: number): boolean {
    if (this.#members.has(user)) return false;
    this.#members.set(user, Object.freeze({ user, role, joinedAt: at }));
    return true;
  }

  /**
   * Records that the owner revoked `user` at `at`. With `removeEntry` the user leaves the group and
   * loses its own grants, which is what revocation means; without it (the `revocation-keeps-acl`
   * flaw) the entry stays and the guard keeps allowing it. Returns whether `user` was a member.
   */
  revoke(user: PrincipalId, at: number, removeEntry: boolean): boolean {
    const wasMember = this.#members.has(user);
    if (removeEntry) {
      this.#members.delete(user);
      this.#userGrants.delete(user);
    }
    this.#revocations.push({ user, at });
    return wasMember;
  }

  /** The partitions `user` may read now (its role's and its own), whatever the version. */
  grantedPartitions(user: PrincipalId): ReadonlySet<PartitionLabel> {
    const membership = this.#members.get(user);
    if (membership === undefined) return new Set();
    const granted = new Set<PartitionLabel>(this.#userGrants.get(user));
    if (membership.role !== 'owner') {
      for (const p of this.#roleGrants.get(membership.role) ?? []) granted.add(p);
    }
    return granted;
  }

  /**
   * The guard: `user` is in the group, its role or its own grant covers `partition`, and under the
   * `from-join` policy the version was written at or after the join. A non-member that was revoked
   * earlier is told `revoked`, any other non-member `not-in-acl`.
   */
  decide(user: PrincipalId, partition: PartitionLabel, versionCreatedAt: number): AclDecision {
    const membership = this.#members.get(user);
    if (membership === undefined) {
      const revokedAt = this.#lastRevocation(user);
      return revokedAt === undefined
        ? deny('not-in-acl', `${user} is not in ${this.owner}'s group`)
        : deny('revoked', `${this.owner} revoked ${user} at ${revokedAt}`);
    }
    if (!this.grantedPartitions(user).has(partition)) {
      return deny(
        'not-in-acl',
        `${this.owner}'s policy does not grant ${partition} to ${user} (${membership.role})`,
      );
    }
    if (this.#history === 'from-join' && versionCreatedAt < membership.joinedAt) {
      return deny(
        'before-join',
        `the version was written at ${versionCreatedAt}, before ${user} joined at ${membership.joinedAt} (policy from-join)`,
      );
    }
    return Object.freeze({ kind: 'allow', membership });
  }

  snapshot(): AclSnapshot {
    return Object.freeze({
      owner: this.owner,
      history: this.#history,
      roleGrants: Object.freeze(
        [...this.#roleGrants]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([role, set]) => Object.freeze({ role, partitions: sorted(set) })),
      ),
      userGrants: Object.freeze(
        [...this.#userGrants]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([user, set]) => Object.freeze({ user, partitions: sorted(set) })),
      ),
      members: Object.freeze([...this.#members.values()].sort((a, b) => (a.user < b.user ? -1 : 1))),
      revocations: Object.freeze(this.#revocations.map((r) => Object.freeze({ ...r }))),
    });
  }

  #lastRevocation(user: PrincipalId): number | undefined {
    for (let i = this.#revocations.length - 1; i >= 0; i--) {
      const r = this.#revocations[i]!;
      if (r.user === user) return r.at;
    }
    return undefined;
  }
}

function deny(reason: 'not-in-acl' | 'revoked' | 'before-join', detail: string): AclDecision {
  return Object.freeze({ kind: 'deny', reason, detail });
}
