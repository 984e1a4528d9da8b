/**
 * The places of the SeSPHR net and its start state (design, "Scenario semantics"). Three sorts:
 *
 * - records: exactly one token per principal, (owner, principal) pair, file, partition version…,
 *   always present, whose fields are the protocol's state (registration, keys, certificate, ACL,
 *   stored versions, consent tickets). Every check is a guard over records, so a refusal and its
 *   success are complementary guards over the same tokens;
 * - static domains (`Scheme`, `Policy`, `Roles`, `Windows`, `Flags`, `Words`, `Hits`): read-only
 *   tokens from which a transition takes an operation's parameter (a role, a window, a keyword);
 * - sets: the knowledge places `K_<actor>` (one per principal and infrastructure actor), the
 *   drafts of an upload (and the owner's drafts stuck for good after a refused Send_C), download
 *   sessions, used one-time codes, refusals. A transition adds a
 *   token to a set only when it is absent (an inhibitor arc) or replaces it, so every place of
 *   every reachable marking holds each token at most once.
 * @module
 */
import type { PlaceSpec, Token, Value } from '../../model/index.ts';
import { INFRASTRUCTURE, ROLES } from '../ids.ts';
import type { FactKind, NetVocabulary } from './colours.ts';
import { type NetInstance, NONE, startMembers } from './instance.ts';
import type { TermFunction } from './terms.ts';

/** The ids of the places that are not knowledge places. */
export const PLACES = Object.freeze({
  clock: 'Clock',
  principal: 'Principal',
  member: 'Member',
  roleGrant: 'RoleGrant',
  userGrant: 'UserGrant',
  file: 'File',
  current: 'Current',
  version: 'Version',
  ticket: 'Ticket',
  scheme: 'Scheme',
  policy: 'Policy',
  roles: 'Roles',
  windows: 'Windows',
  flags: 'Flags',
  words: 'Words',
  hits: 'Hits',
  rand: 'Rand',
  sealed: 'Sealed',
  session: 'Session',
  stuck: 'Stuck',
  aborting: 'Aborting',
  usedCode: 'UsedCode',
  verdict: 'Verdict',
  refusals: 'Refusals',
} as const);

/** The knowledge place of an actor: `K_alice`, `K_srs`, `K_cloud`, … */
export function knowledgePlace(actor: string): string {
  return `K_${actor}`;
}

/** Every actor with a knowledge place: the principals, then the infrastructure. */
export function knowledgeActors(instance: NetInstance): readonly string[] {
  return [...instance.principals.map((p) => p.name), ...INFRASTRUCTURE];
}

/** How a start token's payload is made: the abstract terms, or a concrete runner's values. */
export type PayloadOf = (fn: TermFunction, args: readonly Value[]) => Value;

function fact(kind: FactKind, subject: string, owner: string, payload: Value): Token {
  return {
    kind,
    subject,
    owner,
    file: NONE,
    gen: 0,
    partition: NONE,
    level: 0,
    version: 0,
    intact: true,
    time: 0,
    era: 0,
    born: 0,
    payload,
  };
}

