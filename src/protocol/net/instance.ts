/**
 * The finite world a SeSPHR net is built for. The net is a finite-state model: every id field
 * ranges over the names of one instance, versions over 1..maxVersion, time over the instants the
 * clock visits (as indices into `times`), revocations over 0..maxRevocations, and the uploads of
 * one file id (a file deleted and uploaded again is a new generation) over 1..maxUploads. That is what
 * lets the verifier compile it to SMT and the explorer enumerate it. A runner builds the instance
 * from a scenario (its principals, owners and operations, from which the bounds follow); the
 * verifier builds small instances directly.
 * @module
 */
import type { HistoryPolicy } from '../actors/acl.ts';
import { DEFAULT_START } from '../clock.ts';
import { INFRASTRUCTURE, isInfrastructure, ROLES, type Role, USER_ROLES, type UserRole } from '../ids.ts';
import { VARIANTS, type Variant } from '../variant.ts';
import type { NetOp } from './net-op.ts';

/** Where a principal stands when the run starts (the scenario's principal status). */
export type StartStatus = 'approved' | 'pending' | 'unregistered';

/** A principal as the world declares it. */
export interface WorldPrincipal {
  readonly name: string;
  readonly role: Role;
  readonly status: StartStatus;
}

/** An owner's partitions (label -> access level, in order), grants, history policy and consent default. */
export interface WorldOwner {
  readonly partitions: Readonly<Record<string, number>>;
  readonly grants: Readonly<Partial<Record<UserRole, readonly string[]>>>;
  readonly history: HistoryPolicy;
  readonly consent: boolean;
}

/** One partition version that contains a keyword (the content oracle for `search`). */
export interface KeywordHit {
  readonly keyword: string;
  readonly file: string;
  readonly partition: string;
  readonly version: number;
}

/**
 * The plain data an instance is made from. Only principals and owners are required; every bound
 * not given is derived from `ops` (the files they name, the instants their ticks reach, the
 * windows they set, the versions their updates write, the revocations, coalitions and keywords).
 */
export interface NetWorld {
  readonly variant?: Variant;
  /** Unix seconds; default 2026-01-01T00:00:00Z. */
  readonly start?: number;
  readonly principals: readonly WorldPrincipal[];
  /** Policies by owner name; an owner left out has the paper's four partitions and no grants. */
  readonly owners?: Readonly<Record<string, WorldOwner>>;
  /** The run the instance must hold, if known. */
  readonly ops?: readonly NetOp[];
  readonly files?: readonly string[];
  /** Extra instants the clock may stand at (merged with the ticks' instants). */
  readonly times?: readonly number[];
  /** Extra windows (unix seconds) owners may set. */
  readonly windows?: readonly { readonly start: number; readonly end: number }[];
  readonly maxVersion?: number;
  readonly maxRevocations?: number;
  /** How often one file id may be uploaded (deleted in between); default what the ops do, at least 1. */
  readonly maxUploads?: number;
  /** Extra coalitions; `[cloud]`, `[srs]` and `[cloud, srs]` are always there. */
  readonly coalitions?: readonly (readonly string[])[];
  readonly keywords?: readonly string[];
  /**
   * Which partition versions contain which keyword: the content the net abstracts away. A runner
   * computes it from the records it uploads (the search index holds `keywordsOf` of each
   * partition); without it, no search finds anything.
   */
  readonly hits?: readonly KeywordHit[];
  /** Seconds a certificate is valid from its issue; default 365 days, as the protocol's. */
  readonly certificateValidity?: number;
  /** Whether refusals are recorded in the `Refusals` place (default true). */
  readonly trackRefusals?: boolean;
}

/** One partition of an owner's scheme. */
export interface SchemePartition {
  readonly label: string;
  readonly level: number;
}

/** An owner's policy as the net uses it. */
export interface InstanceOwner {
  readonly name: string;
  readonly partitions: readonly SchemePartition[];
  /** Every role (owner included, always empty) with the partitions granted to it at the start. */
  readonly grants: Readonly<Record<Role, readonly string[]>>;
  readonly history: HistoryPolicy;
  readonly consent: boolean;
}

/** A principal, with every role it may hold during the run (its declared one and registrations). */
export interface InstancePrincipal {
  readonly name: string;
  readonly role: Role;
  readonly status: StartStatus;
  readonly roles: readonly Role[];
}

/** A window as index bounds into `times`: the clock indices i with lo <= i <= hi. */
export interface IndexWindow {
  readonly start: number;
  readonly end: number;
  readonly lo: number;
  readonly hi: number;
}

/** A coalition: its canonical name (members sorted, joined by `+`) and members. */
export interface Coalition {
  readonly name: string;
  readonly members: readonly string[];
}

