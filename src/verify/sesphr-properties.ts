/**
 * The properties of SPEC section 5 over the compiled SeSPHR net, one named value each, stated as
 * the net's own property predicates state them (`propertyPredicates` in src/protocol/net, whose
 * titles, statements and per-variant expectations these reuse): knowledge properties as formulas
 * over the knowledge places and records, step properties ("whenever R is issued, the ACL allowed
 * it then") as monitors of the firings that issue. Each says which coalition it is about, which
 * instance it is checked on, and which mutants must break it. P2 (decryption with the right R and
 * key returns the uploaded partition) is the scheme's correctness, tested with real cryptography,
 * not a property of the net.
 */
import { field, type Transition as NetTransition, type Token, v } from '../model/index.ts';
import { knowledgePlace, type NetProperty, type PropertyId, sameR } from '../protocol/net/index.ts';
import { type Cases, eqCases, holdsWhen, literalCases, map2 } from './case-term.ts';
import { type Formula, variable } from './expr.ts';
import { fAnd, fImplies, fLe, fLt, fNot, fOr } from './ir-fold.ts';
import type { CompiledNet } from './net-compiler.ts';
import type { Firing, Monitor } from './net-monitor.ts';
import { monitorVariable } from './net-monitor.ts';
import type { PlaceLayout } from './net-places.ts';
import { recordCases, tokensOf } from './net-state.ts';
import type { InstanceProfile } from './sesphr-instance.ts';
import type { MutantName } from './sesphr-mutants.ts';
import type { Property } from './transition-system.ts';

/** A SPEC property as the verifier checks it. */
export interface SesphrProperty {
  readonly id: PropertyId;
  /** The instance it is checked on (see sesphr-instance.ts). */
  readonly instance: InstanceProfile;
  /** The coalition a confidentiality property is about. */
  readonly coalition?: readonly string[];
  /** The mutants under which it must be violated when it is proved. */
  readonly mutants: readonly MutantName[];
  /** The monitor of a step property (its IR formula is "the monitor never tripped"). */
  readonly monitor?: Monitor;
  /** Its formula over a net compiled with its monitor. */
  formula(compiled: CompiledNet): Formula;
}

/** P2 is not a property of the net: where it is checked instead. */
export const P2 = Object.freeze({
  id: 'P2',
  verdict: 'tested',
  title: 'decryption with the right R and key returns the uploaded partition (crypto correctness)',
  tests: Object.freeze([
    'test/protocol/crypto/sesphr-kem.test.ts',
    'test/protocol/crypto/dem.test.ts',
    'test/sim/execute/bundled-scenarios.test.ts',
  ]),
});

const lit = (x: string | number | boolean): Cases => literalCases(x);
const knowledge = (layout: PlaceLayout, actor: string) => tokensOf(layout, knowledgePlace(actor));

/** Nothing the coalition pools opens a partition: no plaintext, and no ciphertext, R and key for it. */
function coalitionLearnsNothing(layout: PlaceLayout, members: readonly string[]): Formula {
  const pool = members.flatMap((m) => knowledge(layout, m));
  const of = (kind: string) => pool.filter((t) => t.token.kind === kind);
  const bad: Formula[] = of('plaintext').map((t) => t.present);
  for (const ct of of('ciphertext').filter((t) => t.token.intact === true)) {
    for (const par of of('parameter').filter((p) => sameR(p.token, ct.token))) {
      for (const sk of of('secret-key').filter((k) => k.token.subject === par.token.subject)) {
        bad.push(fAnd(ct.present, par.present, sk.present));
      }
    }
  }
  return fNot(fOr(...bad));
}

/** The principals of the compiled instance (every knowledge place but the infrastructure's). */
function principals(layout: PlaceLayout): readonly string[] {
  const records = layout.places.get('Principal');
  return records?.kind === 'record' ? records.slots.map((s) => String(s.key.principal)) : [];
}

/** The member records (owner, user) of the compiled instance. */
function members(layout: PlaceLayout): readonly { owner: string; user: string }[] {
  const records = layout.places.get('Member');
  return records?.kind === 'record'
    ? records.slots.map((s) => ({ owner: String(s.key.owner), user: String(s.key.user) }))
    : [];
}

const recordField = (layout: PlaceLayout, place: string, key: Record<string, Cases>, name: string) =>
  recordCases(layout, place, key, name);

/** Whom a D_R_S or Forward firing issues R to, and of which file's owner and partition. */
function issue(f: Firing): { user: string; owner: Cases; partition: Cases } {
  return {
    user: f.transition.meta?.principal ?? '',
    owner: f.cases(field(v('fr'), 'owner')),
    partition: f.cases(field(v('cu'), 'partition')),
  };
}

const issues = (t: NetTransition) => t.name === 'D_R_S' || t.name === 'Forward';