/** The tokens of every place at the start, by place id. */
export function startTokens(
  instance: NetInstance,
  payloadOf: PayloadOf,
): ReadonlyMap<string, readonly Token[]> {
  const out = new Map<string, Token[]>();
  const put = (place: string, t: Token) => {
    const list = out.get(place) ?? [];
    list.push(t);
    out.set(place, list);
  };
  const members = new Set(startMembers(instance).map((p) => p.name));
  const approvedOwners = instance.principals.filter((p) => p.status === 'approved' && p.role === 'owner');

  put(PLACES.clock, { now: 0, era: 0 });
  for (const p of instance.principals) {
    const approved = p.status === 'approved';
    put(PLACES.principal, {
      principal: p.name,
      role: p.role,
      status: p.status,
      keys: approved ? 'sent' : 'none',
      cert: approved ? 'valid' : 'none',
      certAt: 0,
    });
    if (approved) {
      put(knowledgePlace(p.name), fact('secret-key', p.name, NONE, payloadOf('sk', [p.name])));
      put(knowledgePlace('srs'), fact('secret-key', p.name, NONE, payloadOf('sk', [p.name])));
    }
    if (p.status !== 'unregistered' && p.role === 'owner') {
      put(knowledgePlace(p.name), fact('otp-secret', p.name, p.name, payloadOf('otpSecret', [p.name])));
    }
  }
  for (const o of approvedOwners) {
    put(knowledgePlace('cloud'), fact('otp-secret', o.name, o.name, payloadOf('otpSecret', [o.name])));
  }
  for (const o of instance.owners) {
    const active = approvedOwners.some((a) => a.name === o.name);
    for (const p of instance.principals) {
      put(PLACES.member, {
        owner: o.name,
        user: p.name,
        member: active && members.has(p.name),
        joinedAt: 0,
        revoked: false,
        revokedAt: 0,
        revokedEra: 0,
      });
      for (const part of o.partitions) {
        put(PLACES.userGrant, { owner: o.name, user: p.name, partition: part.label, on: false });
      }
    }
    for (const role of instance.roles) {
      for (const part of o.partitions) {
        put(PLACES.roleGrant, {
          owner: o.name,
          role,
          partition: part.label,
          on: o.grants[role].includes(part.label),
        });
      }
    }
    for (const part of o.partitions)
      put(PLACES.scheme, { owner: o.name, partition: part.label, level: part.level });
    put(PLACES.policy, { owner: o.name, history: o.history });
  }
  for (const file of instance.files) {
    put(PLACES.file, {
      file,
      gen: 0,
      owner: NONE,
      state: 'absent',
      consent: false,
      whas: false,
      wlo: 0,
      whi: 0,
    });
    for (const partition of instance.partitions) {
      put(PLACES.current, { file, partition, current: 0 });
      for (let version = 1; version <= instance.maxVersion; version++) {
        put(PLACES.version, { file, partition, version, stage: 'none', level: 0, createdAt: 0, era: 0 });
      }
    }
    for (const p of instance.principals) {
      put(PLACES.ticket, { file, user: p.name, ticket: false, consented: false });
    }
  }
  for (const role of ROLES) put(PLACES.roles, { role });
  put(PLACES.windows, { whas: false, wlo: 0, whi: 0 });
  for (const w of instance.windows) put(PLACES.windows, { whas: true, wlo: w.lo, whi: w.hi });
  put(PLACES.flags, { on: false });
  put(PLACES.flags, { on: true });
  for (const keyword of instance.keywords) put(PLACES.words, { keyword });
  for (const h of instance.hits) {
    put(PLACES.hits, { keyword: h.keyword, file: h.file, partition: h.partition, version: h.version });
  }
  return out;
}

/** The place specifications of the net, with their start tokens. */
export function placeSpecs(
  instance: NetInstance,
  vocabulary: NetVocabulary,
  payloadOf: PayloadOf,
): PlaceSpec[] {
  const tokens = startTokens(instance, payloadOf);
  const col = vocabulary.colours;
  const spec = (id: string, colour: PlaceSpec['colour']): PlaceSpec => ({
    id,
    ...(colour === undefined ? {} : { colour }),
    initial: (tokens.get(id) ?? []).map((token) => ({ token })),
  });
  return [
    spec(PLACES.clock, col.clock),
    spec(PLACES.principal, col.principal),
    spec(PLACES.member, col.member),
    spec(PLACES.roleGrant, col.roleGrant),
    spec(PLACES.userGrant, col.userGrant),
    spec(PLACES.file, col.file),
    spec(PLACES.current, col.current),
    spec(PLACES.version, col.version),
    spec(PLACES.ticket, col.ticket),
    spec(PLACES.scheme, col.scheme),
    spec(PLACES.policy, col.policy),
    spec(PLACES.roles, col.roles),
    spec(PLACES.windows, col.windows),
    spec(PLACES.flags, col.flags),
    spec(PLACES.words, col.words),
    spec(PLACES.hits, col.hits),
    spec(PLACES.rand, col.rand),
    spec(PLACES.sealed, col.sealed),
    spec(PLACES.session, col.session),
    spec(PLACES.stuck, col.draft),
    spec(PLACES.aborting, col.draft),
    spec(PLACES.usedCode, col.usedCode),
    spec(PLACES.verdict, col.refusal),
    spec(PLACES.refusals, col.refusal),
    ...knowledgeActors(instance).map((a) => spec(knowledgePlace(a), col.knowledge)),
  ];
}
