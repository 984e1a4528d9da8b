/**
 * Rules 31 (D_R_S) and 32 (D_R_F): a user asks the SRS for R of a partition version. The SRS checks,
 * in its order: the user's certificate (registered, approved, valid), the file, the partition, the
 * version, the access window, then the ACL (a member, not revoked, granted the partition, and under
 * `from-join` a version written since the join). D_R_F comes as one transition per reason, each
 * enabled exactly when the checks before it pass and its own fails; D_R_S when all pass. So for
 * every request exactly one of them is enabled: the decision is a function of the state.
 *
 * Granted, R_U = e(R_P, RK) goes to the user and the SRS keeps a record of what it issued. Asked
 * again for an R it holds, the user gets the same value (`D_R_S` in its refresh form, which takes
 * the held tokens and puts them back), so knowledge stays a set.
 * @module
 */
import { and, c, type Expr, eq, ge, not, or } from '../../../model/index.ts';
import type { DenialReason } from '../../outcome.ts';
import { type NetBuilder, read } from '../builder.ts';
import { isUserRole } from '../instance.ts';
import type { Kit } from '../kit.ts';
import { PLACES } from '../places.ts';
import { issueParameter } from './issue-parameter.ts';

/** The variables a request decision reads, in arc order. */
const ARCS = [
  ['pu', PLACES.principal],
  ['ck', PLACES.clock],
  ['fr', PLACES.file],
  ['cu', PLACES.current],
  ['ve', PLACES.version],
  ['mb', PLACES.member],
  ['rg', PLACES.roleGrant],
  ['ug', PLACES.userGrant],
  ['ow', PLACES.policy],
] as const;

/** The equalities that tie each variable to those before it (the request's file and partition). */
function linksOf(k: Kit): Readonly<Record<string, Expr>> {
  return {
    cu: eq(k.f('cu', 'file'), k.f('fr', 'file')),
    ve: and(eq(k.f('ve', 'file'), k.f('fr', 'file')), eq(k.f('ve', 'partition'), k.f('cu', 'partition'))),
    mb: and(eq(k.f('mb', 'owner'), k.f('fr', 'owner')), eq(k.f('mb', 'user'), k.f('pu', 'principal'))),
    rg: and(
      eq(k.f('rg', 'owner'), k.f('fr', 'owner')),
      eq(k.f('rg', 'role'), k.f('pu', 'role')),
      eq(k.f('rg', 'partition'), k.f('cu', 'partition')),
    ),
    ug: and(
      eq(k.f('ug', 'owner'), k.f('fr', 'owner')),
      eq(k.f('ug', 'user'), k.f('pu', 'principal')),
      eq(k.f('ug', 'partition'), k.f('cu', 'partition')),
    ),
    ow: eq(k.f('ow', 'owner'), k.f('fr', 'owner')),
  };
}

/** Request decisions and the issuing of R_U (rules 31 and 32). */
export function requestTransitions(b: NetBuilder): void {
  const k = b.kit;
  const links = linksOf(k);
  const reading = (n: number) => {
    const arcs = ARCS.slice(0, n);
    return {
      inputs: arcs.map(([x, place]) => read(place, x)),
      links: arcs.flatMap(([x]) => (links[x] === undefined ? [] : [links[x]])),
    };
  };
  const [registered, approved, certified] = k.auth('pu', 'ck').map((x) => x.holds) as [Expr, Expr, Expr];
  const stored = k.is('fr', 'state', k.fileState('stored'));
  const hasPartition = ge(k.f('cu', 'current'), c(1));
  const written = k.is('ve', 'stage', k.stage('done'));
  const inWindow = k.inWindow('fr', 'ck');
  const member = k.flag('mb', 'member');
  const revoked = k.flag('mb', 'revoked');
  const granted = or(k.flag('rg', 'on'), k.flag('ug', 'on'));
  const history = k.acl('mb', 'rg', 'ug', 'ow', 've')[2]!.holds;

  const refusals: readonly (readonly [string, number, readonly Expr[], Expr, DenialReason])[] = [
    ['D_R_F_unknown', 1, [], not(registered), 'unknown-principal'],
    ['D_R_F_unapproved', 1, [registered], not(approved), 'unapproved'],
    ['D_R_F_cert', 2, [registered, approved], not(certified), 'bad-certificate'],
    ['D_R_F_file', 3, [approved, certified], not(stored), 'unknown-file'],
    ['D_R_F_partition', 4, [approved, certified, stored], not(hasPartition), 'unknown-partition'],
    ['D_R_F_version', 5, [approved, certified, stored, hasPartition], not(written), 'unknown-file'],
    [
      'D_R_F_window',
      5,
      [approved, certified, stored, hasPartition, written],
      not(inWindow),
      'outside-window',
    ],
    [
      'D_R_F_revoked',
      6,
      [approved, certified, stored, hasPartition, written, inWindow],
      and(not(member), revoked),
      'revoked',
    ],
    [
      'D_R_F',
      8,
      [approved, certified, stored, hasPartition, written, inWindow],
      or(and(not(member), not(revoked)), and(member, not(granted))),
      'not-in-acl',
    ],
    [
      'D_R_F_history',
      9,
      [approved, certified, stored, hasPartition, written, inWindow, member, granted],
      not(history),
      'before-join',
    ],
  ];
  for (const [id, n, prefix, fails, reason] of refusals) {
    const r = reading(n);
    b.refusal({
      id,
      name: id,
      inputs: r.inputs,
      guard: and(...r.links, ...prefix, fails),
      actor: k.f('pu', 'principal'),
      op: 'request',
      reason: k.reason(reason),
      meta: { rule: '32', actor: 'SRS', reason, call: 'request' },
    });
  }

  const all = reading(ARCS.length);
  const grant = and(
    ...all.links,
    approved,
    certified,
    stored,
    hasPartition,
    written,
    inWindow,
    member,
    granted,
    history,
  );
  for (const p of b.instance.principals) {
    if (!p.roles.some(isUserRole)) continue;
    issueParameter(b, {
      id: `D_R_S/${p.name}`,
      againId: `D_R_S_again/${p.name}`,
      name: 'D_R_S',
      user: p.name,
      inputs: all.inputs,
      grant: [k.is('pu', 'principal', k.name(p.name)), grant],
      meta: { kind: 'decision', op: 'request', rule: '31', actor: 'SRS', principal: p.name, call: 'request' },
    });
  }
}
