/**
 * The owner's policy at run time, as the SRS enforces it (SPEC section 8: the owner approves
 * joins, the SRS enforces): join, grant to a role or a user, revoke a user, set a file's window,
 * and the clock tick. The checks follow the SRS in order: the owner authenticates, then whatever
 * the operation needs of the user (certificate, role, keys still held).
 *
 * Revocation (SPEC 3.1) removes the user from the group and its own grants and deletes its key pair
 * once no group lists it; nothing is re-encrypted. It opens a new revocation era (the clock's
 * `era`), which stamps every version written later, so "written after the revocation" is a
 * comparison of eras even within one instant. The `revocation-keeps-acl` variant forgets to
 * remove the entry: the user stays a member, and keeps its keys.
 * @module
 */
import { add, and, c, eq, inSet, ite, lt, ne, not, or } from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put, read } from '../builder.ts';
import { allHold, type Check, firstReason, someFails } from '../kit.ts';
import { knowledgePlace, PLACES } from '../places.ts';

/** Join, grant, revoke, window and tick. */
export function policyTransitions(b: NetBuilder): void {
  const k = b.kit;
  const variant = b.instance.variant;
  const link = (mb: string, owner: string, user: string) =>
    and(eq(k.f(mb, 'owner'), k.f(owner, 'principal')), eq(k.f(mb, 'user'), k.f(user, 'principal')));
  const keysHeld = (p: string) => inSet(k.f(p, 'keys'), ['generated', 'sent']);
  /**
   * What the SRS asks of a user it admits to a group: its certificate, not an owner, certified with
   * the role the owner names (if it names one), keys not deleted.
   */
  const admissible = (pu: string, role?: Check): Check[] => [
    ...k.auth(pu, 'ck'),
    { holds: ne(k.f(pu, 'role'), k.role('owner')), reason: k.reason('not-in-acl') },
    ...(role === undefined ? [] : [role]),
    { holds: keysHeld(pu), reason: k.reason('revoked') },
  ];
  /** Grants the user kept from an earlier membership, waiting for `Revoke_grant` to clear them. */
  const noStaleGrants = (owner: string, user: string) =>
    inhibit(
      PLACES.userGrant,
      'stale',
      and(
        eq(k.f('stale', 'owner'), k.f(owner, 'principal')),
        eq(k.f('stale', 'user'), k.f(user, 'principal')),
        k.flag('stale', 'on'),
      ),
    );
  const joined = k.copy('mb', k.voc.colours.member, {
    member: c(true),
    joinedAt: k.f('ck', 'now'),
    revoked: c(false),
  });

  // ---------------------------------------------------------------- join
  const ownerChecks = k.ownerAuth('po', 'ck');
  const ownerOk = allHold(ownerChecks);
  const joinChecks: Check[] = [
    { holds: not(k.flag('mb', 'member')), reason: k.reason('already-exists') },
    ...admissible('pu', {
      holds: eq(k.f('r', 'role'), k.f('pu', 'role')),
      reason: k.reason('bad-certificate'),
    }),
  ];
  const joinInputs = [
    read(PLACES.principal, 'po'),
    read(PLACES.principal, 'pu'),
    read(PLACES.clock, 'ck'),
    read(PLACES.roles, 'r'),
  ];
  b.add({
    id: 'Join',
    inputs: [...joinInputs, consume(PLACES.member, 'mb'), noStaleGrants('po', 'pu')],
    guard: and(link('mb', 'po', 'pu'), ownerOk, allHold(joinChecks)),
    outputs: [put(PLACES.member, joined)],
    meta: { kind: 'step', op: 'join', actor: 'SRS', call: 'join' },
  });
  b.refusal({
    id: 'Join_F',
    inputs: [...joinInputs, read(PLACES.member, 'mb')],
    guard: and(link('mb', 'po', 'pu'), ownerOk, someFails(joinChecks)),
    actor: k.f('po', 'principal'),
    op: 'join',
    reason: firstReason(joinChecks),
    meta: { actor: 'SRS', call: 'join' },
  });
  // The owner does not authenticate (or is no owner): refused before its group is looked at.
  b.refusal({
    id: 'Join_F_owner',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck')],
    guard: someFails(ownerChecks),
    actor: k.f('po', 'principal'),
    op: 'join',
    reason: firstReason(ownerChecks),
    meta: { actor: 'SRS', call: 'join' },
  });
  // An owner naming itself: the same checks, read off its one token; an owner is never admitted.
  const selfJoin: Check[] = [
    { holds: not(k.flag('mb', 'member')), reason: k.reason('already-exists') },
    { holds: c(false), reason: k.reason('not-in-acl') },
  ];
  b.refusal({
    id: 'Join_F_self',
    inputs: [
      read(PLACES.principal, 'po'),
      read(PLACES.clock, 'ck'),
      read(PLACES.roles, 'r'),
      read(PLACES.member, 'mb'),
    ],
    guard: and(link('mb', 'po', 'po'), ownerOk),
    actor: k.f('po', 'principal'),
    op: 'join',
    reason: firstReason(selfJoin),
    meta: { actor: 'SRS', call: 'join' },
  });

  // ---------------------------------------------------------------- grant to a role
  b.add({
    id: 'Grant_role',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), consume(PLACES.roleGrant, 'rg')],
    guard: and(
      eq(k.f('rg', 'owner'), k.f('po', 'principal')),
      ne(k.f('rg', 'role'), k.role('owner')),
      allHold(ownerChecks),
    ),
    outputs: [put(PLACES.roleGrant, k.copy('rg', k.voc.colours.roleGrant, { on: c(true) }))],
    meta: { kind: 'step', op: 'grant', actor: 'SRS', call: 'grant' },
  });
  b.refusal({
    id: 'Grant_F',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck')],
    guard: someFails(ownerChecks),
    actor: k.f('po', 'principal'),
    op: 'grant',
    reason: firstReason(ownerChecks),
    meta: { actor: 'SRS', call: 'grant' },
  });

  // ---------------------------------------------------------------- grant to one user
  const userGrantLink = and(
    eq(k.f('ug', 'owner'), k.f('po', 'principal')),
    eq(k.f('ug', 'user'), k.f('mb', 'user')),
  );
  const grantOn = put(PLACES.userGrant, k.copy('ug', k.voc.colours.userGrant, { on: c(true) }));
  b.add({
    id: 'Grant_user',
    inputs: [
      read(PLACES.principal, 'po'),
      read(PLACES.clock, 'ck'),
      read(PLACES.member, 'mb'),
      consume(PLACES.userGrant, 'ug'),
    ],
    guard: and(
      eq(k.f('mb', 'owner'), k.f('po', 'principal')),
      userGrantLink,
      allHold(ownerChecks),
      k.flag('mb', 'member'),
    ),
    outputs: [grantOn],
    meta: { kind: 'step', op: 'grant', actor: 'SRS', call: 'grant' },
  });
  const admitChecks: Check[] = admissible('pu').map((x) => ({
    holds: or(k.flag('mb', 'member'), x.holds),
    reason: x.reason,
  }));
  b.add({
    id: 'Grant_user_admit',
    inputs: [
      read(PLACES.principal, 'po'),
      read(PLACES.principal, 'pu'),
      read(PLACES.clock, 'ck'),
      consume(PLACES.member, 'mb'),
      consume(PLACES.userGrant, 'ug'),
      noStaleGrants('po', 'pu'),
    ],
    guard: and(
      link('mb', 'po', 'pu'),
      userGrantLink,
      not(k.flag('mb', 'member')),
      ownerOk,
      allHold(admitChecks),
    ),
    outputs: [put(PLACES.member, joined), grantOn],
    meta: { kind: 'step', op: 'grant', actor: 'SRS', call: 'grant' },
  });
  b.refusal({
    id: 'Grant_user_F',
    inputs: [
      read(PLACES.principal, 'po'),
      read(PLACES.principal, 'pu'),
      read(PLACES.clock, 'ck'),
      read(PLACES.member, 'mb'),
    ],
    guard: and(link('mb', 'po', 'pu'), ownerOk, someFails(admitChecks)),
    actor: k.f('po', 'principal'),
    op: 'grant',
    reason: firstReason(admitChecks),
    meta: { actor: 'SRS', call: 'grant' },
  });
  b.refusal({
    id: 'Grant_user_F_self',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), read(PLACES.member, 'mb')],
    guard: and(link('mb', 'po', 'po'), ownerOk),
    actor: k.f('po', 'principal'),
    op: 'grant',
    reason: k.reason('not-in-acl'),
    meta: { actor: 'SRS', call: 'grant' },
  });

  // ---------------------------------------------------------------- revoke
  const revokeChecks: Check[] = [
    ...ownerChecks,
    { holds: k.flag('mb', 'member'), reason: k.reason('not-in-acl') },
  ];
  const nextEra = add(k.f('ck', 'era'), c(1));
  const revokedEntry = (member: boolean) =>
    put(
      PLACES.member,
      k.copy('mb', k.voc.colours.member, {
        member: c(member),
        revoked: c(true),
        revokedAt: k.f('ck', 'now'),
        revokedEra: nextEra,
      }),
    );
  const clockNext = put(PLACES.clock, k.copy('ck', k.voc.colours.clock, { era: nextEra }));
  const canRevoke = and(
    eq(k.f('mb', 'owner'), k.f('po', 'principal')),
    allHold(revokeChecks),
    lt(k.f('ck', 'era'), c(b.instance.maxRevocations)),
  );
  const revokeMeta = { kind: 'step', op: 'revoke', actor: 'SRS', call: 'revoke' } as const;
  if (variant === 'revocation-keeps-acl') {
    b.add({
      id: 'Revoke',
      inputs: [read(PLACES.principal, 'po'), consume(PLACES.clock, 'ck'), consume(PLACES.member, 'mb')],
      guard: canRevoke,
      outputs: [revokedEntry(true), clockNext],
      meta: { ...revokeMeta, variant },
    });
  } else {
    const otherGroup = (m: string) =>
      and(
        eq(k.f(m, 'user'), k.f('mb', 'user')),
        ne(k.f(m, 'owner'), k.f('mb', 'owner')),
        k.flag(m, 'member'),
      );
    b.add({
      id: 'Revoke',
      inputs: [
        read(PLACES.principal, 'po'),
        consume(PLACES.clock, 'ck'),
        consume(PLACES.member, 'mb'),
        consume(PLACES.principal, 'pu'),
        consume(knowledgePlace('srs'), 'sk'),
        inhibit(PLACES.member, 'other', otherGroup('other')),
      ],
      guard: and(
        canRevoke,
        eq(k.f('pu', 'principal'), k.f('mb', 'user')),
        keysHeld('pu'),
        k.is('sk', 'kind', k.kind('secret-key')),
        eq(k.f('sk', 'subject'), k.f('pu', 'principal')),
      ),
      outputs: [
        revokedEntry(false),
        clockNext,
        put(
          PLACES.principal,
          k.copy('pu', k.voc.colours.principal, {
            keys: ite(k.is('pu', 'keys', k.keys('sent')), k.keys('deleted'), k.keys('none')),
          }),
        ),
      ],
      meta: { ...revokeMeta, keys: 'deleted' },
    });
    b.add({
      id: 'Revoke_listed',
      name: 'Revoke',
      inputs: [
        read(PLACES.principal, 'po'),
        consume(PLACES.clock, 'ck'),
        consume(PLACES.member, 'mb'),
        read(PLACES.member, 'other'),
      ],
      guard: and(canRevoke, otherGroup('other')),
      outputs: [revokedEntry(false), clockNext],
      meta: { ...revokeMeta, keys: 'kept' },
    });
    b.add({
      id: 'Revoke_grant',
      inputs: [read(PLACES.member, 'mb'), consume(PLACES.userGrant, 'ug')],
      guard: and(
        eq(k.f('ug', 'owner'), k.f('mb', 'owner')),
        eq(k.f('ug', 'user'), k.f('mb', 'user')),
        not(k.flag('mb', 'member')),
        k.flag('ug', 'on'),
      ),
      outputs: [put(PLACES.userGrant, k.copy('ug', k.voc.colours.userGrant, { on: c(false) }))],
      meta: { kind: 'bookkeeping', op: 'revoke', actor: 'SRS' },
    });
  }
  b.refusal({
    id: 'Revoke_F_owner',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck')],
    guard: someFails(ownerChecks),
    actor: k.f('po', 'principal'),
    op: 'revoke',
    reason: firstReason(ownerChecks),
    meta: { actor: 'SRS', call: 'revoke' },
  });
  b.refusal({
    id: 'Revoke_F',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), read(PLACES.member, 'mb')],
    guard: and(eq(k.f('mb', 'owner'), k.f('po', 'principal')), ownerOk, not(k.flag('mb', 'member'))),
    actor: k.f('po', 'principal'),
    op: 'revoke',
    reason: k.reason('not-in-acl'),
    meta: { actor: 'SRS', call: 'revoke' },
  });

  // ---------------------------------------------------------------- window
  const windowChecks: Check[] = [
    ...ownerChecks,
    { holds: k.is('fr', 'state', k.fileState('stored')), reason: k.reason('unknown-file') },
    { holds: eq(k.f('fr', 'owner'), k.f('po', 'principal')), reason: k.reason('not-owner') },
  ];
  b.add({
    id: 'Set_window',
    inputs: [
      read(PLACES.principal, 'po'),
      read(PLACES.clock, 'ck'),
      consume(PLACES.file, 'fr'),
      read(PLACES.windows, 'w'),
    ],
    guard: and(allHold(windowChecks), k.flag('w', 'whas')),
    outputs: [
      put(
        PLACES.file,
        k.copy('fr', k.voc.colours.file, { whas: c(true), wlo: k.f('w', 'wlo'), whi: k.f('w', 'whi') }),
      ),
    ],
    meta: { kind: 'step', op: 'window', actor: 'SRS', call: 'window' },
  });
  b.refusal({
    id: 'Set_window_F',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), read(PLACES.file, 'fr')],
    guard: someFails(windowChecks),
    actor: k.f('po', 'principal'),
    op: 'window',
    reason: firstReason(windowChecks),
    meta: { actor: 'SRS', call: 'window' },
  });

  // ---------------------------------------------------------------- tick
  b.add({
    id: 'Tick',
    inputs: [consume(PLACES.clock, 'ck')],
    guard: lt(k.f('ck', 'now'), c(b.instance.times.length - 1)),
    outputs: [put(PLACES.clock, k.copy('ck', k.voc.colours.clock, { now: add(k.f('ck', 'now'), c(1)) }))],
    meta: { kind: 'step', op: 'tick', actor: 'Time server', call: 'tick' },
  });
}
