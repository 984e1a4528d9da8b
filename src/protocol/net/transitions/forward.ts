/**
 * Forwarding (SPEC section 2): a doctor passes a partition's current version to another doctor,
 * only through the owner's policy. The SRS checks, in order: the sender's certificate and role,
 * the target's certificate and role, the file and partition, the version and window, the ACL for
 * the sender, then the ACL for the target; granted, it re-encrypts R for the target. Refusals come
 * in two stages by what they read (a refusal before the file is known reads no ACL), each with
 * the reason of the first failing check. A doctor forwarding to itself has its own transitions,
 * since one token cannot stand for both ends.
 * @module
 */
import { and, c, type Expr, eq, ge } from '../../../model/index.ts';
import { type NetBuilder, read } from '../builder.ts';
import { isUserRole } from '../instance.ts';
import { allHold, type Check, firstReason, someFails } from '../kit.ts';
import { PLACES } from '../places.ts';
import { issueParameter } from './issue-parameter.ts';

/** Forward granted (per target) and refused. */
export function forwardTransitions(b: NetBuilder): void {
  const k = b.kit;
  for (const self of [false, true]) {
    const to = self ? 'pf' : 'pt';
    const suffix = self ? '_self' : '';
    const doctor = (p: string): Check => ({
      holds: k.is(p, 'role', k.role('doctor')),
      reason: k.reason('not-in-acl'),
    });
    const early: Check[] = [
      ...k.auth('pf', 'ck'),
      doctor('pf'),
      ...(self ? [] : [...k.auth('pt', 'ck'), doctor('pt')]),
      { holds: k.is('fr', 'state', k.fileState('stored')), reason: k.reason('unknown-file') },
      { holds: ge(k.f('cu', 'current'), c(1)), reason: k.reason('unknown-partition') },
    ];
    const late: Check[] = [
      { holds: k.is('ve', 'stage', k.stage('done')), reason: k.reason('unknown-file') },
      { holds: k.inWindow('fr', 'ck'), reason: k.reason('outside-window') },
      ...k.acl('mf', 'rg', 'uf', 'ow', 've'),
      ...(self ? [] : k.acl('mt', 'rg', 'ut', 'ow', 've')),
    ];
    const earlyInputs = [
      read(PLACES.principal, 'pf'),
      ...(self ? [] : [read(PLACES.principal, 'pt')]),
      read(PLACES.clock, 'ck'),
      read(PLACES.file, 'fr'),
      read(PLACES.current, 'cu'),
    ];
    const earlyLinks = [eq(k.f('cu', 'file'), k.f('fr', 'file'))];
    const ownerIs = (x: string) => eq(k.f(x, 'owner'), k.f('fr', 'owner'));
    const grantOf = (x: string, p: string) =>
      and(
        ownerIs(x),
        eq(k.f(x, 'user'), k.f(p, 'principal')),
        eq(k.f(x, 'partition'), k.f('cu', 'partition')),
      );
    const lateInputs = [
      read(PLACES.version, 've'),
      read(PLACES.member, 'mf'),
      ...(self ? [] : [read(PLACES.member, 'mt')]),
      read(PLACES.roleGrant, 'rg'),
      read(PLACES.userGrant, 'uf'),
      ...(self ? [] : [read(PLACES.userGrant, 'ut')]),
      read(PLACES.policy, 'ow'),
    ];
    const lateLinks: Expr[] = [
      eq(k.f('ve', 'file'), k.f('fr', 'file')),
      eq(k.f('ve', 'partition'), k.f('cu', 'partition')),
      eq(k.f('ve', 'version'), k.f('cu', 'current')),
      and(ownerIs('mf'), eq(k.f('mf', 'user'), k.f('pf', 'principal'))),
      ...(self ? [] : [and(ownerIs('mt'), eq(k.f('mt', 'user'), k.f('pt', 'principal')))]),
      and(
        ownerIs('rg'),
        k.is('rg', 'role', k.role('doctor')),
        eq(k.f('rg', 'partition'), k.f('cu', 'partition')),
      ),
      grantOf('uf', 'pf'),
      ...(self ? [] : [grantOf('ut', 'pt')]),
      ownerIs('ow'),
    ];
    const meta = { actor: 'SRS', call: 'forward' };
    b.refusal({
      id: `Forward_F_early${suffix}`,
      name: 'Forward_F',
      inputs: earlyInputs,
      guard: and(...earlyLinks, someFails(early)),
      actor: k.f('pf', 'principal'),
      op: 'forward',
      reason: firstReason(early),
      meta,
    });
    b.refusal({
      id: `Forward_F_late${suffix}`,
      name: 'Forward_F',
      inputs: [...earlyInputs, ...lateInputs],
      guard: and(...earlyLinks, ...lateLinks, allHold(early), someFails(late)),
      actor: k.f('pf', 'principal'),
      op: 'forward',
      reason: firstReason(late),
      meta,
    });
    for (const p of b.instance.principals) {
      if (!p.roles.some(isUserRole)) continue;
      issueParameter(b, {
        id: `Forward${suffix}/${p.name}`,
        againId: `Forward_again${suffix}/${p.name}`,
        name: 'Forward',
        user: p.name,
        inputs: [...earlyInputs, ...lateInputs],
        grant: [
          k.is(to, 'principal', k.name(p.name)),
          ...earlyLinks,
          ...lateLinks,
          allHold(early),
          allHold(late),
        ],
        meta: { kind: 'decision', op: 'forward', actor: 'SRS', principal: p.name, call: 'forward' },
      });
    }
  }
}
