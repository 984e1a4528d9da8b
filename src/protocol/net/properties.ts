/**
 * The properties of SPEC section 5 as predicates over the SeSPHR net's markings, for explicit
 * exploration (`explore`'s invariant) and as the statement the verifier encodes. Two forms:
 *
 * - knowledge predicates read the knowledge places and records only (P3, P4–P8, P12);
 * - step predicates ("whenever R is issued, the ACL allowed it then": P1, P9–P11, P13) constrain
 *   the bindings enabled in the marking, which is a function of the marking too: what a firing
 *   may do is decided by the state it fires in. They check each enabled binding against the
 *   records independently of the transition's guard, so a net with a guard dropped violates them.
 *
 * Each predicate's `formula` states it over places and fields, the way the verifier compiles it.
 * @module
 */
import {
  type Binding,
  enabledBindings,
  type Marking,
  type Net,
  type Token,
  type Transition,
} from '../../model/index.ts';
import type { ObjectRef } from '../knowledge.ts';
import type { Variant } from '../variant.ts';
import type { NetInstance } from './instance.ts';
import { clockOf, fileRecord, knowledgeTokens, recordOf, tokensWhere } from './marking-read.ts';
import { PLACES } from './places.ts';

/** The identifiers of the SPEC properties the net states (P2 is crypto correctness, tested). */
export type PropertyId =
  | 'P1'
  | 'P3'
  | 'P4'
  | 'P5'
  | 'P6'
  | 'P7'
  | 'P8'
  | 'P9'
  | 'P10'
  | 'P11'
  | 'P12'
  | 'P13';

/** What SPEC section 5 expects of a property, per variant. */
export type Expectation = 'holds' | 'violated';

/** A property as a predicate over markings. */
export interface NetProperty {
  readonly id: PropertyId;
  readonly title: string;
  /** The predicate over places and fields, as the verifier states it. */
  readonly formula: string;
  /** The coalition a confidentiality property is about, if any. */
  readonly coalition?: readonly string[];
  /** SPEC section 5's expectation for each variant. */
  readonly expected: Readonly<Record<Variant, Expectation>>;
  holds(marking: Marking): boolean;
}

const SECURE_HOLDS = { secure: 'holds', 'otp-leak': 'holds', 'revocation-keeps-acl': 'holds' } as const;

/** The partition versions the coalition can read from what its members hold (see collude.ts). */
export function coalitionReads(marking: Marking, members: readonly string[]): readonly ObjectRef[] {
  const pool = members.flatMap((m) => knowledgeTokens(marking, m));
  const of = (kind: string) => pool.filter((t) => t.kind === kind);
  const out = new Map<string, ObjectRef>();
  const add = (t: Token) => {
    const ref = { file: t.file, partition: t.partition, version: t.version } as unknown as ObjectRef;
    out.set(`${t.file}/${t.partition}/${t.version}`, ref);
  };
  for (const t of of('plaintext')) add(t);
  const keys = new Set(of('secret-key').map((t) => t.subject));
  const usable = of('parameter').filter((p) => keys.has(p.subject));
  for (const ct of of('ciphertext')) {
    if (ct.intact !== true) continue;
    if (usable.some((p) => sameR(p, ct))) add(ct);
  }
  return [...out.values()];
}

/**
 * Whether the R `p` turns into the K that sealed `ct` (same r: see collude.ts): the rule the net's
 * predicates and the verifier's formulas both judge knowledge by.
 */
export function sameR(p: Token, ct: Token): boolean {
  if (p.file !== ct.file || p.gen !== ct.gen) return false;
  return (
    (p.partition === ct.partition && p.version === ct.version) ||
    (p.version === 1 && ct.version === 1 && p.level === ct.level)
  );
}

/** An R issuance enabled in a marking: to whom, of what. */
interface Issuance {
  readonly user: string;
  readonly file: Token;
  readonly partition: string;
  readonly version: Token;
}

function issuances(byId: ReadonlyMap<string, Transition>, bindings: readonly Binding[]): Issuance[] {
  return bindings.flatMap((b) => {
    const t = byId.get(b.transition);
    if (t === undefined || (t.name !== 'D_R_S' && t.name !== 'Forward')) return [];
    const { fr, cu, ve } = b.vars;
    if (fr === undefined || cu === undefined || ve === undefined) return [];
    return [{ user: t.meta?.principal ?? '', file: fr, partition: String(cu.partition), version: ve }];
  });
}