/** P1: the owner's ACL grants the user's role (or the user) the partition, and it is a member. */
const aclMonitor: Monitor = {
  id: 'P1',
  watches: issues,
  requires: (f, layout) => {
    const { user, owner, partition } = issue(f);
    const role = recordField(layout, 'Principal', { principal: lit(user) }, 'role');
    const member = recordField(layout, 'Member', { owner, user: lit(user) }, 'member');
    const byRole = recordField(layout, 'RoleGrant', { owner, role, partition }, 'on');
    const byUser = recordField(layout, 'UserGrant', { owner, user: lit(user), partition }, 'on');
    return fAnd(holdsWhen(member), fOr(holdsWhen(byRole), holdsWhen(byUser)));
  },
};

/** P9: under `from-join`, the version was written at or after the user joined. */
const historyMonitor: Monitor = {
  id: 'P9',
  watches: issues,
  requires: (f, layout) => {
    const { user, owner } = issue(f);
    const policy = recordField(layout, 'Policy', { owner }, 'history');
    const joined = recordField(layout, 'Member', { owner, user: lit(user) }, 'joinedAt');
    const created = f.cases(field(v('ve'), 'createdAt'));
    return fImplies(eqCases(policy, lit('from-join')), holdsWhen(map2(joined, created, fLe)));
  },
};

/** P10: the file has no window, or the clock is inside it. */
const windowMonitor: Monitor = {
  id: 'P10',
  watches: issues,
  requires: (f, layout) => {
    const now = recordField(layout, 'Clock', {}, 'now');
    const lo = f.cases(field(v('fr'), 'wlo'));
    const hi = f.cases(field(v('fr'), 'whi'));
    return fOr(
      fNot(f.condition(field(v('fr'), 'whas'))),
      fAnd(holdsWhen(map2(lo, now, fLe)), holdsWhen(map2(now, hi, fLe))),
    );
  },
};

/** P11 (decryption): only intact ciphertexts open. */
const tagMonitor: Monitor = {
  id: 'P11.decrypt',
  watches: (t) => t.name === 'Decrypt_C',
  requires: (f) => f.condition(field(v('ct'), 'intact')),
};

/** P11 (audit): a clean audit of a file means the cloud holds no corrupted ciphertext of it. */
const auditMonitor: Monitor = {
  id: 'P11.audit',
  watches: (t) => t.id === 'Audit_clean',
  requires: (f, layout) =>
    fAnd(
      ...knowledge(layout, 'cloud')
        .filter((t) => t.token.kind === 'ciphertext' && t.token.intact === false)
        .map((t) =>
          fNot(fAnd(t.present, eqCases(f.cases(field(v('fr'), 'file')), lit(String(t.token.file))))),
        ),
    ),
};

/** The transitions P13 watches: everything that hands out R, a session or ciphertexts (or a code). */
const GIVES = ['D_R_S', 'Forward', 'D_C', 'D_C_open', 'D_C_open_ticket', 'D_C_open_code', 'Ask_consent'];

/** P13: whoever gets something is approved and holds a valid certificate. */
const gatekeeperMonitor: Monitor = {
  id: 'P13',
  watches: (t) => GIVES.includes(t.name),
  requires: (f, layout) => {
    const byMeta = ['D_R_S', 'Forward', 'D_C'].includes(f.transition.name);
    const who = byMeta ? lit(f.transition.meta?.principal ?? '') : f.cases(field(v('pu'), 'principal'));
    const status = recordField(layout, 'Principal', { principal: who }, 'status');
    const cert = recordField(layout, 'Principal', { principal: who }, 'cert');
    return fAnd(eqCases(status, lit('approved')), eqCases(cert, lit('valid')));
  },
};

const monitored =
  (...ids: string[]) =>
  (compiled: CompiledNet): Formula =>
    fAnd(...ids.map((id) => fNot(variable(compiled.monitors.get(id) ?? monitorVariable(id)))));