/** The resolved, frozen world. Build it with {@link netInstanceOf}. */
export interface NetInstance {
  readonly variant: Variant;
  readonly trackRefusals: boolean;
  readonly principals: readonly InstancePrincipal[];
  /** Every principal that may act as an owner, with its policy. */
  readonly owners: readonly InstanceOwner[];
  readonly files: readonly string[];
  /**
   * The roles the ACL keeps grants for: every role a principal may hold, and every role an owner's
   * policy or a `grant` names. Grants to a role nobody holds would change nothing observable.
   */
  readonly roles: readonly Role[];
  /** Every partition label of every owner, first owner's first. */
  readonly partitions: readonly string[];
  readonly maxLevel: number;
  readonly maxVersion: number;
  readonly maxRevocations: number;
  /** How many generations one file id may have (uploads, with deletions in between). */
  readonly maxUploads: number;
  /** The instants the clock stands at, ascending; `times[0]` is the start. */
  readonly times: readonly number[];
  readonly windows: readonly IndexWindow[];
  readonly coalitions: readonly Coalition[];
  readonly keywords: readonly string[];
  readonly hits: readonly KeywordHit[];
  readonly certificateValidity: number;
  /** Codes `issued * T + now` of the (issue, now) index pairs at which a certificate has expired. */
  readonly expired: readonly number[];
  /** Codes `issued * T + now`: a one-time code issued at clock index `issued` is accepted at `now`. */
  readonly otpAccepted: readonly number[];
  /** Codes `a * T + b`: clock indices a and b fall in the same TOTP step (a code used at a is used at b). */
  readonly otpSameStep: readonly number[];
}

/** The name for values that are not there: an unused id field of a token. */
export const NONE = '-';

const PAPER_PARTITIONS: Readonly<Record<string, number>> = Object.freeze({
  personal: 1,
  medical: 2,
  insurance: 3,
  prescription: 4,
});

/** The TOTP step, in seconds (RFC 6238 default, the protocol's). */
const TOTP_STEP = 30;
/** How many steps either side a code is accepted (the protocol's verification window). */
const TOTP_WINDOW = 1;
const YEAR = 365 * 86_400;
const DEFAULT_COALITIONS: readonly (readonly string[])[] = [['cloud'], ['srs'], ['cloud', 'srs']];

function fail(what: string, problem: string): never {
  throw new TypeError(`net instance: ${what}: ${problem}`);
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkName(what: string, s: unknown): string {
  if (typeof s !== 'string' || !NAME.test(s)) fail(what, `expected a name, got ${JSON.stringify(s)}`);
  return s;
}

function checkInstant(what: string, t: unknown): number {
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
    fail(what, `expected whole unix seconds >= 0, got ${String(t)}`);
  }
  return t;
}

function nonNegative(what: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    fail(what, `expected a whole number >= 0, got ${String(n)}`);
  }
  return n;
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** The instants the ops' ticks take the clock to, from `start`. */
function tickInstants(start: number, ops: readonly NetOp[]): number[] {
  const out = [start];
  let now = start;
  for (const op of ops) {
    if (op.op !== 'tick') continue;
    if (!Number.isSafeInteger(op.by) || op.by <= 0) fail('tick', `expected seconds > 0, got ${op.by}`);
    now += op.by;
    out.push(now);
  }
  return out;
}

function filesOf(op: NetOp): readonly string[] {
  switch (op.op) {
    case 'upload':
    case 'update':
    case 'delete':
    case 'window':
    case 'request':
    case 'download':
    case 'decrypt':
    case 'consent':
    case 'forward':
    case 'audit':
    case 'tamper':
    case 'collude':
      return [op.file];
    default:
      return [];
  }
}

/** The most versions any (file, partition) reaches: 1 for the upload plus its updates. */
function versionsOf(ops: readonly NetOp[]): number {
  const counts = new Map<string, number>();
  let max = 1;
  for (const op of ops) {
    if (op.op !== 'update') continue;
    const key = `${op.file}\u0000${op.partition}`;
    const n = (counts.get(key) ?? 1) + 1;
    counts.set(key, n);
    max = Math.max(max, n);
  }
  return max;
}

/**
 * The clock indices a window in instants covers. Windows covering the same indices are one window
 * of the instance (the net cannot tell them apart), so a step's window is found by its indices.
 */
export function windowOf(times: readonly number[], start: number, end: number): IndexWindow {
  let lo = times.findIndex((t) => t >= start);
  if (lo < 0) lo = times.length;
  let hi = -1;
  times.forEach((t, i) => {
    if (t <= end) hi = i;
  });
  return Object.freeze({ start, end, lo, hi });
}