/** Whether the ACL of the file's owner lets `user` read `partition` now. */
function aclGrants(marking: Marking, owner: string, user: string, partition: string): boolean {
  const member = recordOf(marking, PLACES.member, { owner, user });
  const principal = recordOf(marking, PLACES.principal, { principal: user });
  if (member?.member !== true || principal === undefined) return false;
  const role = recordOf(marking, PLACES.roleGrant, { owner, role: principal.role!, partition });
  const own = recordOf(marking, PLACES.userGrant, { owner, user, partition });
  return role?.on === true || own?.on === true;
}

function inWindow(file: Token, now: number): boolean {
  return file.whas !== true || (Number(file.wlo) <= now && now <= Number(file.whi));
}

/** The SPEC properties for `net` (built for `instance`). */
export function propertyPredicates(net: Net, instance: NetInstance): readonly NetProperty[] {
  const principals = instance.principals.map((p) => p.name);
  // Step predicates share one enumeration of the enabled bindings per marking.
  const cache = new WeakMap<Marking, readonly Binding[]>();
  const enabled = (m: Marking): readonly Binding[] => {
    let found = cache.get(m);
    if (found === undefined) {
      found = enabledBindings(net, m);
      cache.set(m, found);
    }
    return found;
  };
  const revokedPairs = (m: Marking) => tokensWhere(m, PLACES.member).filter((t) => t.revoked === true);
  const coalition = (members: readonly string[]) => (m: Marking) => coalitionReads(m, members).length === 0;
  // Predicates run on every marking of an exploration: look transitions up by id, built once.
  const byId = new Map<string, Transition>(net.transitions.map((t) => [t.id, t]));
  const byName = (b: Binding) => byId.get(b.transition);

  const properties: NetProperty[] = [
    {
      id: 'P1',
      title: 'a user obtains R for a partition only if the ACL grants it that partition at that time',
      formula:
        'for every enabled D_R_S/Forward binding issuing R(f,p,v) to u: Member(owner(f),u).member and ' +
        '(RoleGrant(owner(f),role(u),p).on or UserGrant(owner(f),u,p).on)',
      expected: SECURE_HOLDS,
      holds: (m) =>
        issuances(byId, enabled(m)).every((i) => aclGrants(m, String(i.file.owner), i.user, i.partition)),
    },
    {
      id: 'P3',
      title: 'a principal without access can neither obtain R nor decrypt',
      formula:
        'for every plaintext(f,p,v) in K_u of a file u does not own: K_u holds parameter(subject u) of f ' +
        'with the same r (same p and v, or both version 1 at the same level), same generation',
      expected: SECURE_HOLDS,
      holds: (m) =>
        principals.every((u) => {
          const mine = knowledgeTokens(m, u);
          const params = mine.filter((t) => t.kind === 'parameter' && t.subject === u);
          return mine
            .filter((t) => t.kind === 'plaintext' && t.owner !== u)
            .every((pl) => params.some((p) => sameR(p, pl)));
        }),
    },
    {
      id: 'P4',
      title: 'the cloud alone never learns a plaintext',
      formula: 'no plaintext in K_cloud, and no Collude/cloud transition enabled',
      coalition: ['cloud'],
      expected: SECURE_HOLDS,
      holds: coalition(['cloud']),
    },
    {
      id: 'P5',
      title: 'the SRS alone never learns a plaintext (it never receives a ciphertext)',
      formula: 'no plaintext in K_srs, and no Collude/srs transition enabled',
      coalition: ['srs'],
      expected: SECURE_HOLDS,
      holds: coalition(['srs']),
    },
    {
      id: 'P6',
      title: 'SRS and cloud colluding never learn a plaintext',
      formula:
        'no Collude/cloud+srs transition enabled (K_srs has every key and R_P, K_cloud every ciphertext)',
      coalition: ['cloud', 'srs'],
      expected: { secure: 'violated', 'otp-leak': 'violated', 'revocation-keeps-acl': 'violated' },
      holds: coalition(['cloud', 'srs']),
    },
    {
      id: 'P7',
      title: 'a revoked user cannot decrypt any version written after its revocation',
      formula:
        'for every Member(o,u) with revoked: no plaintext, and no parameter of subject u, in K_u of a file ' +
        'of o with born >= revokedEra',
      expected: { ...SECURE_HOLDS, 'revocation-keeps-acl': 'violated' },
      holds: (m) =>
        revokedPairs(m).every((mb) =>
          knowledgeTokens(m, String(mb.user)).every(
            (t) =>
              t.owner !== mb.owner ||
              !(t.kind === 'plaintext' || (t.kind === 'parameter' && t.subject === mb.user)) ||
              Number(t.born) < Number(mb.revokedEra),
          ),
        ),
    },
    {
      id: 'P8',
      title: 'a revoked user cannot decrypt anything after its revocation',
      formula:
        'for every Member(o,u) with revoked: no plaintext in K_u of a file of o with era >= revokedEra',
      expected: { secure: 'violated', 'otp-leak': 'violated', 'revocation-keeps-acl': 'violated' },
      holds: (m) =>
        revokedPairs(m).every((mb) =>
          knowledgeTokens(m, String(mb.user), { kind: 'plaintext', owner: mb.owner! }).every(
            (t) => Number(t.era) < Number(mb.revokedEra),
          ),
        ),
    },
    {
      id: 'P9',
      title: 'a joining user reads past data exactly as the owner’s history policy says',
      formula:
        'for every enabled D_R_S/Forward binding issuing R(f,p,v) to u where Policy(owner(f)).history = ' +
        'from-join: Version(f,p,v).createdAt >= Member(owner(f),u).joinedAt',
      expected: SECURE_HOLDS,
      holds: (m) =>
        issuances(byId, enabled(m)).every((i) => {
          const owner = String(i.file.owner);
          if (recordOf(m, PLACES.policy, { owner })?.history !== 'from-join') return true;
          const member = recordOf(m, PLACES.member, { owner, user: i.user });
          return Number(i.version.createdAt) >= Number(member?.joinedAt);
        }),
    },
    {
      id: 'P10',
      title: 'no access outside the file’s time window',
      formula:
        'for every enabled D_R_S/Forward binding on file f: File(f) has no window or wlo <= Clock.now <= whi',
      expected: SECURE_HOLDS,
      holds: (m) => {
        const { now } = clockOf(m);
        return issuances(byId, enabled(m)).every((i) => inWindow(fileRecord(m, String(i.file.file))!, now));
      },
    },
    {
      id: 'P11',
      title: 'any change to a stored ciphertext is detected by the TPA audit or the tag check',
      formula:
        'no Audit_clean binding on a file f while K_cloud holds a ciphertext of f with intact = false, and no ' +
        'Decrypt_C binding on a ciphertext with intact = false',
      expected: SECURE_HOLDS,
      holds: (m) =>
        enabled(m).every((b) => {
          const t = byName(b);
          if (t?.id === 'Audit_clean') {
            return knowledgeTokens(m, 'cloud', { kind: 'ciphertext', file: b.vars.fr!.file! }).every(
              (ct) => ct.intact === true,
            );
          }
          return t?.name !== 'Decrypt_C' || b.vars.ct?.intact === true;
        }),
    },
    {
      id: 'P12',
      title: 'a download needing consent happens only after the owner’s OTP',
      formula:
        'for every ciphertext of f in K_u with File(f).consent, u not its owner, same generation: ' +
        'Ticket(f,u).consented',
      expected: { ...SECURE_HOLDS, 'otp-leak': 'violated' },
      holds: (m) =>
        principals.every((u) =>
          knowledgeTokens(m, u, { kind: 'ciphertext' }).every((ct) => {
            const file = fileRecord(m, String(ct.file));
            if (file?.consent !== true || file.owner === u || file.gen !== ct.gen) return true;
            return recordOf(m, PLACES.ticket, { file: ct.file!, user: u })?.consented === true;
          }),
        ),
    },
    {
      id: 'P13',
      title: 'an unapproved or revoked-certificate principal gets nothing',
      formula:
        'for every enabled D_R_S, Forward, D_C_open*, D_C or (otp-leak) Ask_consent binding for principal x: ' +
        'Principal(x).status = approved and cert = valid',
      expected: SECURE_HOLDS,
      holds: (m) =>
        enabled(m).every((b) => {
          const t = byName(b);
          const name = t?.name ?? '';
          const gives = [
            'D_R_S',
            'Forward',
            'D_C',
            'D_C_open',
            'D_C_open_ticket',
            'D_C_open_code',
            'Ask_consent',
          ];
          if (!gives.includes(name)) return true;
          const x =
            name === 'D_R_S' || name === 'Forward' || name === 'D_C'
              ? (t?.meta?.principal ?? '')
              : String(b.vars.pu?.principal);
          const p = recordOf(m, PLACES.principal, { principal: x });
          return p?.status === 'approved' && p.cert === 'valid';
        }),
    },
  ];
  return Object.freeze(properties.map((p) => Object.freeze(p)));
}
