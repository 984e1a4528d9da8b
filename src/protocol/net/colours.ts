/**
 * The colour sets of the SeSPHR net and the field types they are made of. Every type is finite
 * for one instance: names are enumerations of the instance's principals (and infrastructure),
 * files and partitions; integers are bounded by its clock, versions, levels and revocations. The
 * one opaque field, `payload` (and `r`/`rP` of a draft), carries crypto values that no guard
 * reads: a verifier may drop it, since it is a function of the token's other fields.
 * @module
 */
import {
  BOOL,
  type ColourSet,
  colourSet,
  enumType,
  type FieldType,
  intType,
  opaqueType,
} from '../../model/index.ts';
import { INFRASTRUCTURE, ROLES } from '../ids.ts';
import { DENIAL_REASONS } from '../outcome.ts';
import { type NetInstance, NONE } from './instance.ts';
import { NET_OP_NAMES } from './net-op.ts';

/** The kinds of knowledge a principal or actor holds (the protocol's fact kinds). */
export const FACT_KINDS = Object.freeze([
  'secret-key',
  'otp-secret',
  'parameter',
  'ciphertext',
  'plaintext',
  'otp',
] as const);
/** One of {@link FACT_KINDS}. */
export type FactKind = (typeof FACT_KINDS)[number];

/** Where a registration stands with the admin (`unregistered`: not yet filed). */
export const STATUSES = Object.freeze(['unregistered', 'pending', 'approved', 'rejected'] as const);
/** A principal's key pair: not made, made by the SRS (rule 23), handed over (24), deleted at the SRS. */
export const KEY_STATES = Object.freeze(['none', 'generated', 'sent', 'deleted'] as const);
/** A principal's certificate at the CA. */
export const CERT_STATES = Object.freeze(['none', 'valid', 'revoked'] as const);
/**
 * A file id's life: free, being uploaded, stored, being deleted, deleted (for good: the instance
 * allows no further upload of it; otherwise a deletion frees the id for its next generation).
 */
export const FILE_STATES = Object.freeze(['absent', 'drafting', 'stored', 'deleting', 'deleted'] as const);
/**
 * A partition version's life: not written, drafted (plaintext chosen, rule 25 next), sealed (26),
 * ciphertext at the cloud (28), R_P at the SRS (29, complete).
 */
export const VERSION_STAGES = Object.freeze(['none', 'drafted', 'encrypted', 'sent', 'done'] as const);
/** A drawn r (rule 25) and, once computed, R_P (rule 27). */
export const RAND_STAGES = Object.freeze(['drawn', 'computed'] as const);

/** The field types and colour sets of one instance's net. */
export interface NetVocabulary {
  /** Principals, infrastructure actors and {@link NONE}. */
  readonly name: FieldType;
  readonly file: FieldType;
  readonly partition: FieldType;
  readonly role: FieldType;
  readonly status: FieldType;
  readonly keys: FieldType;
  readonly cert: FieldType;
  readonly fileState: FieldType;
  readonly stage: FieldType;
  readonly randStage: FieldType;
  readonly kind: FieldType;
  readonly history: FieldType;
  readonly reason: FieldType;
  readonly op: FieldType;
  readonly keyword: FieldType;
  /** A clock index, 0..T-1. */
  readonly time: FieldType;
  /** A window's first clock index, 0..T (T: none). */
  readonly lo: FieldType;
  /** A window's last clock index, -1..T-1 (-1: none). */
  readonly hi: FieldType;
  readonly era: FieldType;
  /** A file id's generation: 0 for its first upload, one more after each deletion. */
  readonly gen: FieldType;
  readonly version: FieldType;
  readonly level: FieldType;
  readonly payload: FieldType;
  readonly colours: NetColours;
}

/** Every colour set of the net. */
export interface NetColours {
  readonly clock: ColourSet;
  readonly principal: ColourSet;
  readonly member: ColourSet;
  readonly roleGrant: ColourSet;
  readonly userGrant: ColourSet;
  readonly file: ColourSet;
  readonly current: ColourSet;
  readonly version: ColourSet;
  readonly ticket: ColourSet;
  readonly scheme: ColourSet;
  readonly policy: ColourSet;
  readonly roles: ColourSet;
  readonly windows: ColourSet;
  readonly flags: ColourSet;
  readonly words: ColourSet;
  readonly hits: ColourSet;
  readonly rand: ColourSet;
  readonly sealed: ColourSet;
  readonly session: ColourSet;
  readonly draft: ColourSet;
  readonly usedCode: ColourSet;
  readonly refusal: ColourSet;
  readonly knowledge: ColourSet;
}