function coalitionOf(members: readonly string[], principals: ReadonlySet<string>): Coalition {
  if (members.length === 0) fail('coalition', 'needs at least one member');
  for (const m of members) {
    if (!isInfrastructure(m) && !principals.has(m)) {
      fail('coalition', `'${m}' is neither a principal nor one of ${INFRASTRUCTURE.join(', ')}`);
    }
  }
  const sorted = unique(members).sort();
  return Object.freeze({ name: sorted.join('+'), members: Object.freeze(sorted) });
}

/** The canonical name of a coalition with these members (members sorted, joined by `+`). */
export function coalitionName(members: readonly string[]): string {
  return unique(members).sort().join('+');
}

function ownerOf(name: string, given: WorldOwner | undefined): InstanceOwner {
  const partitions = Object.entries(given?.partitions ?? PAPER_PARTITIONS).map(([label, level]) => {
    checkName(`owner ${name} partition`, label);
    if (!Number.isSafeInteger(level) || level < 1) {
      fail(`owner ${name} partition ${label}`, `access level must be a whole number >= 1, got ${level}`);
    }
    return Object.freeze({ label, level });
  });
  if (partitions.length === 0) fail(`owner ${name}`, 'needs at least one partition');
  const labels = new Set(partitions.map((p) => p.label));
  const grants = {} as Record<Role, readonly string[]>;
  for (const role of ROLES) {
    const granted = role === 'owner' ? [] : [...(given?.grants[role as UserRole] ?? [])];
    for (const p of granted) {
      if (!labels.has(p)) fail(`owner ${name} grants ${role}`, `'${p}' is not one of its partitions`);
    }
    grants[role] = Object.freeze(unique(granted));
  }
  return Object.freeze({
    name,
    partitions: Object.freeze(partitions),
    grants: Object.freeze(grants),
    history: given?.history ?? 'all',
    consent: given?.consent ?? false,
  });
}

/**
 * Resolves and checks a world: names well formed and distinct, owners' policies consistent, every
 * bound derived or given. Throws a TypeError naming what is wrong.
 */