/** The properties P1 and P3–P13, in SPEC order. */
export const SESPHR_PROPERTIES: readonly SesphrProperty[] = Object.freeze([
  {
    id: 'P1',
    instance: 'base',
    mutants: ['request-without-acl'],
    monitor: aclMonitor,
    formula: monitored('P1'),
  },
  {
    id: 'P3',
    instance: 'base',
    mutants: ['decrypt-without-parameter'],
    formula: ({ layout }) =>
      fAnd(
        ...principals(layout).flatMap((u) => {
          const mine = knowledge(layout, u);
          const params = mine.filter((t) => t.token.kind === 'parameter' && t.token.subject === u);
          return mine
            .filter((t) => t.token.kind === 'plaintext' && t.token.owner !== u)
            .map((pl) =>
              fImplies(
                pl.present,
                fOr(...params.filter((p) => sameR(p.token, pl.token)).map((p) => p.present)),
              ),
            );
        }),
      ),
  },
  {
    id: 'P4',
    instance: 'base',
    coalition: ['cloud'],
    mutants: ['upload-in-the-clear'],
    formula: ({ layout }) => coalitionLearnsNothing(layout, ['cloud']),
  },
  {
    id: 'P5',
    instance: 'base',
    coalition: ['srs'],
    mutants: ['ciphertext-to-srs'],
    formula: ({ layout }) => coalitionLearnsNothing(layout, ['srs']),
  },
  {
    id: 'P6',
    instance: 'base',
    coalition: ['cloud', 'srs'],
    mutants: [],
    formula: ({ layout }) => coalitionLearnsNothing(layout, ['cloud', 'srs']),
  },
  {
    id: 'P7',
    instance: 'base',
    mutants: ['revocation-keeps-member'],
    formula: ({ layout }) =>
      revokedHoldNothing(
        layout,
        (t, u) => t.kind === 'plaintext' || (t.kind === 'parameter' && t.subject === u),
        'born',
      ),
  },
  {
    id: 'P8',
    instance: 'base',
    mutants: [],
    formula: ({ layout }) => revokedHoldNothing(layout, (t) => t.kind === 'plaintext', 'era'),
  },
  {
    id: 'P9',
    instance: 'late-join',
    mutants: ['request-without-history'],
    monitor: historyMonitor,
    formula: monitored('P9'),
  },
  {
    id: 'P10',
    instance: 'base',
    mutants: ['request-without-window'],
    monitor: windowMonitor,
    formula: monitored('P10'),
  },
  {
    id: 'P11',
    instance: 'base',
    mutants: ['decrypt-without-tag-check'],
    formula: monitored('P11.decrypt', 'P11.audit'),
  },
  {
    id: 'P12',
    instance: 'base',
    mutants: ['download-without-consent'],
    formula: ({ layout }) =>
      fAnd(
        ...principals(layout).flatMap((u) =>
          knowledge(layout, u)
            .filter((t) => t.token.kind === 'ciphertext')
            .map((ct) => {
              const file = { file: lit(String(ct.token.file)) };
              const consent = holdsWhen(recordField(layout, 'File', file, 'consent'));
              const owner = recordField(layout, 'File', file, 'owner');
              const gen = recordField(layout, 'File', file, 'gen');
              const consented = holdsWhen(
                recordField(layout, 'Ticket', { ...file, user: lit(u) }, 'consented'),
              );
              const applies = fAnd(
                ct.present,
                consent,
                fNot(eqCases(owner, lit(u))),
                eqCases(gen, lit(Number(ct.token.gen))),
              );
              return fImplies(applies, consented);
            }),
        ),
      ),
  },
  {
    id: 'P13',
    instance: 'base',
    mutants: ['download-without-authentication'],
    monitor: gatekeeperMonitor,
    formula: monitored('P13'),
  },
] satisfies readonly SesphrProperty[]);

/** The monitors of P11 (it watches two kinds of firing). */
const P11_MONITORS: readonly Monitor[] = Object.freeze([tagMonitor, auditMonitor]);

/** Every monitor the properties use. */
export function monitorsOf(properties: readonly SesphrProperty[]): readonly Monitor[] {
  return properties.flatMap((p) =>
    p.id === 'P11' ? P11_MONITORS : p.monitor === undefined ? [] : [p.monitor],
  );
}

/**
 * For every member record (o, u) that is revoked: no token of `kind` in K_u about o's files whose
 * `stamp` (its `born` era, or the `era` it was read in) is at or after the revocation's era.
 */
function revokedHoldNothing(
  layout: PlaceLayout,
  kind: (t: Token, user: string) => boolean,
  stamp: 'born' | 'era',
): Formula {
  return fAnd(
    ...members(layout).flatMap(({ owner, user }) => {
      const key = { owner: lit(owner), user: lit(user) };
      const revoked = holdsWhen(recordField(layout, 'Member', key, 'revoked'));
      const era = recordField(layout, 'Member', key, 'revokedEra');
      return knowledge(layout, user)
        .filter((t) => t.token.owner === owner && kind(t.token, user))
        .map((t) =>
          fImplies(fAnd(revoked, t.present), holdsWhen(map2(lit(Number(t.token[stamp])), era, fLt))),
        );
    }),
  );
}

/** The IR property of `p` over `compiled`, documented with NET's statement of it. */
export function irProperty(p: SesphrProperty, compiled: CompiledNet, stated: NetProperty): Property {
  return {
    id: p.id,
    modality: 'always',
    formula: p.formula(compiled),
    doc: `${stated.title}. ${stated.formula}`,
  };
}