const vocabularies = new WeakMap<NetInstance, NetVocabulary>();

/** The vocabulary of `instance` (built once per instance). */
export function netVocabulary(instance: NetInstance): NetVocabulary {
  const cached = vocabularies.get(instance);
  if (cached !== undefined) return cached;
  const T = instance.times.length;
  const name = enumType([...instance.principals.map((p) => p.name), ...INFRASTRUCTURE, NONE]);
  const file = enumType([...instance.files, NONE]);
  const partition = enumType([...instance.partitions, NONE]);
  const role = enumType(ROLES);
  const status = enumType(STATUSES);
  const keys = enumType(KEY_STATES);
  const cert = enumType(CERT_STATES);
  const fileState = enumType(FILE_STATES);
  const stage = enumType(VERSION_STAGES);
  const randStage = enumType(RAND_STAGES);
  const kind = enumType(FACT_KINDS);
  const history = enumType(['all', 'from-join']);
  const reason = enumType(DENIAL_REASONS);
  const op = enumType(NET_OP_NAMES);
  const keyword = enumType(instance.keywords.length === 0 ? [NONE] : instance.keywords);
  const time = intType(0, T - 1);
  const lo = intType(0, T);
  const hi = intType(-1, T - 1);
  const era = intType(0, instance.maxRevocations);
  const gen = intType(0, instance.maxUploads - 1);
  const version = intType(0, instance.maxVersion);
  const level = intType(0, instance.maxLevel);
  const payload = opaqueType('term');

  const colours: NetColours = Object.freeze({
    clock: colourSet('Clock', { now: time, era }),
    principal: colourSet('Principal', { principal: name, role, status, keys, cert, certAt: time }),
    member: colourSet('Member', {
      owner: name,
      user: name,
      member: BOOL,
      joinedAt: time,
      revoked: BOOL,
      revokedAt: time,
      revokedEra: era,
    }),
    roleGrant: colourSet('RoleGrant', { owner: name, role, partition, on: BOOL }),
    userGrant: colourSet('UserGrant', { owner: name, user: name, partition, on: BOOL }),
    file: colourSet('File', {
      file,
      gen,
      owner: name,
      state: fileState,
      consent: BOOL,
      whas: BOOL,
      wlo: lo,
      whi: hi,
    }),
    current: colourSet('Current', { file, partition, current: version }),
    version: colourSet('Version', { file, partition, version, stage, level, createdAt: time, era }),
    ticket: colourSet('Ticket', { file, user: name, ticket: BOOL, consented: BOOL }),
    scheme: colourSet('Scheme', { owner: name, partition, level }),
    policy: colourSet('Policy', { owner: name, history }),
    roles: colourSet('Roles', { role }),
    windows: colourSet('Windows', { whas: BOOL, wlo: lo, whi: hi }),
    flags: colourSet('Flags', { on: BOOL }),
    words: colourSet('Words', { keyword }),
    hits: colourSet('Hits', { keyword, file, partition, version }),
    rand: colourSet('Rand', {
      owner: name,
      file,
      gen,
      level,
      version,
      part: partition,
      stage: randStage,
      r: payload,
      rP: payload,
    }),
    sealed: colourSet('Sealed', { owner: name, file, gen, partition, version, level, born: era, payload }),
    session: colourSet('Session', { user: name, file }),
    draft: colourSet('Draft', { owner: name, file }),
    usedCode: colourSet('UsedCode', { owner: name, file, user: name, at: time }),
    refusal: colourSet('Refusal', { actor: name, op, reason }),
    knowledge: colourSet('Knowledge', {
      kind,
      subject: name,
      owner: name,
      file,
      gen,
      partition,
      level,
      version,
      intact: BOOL,
      time,
      era,
      born: era,
      payload,
    }),
  });
  const vocabulary: NetVocabulary = Object.freeze({
    name,
    file,
    partition,
    role,
    status,
    keys,
    cert,
    fileState,
    stage,
    randStage,
    kind,
    history,
    reason,
    op,
    keyword,
    time,
    lo,
    hi,
    era,
    gen,
    version,
    level,
    payload,
    colours,
  });
  vocabularies.set(instance, vocabulary);
  return vocabulary;
}