export function netInstanceOf(world: NetWorld): NetInstance {
  const variant = world.variant ?? 'secure';
  if (!(VARIANTS as readonly string[]).includes(variant)) fail('variant', `unknown variant ${variant}`);
  const start = checkInstant('start', world.start ?? DEFAULT_START);
  const ops = world.ops ?? [];

  const seen = new Set<string>();
  const principals = world.principals.map((p) => {
    const name = checkName('principal', p.name);
    if (isInfrastructure(name)) fail(`principal ${name}`, 'the name is reserved for an infrastructure actor');
    if (seen.has(name)) fail(`principal ${name}`, 'is declared twice');
    seen.add(name);
    if (!(ROLES as readonly string[]).includes(p.role)) fail(`principal ${name}`, `unknown role ${p.role}`);
    if (!['approved', 'pending', 'unregistered'].includes(p.status)) {
      fail(`principal ${name}`, `unknown status ${p.status}`);
    }
    const registered = ops.flatMap((op) => (op.op === 'register' && op.principal === name ? [op.role] : []));
    return Object.freeze({
      name,
      role: p.role,
      status: p.status,
      roles: Object.freeze(unique<Role>([p.role, ...registered])),
    });
  });
  for (const op of ops) {
    if (op.op === 'register' && !seen.has(op.principal))
      fail('register', `'${op.principal}' is not declared`);
  }
  for (const name of Object.keys(world.owners ?? {})) {
    if (!seen.has(name)) fail(`owners.${name}`, 'is not a declared principal');
  }
  const owners = principals
    .filter((p) => p.roles.includes('owner'))
    .map((p) => ownerOf(p.name, world.owners?.[p.name]));

  const files = unique([...(world.files ?? []), ...ops.flatMap(filesOf)]).map((f) => checkName('file', f));
  const roles = ROLES.filter(
    (r) =>
      principals.some((p) => p.roles.includes(r)) ||
      owners.some((o) => o.grants[r].length > 0) ||
      ops.some((op) => op.op === 'grant' && op.grantee.kind === 'role' && op.grantee.role === r),
  );
  const partitions = unique(owners.flatMap((o) => o.partitions.map((p) => p.label)));
  const maxLevel = Math.max(1, ...owners.flatMap((o) => o.partitions.map((p) => p.level)));

  const times = unique([
    ...tickInstants(start, ops),
    ...(world.times ?? []).map((t) => checkInstant('time', t)),
  ]).sort((a, b) => a - b);
  if (times[0] !== start) fail('times', `no instant may precede the start ${start}`);

  const windowSpecs = [
    ...(world.windows ?? []),
    ...ops.flatMap((op) =>
      op.op === 'upload' && op.window !== undefined ? [op.window] : op.op === 'window' ? [op.window] : [],
    ),
  ];
  const windows: IndexWindow[] = [];
  for (const w of windowSpecs) {
    checkInstant('window start', w.start);
    checkInstant('window end', w.end);
    if (w.end < w.start) fail('window', `ends (${w.end}) before it starts (${w.start})`);
    const iw = windowOf(times, w.start, w.end);
    if (!windows.some((x) => x.lo === iw.lo && x.hi === iw.hi)) windows.push(iw);
  }

  const maxVersion = Math.max(versionsOf(ops), world.maxVersion === undefined ? 1 : world.maxVersion);
  if (!Number.isSafeInteger(maxVersion) || maxVersion < 1)
    fail('maxVersion', `expected >= 1, got ${maxVersion}`);
  const maxRevocations = Math.max(
    ops.filter((op) => op.op === 'revoke').length,
    nonNegative('maxRevocations', world.maxRevocations ?? 0),
  );

  const uploads = new Map<string, number>();
  for (const op of ops) if (op.op === 'upload') uploads.set(op.file, (uploads.get(op.file) ?? 0) + 1);
  const maxUploads = Math.max(1, ...uploads.values(), world.maxUploads ?? 1);
  if (!Number.isSafeInteger(maxUploads)) fail('maxUploads', `expected a whole number, got ${maxUploads}`);

  const coalitionList: Coalition[] = [];
  for (const members of [
    ...DEFAULT_COALITIONS,
    ...(world.coalitions ?? []),
    ...ops.flatMap((op) => (op.op === 'collude' ? [op.members] : [])),
  ]) {
    const c = coalitionOf(members, seen);
    if (!coalitionList.some((x) => x.name === c.name)) coalitionList.push(c);
  }

  const keywords = unique([
    ...(world.keywords ?? []),
    ...ops.flatMap((op) => (op.op === 'search' ? [op.keyword] : [])),
    ...(world.hits ?? []).map((h) => h.keyword),
  ]);
  for (const k of keywords) if (typeof k !== 'string' || k.length === 0) fail('keyword', 'must be non-empty');
  const hits = (world.hits ?? []).map((h) => {
    if (!files.includes(h.file)) fail('hit', `file '${h.file}' is not in the instance`);
    if (!partitions.includes(h.partition)) fail('hit', `partition '${h.partition}' is not in the instance`);
    if (!Number.isSafeInteger(h.version) || h.version < 1 || h.version > maxVersion) {
      fail('hit', `version ${h.version} is outside 1..${maxVersion}`);
    }
    return Object.freeze({ ...h });
  });

  const certificateValidity = world.certificateValidity ?? YEAR;
  if (!Number.isSafeInteger(certificateValidity) || certificateValidity < 1) {
    fail('certificateValidity', `expected seconds >= 1, got ${certificateValidity}`);
  }
  const T = times.length;
  const expired: number[] = [];
  const otpAccepted: number[] = [];
  const otpSameStep: number[] = [];
  const step = (t: number) => Math.floor(t / TOTP_STEP);
  for (let a = 0; a < T; a++) {
    for (let b = 0; b < T; b++) {
      const ta = times[a]!;
      const tb = times[b]!;
      if (b >= a && tb > ta + certificateValidity) expired.push(a * T + b);
      if (Math.abs(step(tb) - step(ta)) <= TOTP_WINDOW) otpAccepted.push(a * T + b);
      if (step(ta) === step(tb)) otpSameStep.push(a * T + b);
    }
  }

  return Object.freeze({
    variant,
    trackRefusals: world.trackRefusals ?? true,
    principals: Object.freeze(principals),
    owners: Object.freeze(owners),
    files: Object.freeze(files),
    roles: Object.freeze(roles),
    partitions: Object.freeze(partitions),
    maxLevel,
    maxVersion,
    maxRevocations,
    maxUploads,
    times: Object.freeze(times),
    windows: Object.freeze(windows),
    coalitions: Object.freeze(coalitionList),
    keywords: Object.freeze(keywords),
    hits: Object.freeze(hits),
    certificateValidity,
    expired: Object.freeze(expired),
    otpAccepted: Object.freeze(otpAccepted),
    otpSameStep: Object.freeze(otpSameStep),
  });
}

/** The owner policy of `name`, if it may act as an owner. */
export function ownerPolicy(instance: NetInstance, name: string): InstanceOwner | undefined {
  return instance.owners.find((o) => o.name === name);
}

/** The principals approved at the start with a user role: every owner's group at the start. */
export function startMembers(instance: NetInstance): readonly InstancePrincipal[] {
  return instance.principals.filter((p) => p.status === 'approved' && p.role !== 'owner');
}

/** Whether `role` is a user role (not `owner`). */
export function isUserRole(role: Role): role is UserRole {
  return (USER_ROLES as readonly string[]).includes(role);
}
