/**
 * A violation's trace as a scenario file, so that a reviewer replays the attack with real
 * cryptography (`sesphr run`). The trace is a sequence of net firings; scenario steps are whole
 * operations (an upload is rules 25 to 29 and its bookkeeping). The firings that start an
 * operation (the transition's `op` and the tokens it took say which operation, by whom, on what)
 * become steps, the others are their parts, and a partial last operation is completed, as the
 * planner completes every step. The steps are then run through the net's own planner: each gets
 * the outcome the net gives it as its expectation, a coalition property gets a final `collude`
 * step that must decrypt, and the scenario counts as reproducing the violation only if the
 * property's predicate fails at its end.
 */
import type { Net, Token } from '../model/index.ts';
import type { Role, UserRole } from '../protocol/ids.ts';
import {
  coalitionReads,
  type NetInstance,
  type NetOp,
  type NetProperty,
  type NetWorld,
  runStepAbstract,
  startMarking,
} from '../protocol/net/index.ts';
import type { Variant } from '../protocol/variant.ts';
import {
  type CoalitionMember,
  DEFAULT_SIZE_BYTES,
  type FileName,
  INFRASTRUCTURE,
  type InfrastructureName,
  type OwnerPolicy,
  type PartitionLabel,
  type Principal,
  type PrincipalName,
  type Scenario,
  type Step,
  USER_ROLES,
} from '../sim/scenario/index.ts';
import type { DecodedFiring } from './net-compiler.ts';

/** A violation as a scenario, and whether the scenario reaches it on the net. */
export interface CounterexampleScenario {
  readonly scenario: Scenario;
  /** The comment lines to write above it. */
  readonly header: readonly string[];
  /** Every step's outcome on the net (the expectations written). */
  readonly outcomes: readonly string[];
  /** Whether the property's predicate fails after the last step (replayed by the net's planner). */
  readonly reproduced: boolean;
}

const str = (t: Token | undefined, f: string): string => String(t?.[f]);
const num = (t: Token | undefined, f: string): number => Number(t?.[f]);

/** The window of the instance a `Windows` token stands for (undefined: no window). */
function windowOf(instance: NetInstance, w: Token | undefined): { start: number; end: number } | undefined {
  if (w?.whas !== true) return undefined;
  const found = instance.windows.find((x) => x.lo === w.wlo && x.hi === w.whi);
  return found === undefined ? undefined : { start: found.start, end: found.end };
}

/** The operation a firing starts, or undefined when it is part of the operation before it. */
function opOf(f: DecodedFiring, instance: NetInstance): NetOp | undefined {
  const x = f.tokens;
  const who = f.transition.meta?.principal ?? '';
  switch (f.transition.name) {
    case 'Register':
      return { op: 'register', principal: who, role: str(x.r, 'role') as Role };
    case 'Approve':
      return { op: 'approve', principal: str(x.pu, 'principal') };
    case 'Reject':
      return { op: 'reject', principal: str(x.pu, 'principal') };
    case 'Revoke_cert':
      return { op: 'revoke-certificate', principal: str(x.pu, 'principal') };
    case 'Prepare_upload': {
      const window = windowOf(instance, x.w);
      return {
        op: 'upload',
        owner: who,
        file: str(x.fr, 'file'),
        consent: x.fl?.on === true,
        ...(window === undefined ? {} : { window }),
      };
    }
    case 'Prepare_update':
      return { op: 'update', owner: who, file: str(x.fr, 'file'), partition: str(x.cu, 'partition') };
    case 'Delete':
      return { op: 'delete', owner: str(x.po, 'principal'), file: str(x.fr, 'file') };
    case 'Grant_role':
      return {
        op: 'grant',
        owner: str(x.po, 'principal'),
        grantee: { kind: 'role', role: str(x.rg, 'role') as UserRole },
        partitions: [str(x.rg, 'partition')],
      };
    case 'Grant_user':
    case 'Grant_user_admit':
      return {
        op: 'grant',
        owner: str(x.po, 'principal'),
        grantee: { kind: 'user', user: str(x.ug, 'user') },
        partitions: [str(x.ug, 'partition')],
      };
    case 'Revoke':
      return { op: 'revoke', owner: str(x.po, 'principal'), user: str(x.mb, 'user') };
    case 'Join':
      return {
        op: 'join',
        owner: str(x.po, 'principal'),
        user: str(x.pu, 'principal'),
        role: str(x.r, 'role') as UserRole,
      };
    case 'Set_window': {
      const window = windowOf(instance, x.w);
      return window === undefined
        ? undefined
        : { op: 'window', owner: str(x.po, 'principal'), file: str(x.fr, 'file'), window };
    }
    case 'Tick': {
      const now = num(x.ck, 'now');
      return { op: 'tick', by: instance.times[now + 1]! - instance.times[now]! };
    }
    case 'D_R_S':
      return {
        op: 'request',
        user: who,
        file: str(x.fr, 'file'),
        partition: str(x.cu, 'partition'),
        version: num(x.ve, 'version'),
      };
    case 'Forward':
      return {
        op: 'forward',
        from: str(x.pf, 'principal'),
        to: who,
        file: str(x.fr, 'file'),
        partition: str(x.cu, 'partition'),
      };
    case 'Ask_consent':
    case 'D_C_open':
    case 'D_C_open_ticket':
    case 'D_C_open_code':
      return { op: 'download', user: str(x.pu, 'principal'), file: str(x.fr, 'file') };
    case 'Decrypt_C':
      return {
        op: 'decrypt',
        user: who,
        file: str(x.ve, 'file'),
        partition: str(x.ve, 'partition'),
        version: num(x.ve, 'version'),
      };
    case 'Consent':
      return {
        op: 'consent',
        owner: str(x.po, 'principal'),
        user: str(x.tk, 'user'),
        file: str(x.fr, 'file'),
      };
    case 'Tamper':
      return { op: 'tamper', file: str(x.fr, 'file'), partition: str(x.ct, 'partition') };
    case 'Audit_clean':
    case 'Audit_detected':
      return { op: 'audit', file: str(x.fr, 'file') };
    default:
      return undefined;
  }
}

/** The operations of a trace: the firings that start one, a consent request and its download merged. */
export function operationsOf(firings: readonly DecodedFiring[], instance: NetInstance): readonly NetOp[] {
  const ops: NetOp[] = [];
  let asked: { user: string; file: string } | undefined;
  for (const f of firings) {
    const op = opOf(f, instance);
    if (op === undefined) continue;
    if (
      op.op === 'download' &&
      f.transition.name !== 'Ask_consent' &&
      asked?.user === op.user &&
      asked.file === op.file
    ) {
      asked = undefined;
      continue;
    }
    asked =
      f.transition.name === 'Ask_consent' && op.op === 'download'
        ? { user: op.user, file: op.file }
        : undefined;
    ops.push(op);
  }
  return ops;
}

const member = (name: string): CoalitionMember =>
  (INFRASTRUCTURE as readonly string[]).includes(name)
    ? { kind: 'infrastructure', name: name as InfrastructureName }
    : { kind: 'principal', name: name as PrincipalName };

/** The scenario step of one operation. */
function stepOf(op: NetOp, index: number, expect: string | undefined): Step {
  const base = { index, line: index + 1, ...(expect === undefined ? {} : { expect }) };
  const p = (s: string) => s as PrincipalName;
  const file = (s: string) => s as FileName;
  const part = (s: string) => s as PartitionLabel;
  switch (op.op) {
    case 'register':
      return { ...base, op: 'register', principal: p(op.principal), role: op.role } as Step;
    case 'approve':
    case 'reject':
    case 'revoke-certificate':
      return { ...base, op: op.op, principal: p(op.principal) } as Step;
    case 'upload':
      return {
        ...base,
        op: 'upload',
        owner: p(op.owner),
        file: file(op.file),
        size: DEFAULT_SIZE_BYTES,
        consent: op.consent,
        ...(op.window === undefined ? {} : { window: op.window }),
      } as Step;
    case 'update':
      return {
        ...base,
        op: 'update',
        owner: p(op.owner),
        file: file(op.file),
        partition: part(op.partition),
      } as Step;
    case 'delete':
      return { ...base, op: 'delete', owner: p(op.owner), file: file(op.file) } as Step;
    case 'grant':
      return {
        ...base,
        op: 'grant',
        owner: p(op.owner),
        grantee: op.grantee.kind === 'role' ? op.grantee : { kind: 'user', user: p(op.grantee.user) },
        partitions: op.partitions.map(part),
      } as Step;
    case 'revoke':
      return { ...base, op: 'revoke', owner: p(op.owner), user: p(op.user) } as Step;
    case 'join':
      return { ...base, op: 'join', owner: p(op.owner), user: p(op.user), role: op.role } as Step;
    case 'window':
      return { ...base, op: 'window', owner: p(op.owner), file: file(op.file), window: op.window } as Step;
    case 'tick':
      return { ...base, op: 'tick', by: op.by } as Step;
    case 'request':
    case 'decrypt':
      return {
        ...base,
        op: op.op,
        user: p(op.user),
        file: file(op.file),
        partition: part(op.partition),
        ...(op.version === undefined ? {} : { version: op.version }),
      } as Step;
    case 'download':
      return { ...base, op: 'download', user: p(op.user), file: file(op.file) } as Step;
    case 'search':
      return { ...base, op: 'search', user: p(op.user), keyword: op.keyword } as Step;
    case 'consent':
      return { ...base, op: 'consent', owner: p(op.owner), user: p(op.user), file: file(op.file) } as Step;
    case 'forward':
      return {
        ...base,
        op: 'forward',
        from: p(op.from),
        to: p(op.to),
        file: file(op.file),
        partition: part(op.partition),
      } as Step;
    case 'audit':
      return { ...base, op: 'audit', file: file(op.file) } as Step;
    case 'tamper':
      return {
        ...base,
        op: 'tamper',
        file: file(op.file),
        ...(op.partition === undefined ? {} : { partition: part(op.partition) }),
      } as Step;
    case 'collude':
      return {
        ...base,
        op: 'collude',
        members: op.members.map(member),
        file: file(op.file),
        partition: part(op.partition),
        ...(op.version === undefined ? {} : { version: op.version }),
      } as Step;
    default: {
      const bad: never = op;
      return bad;
    }
  }
}

/** The scenario header of a world: principals with their start status, owners with their policies. */
function header(world: NetWorld): Pick<Scenario, 'principals' | 'owners'> {
  const principals: Record<string, Principal> = {};
  for (const p of world.principals)
    principals[p.name] = { name: p.name as PrincipalName, role: p.role, status: p.status };
  const owners: Record<string, OwnerPolicy> = {};
  for (const [name, o] of Object.entries(world.owners ?? {})) {
    owners[name] = {
      partitions: o.partitions as OwnerPolicy['partitions'],
      grants: Object.fromEntries(
        USER_ROLES.map((r) => [r, (o.grants[r] ?? []) as readonly PartitionLabel[]]),
      ) as OwnerPolicy['grants'],
      history: o.history,
      consent: o.consent,
    };
  }
  return { principals, owners };
}

/** What {@link counterexampleScenario} needs to know about the violation. */
export interface Counterexample {
  readonly net: Net;
  readonly instance: NetInstance;
  readonly world: NetWorld;
  readonly property: NetProperty;
  readonly firings: readonly DecodedFiring[];
  readonly variant: Variant;
  readonly start: number;
}

/** The scenario of a violation (see the module comment). */
export function counterexampleScenario(cx: Counterexample): CounterexampleScenario {
  const ops = [...operationsOf(cx.firings, cx.instance)];
  let marking = startMarking(cx.net);
  const outcomes: string[] = [];
  const run = (op: NetOp): boolean => {
    const r = runStepAbstract(cx.net, cx.instance, marking, op);
    if (r.kind !== 'ran') return false;
    marking = r.marking;
    outcomes.push(r.outcome);
    return true;
  };
  let replayed = ops.every(run);
  if (replayed && cx.property.coalition !== undefined) {
    const read = coalitionReads(marking, cx.property.coalition)[0];
    if (read !== undefined) {
      const collude: NetOp = {
        op: 'collude',
        members: cx.property.coalition,
        file: String(read.file),
        partition: String(read.partition),
        version: Number(read.version),
      };
      ops.push(collude);
      replayed = run(collude);
    }
  }
  const reproduced = replayed && !cx.property.holds(marking);
  const name = `verify-${cx.variant}-${cx.property.id}`;
  const scenario: Scenario = {
    source: `${name}.yaml`,
    name,
    description:
      `${cx.property.id} (${cx.property.title}) violated in the ${cx.variant} variant: the shortest attack ` +
      'the verifier found, as operations; each step expects the outcome the net gives it.',
    seed: name,
    variant: cx.variant,
    start: cx.start,
    buckets: 1,
    ...header(cx.world),
    steps: ops.map((op, i) => stepOf(op, i, outcomes[i])),
  };
  return {
    scenario,
    header: [
      `written by sesphr verify: a counterexample to ${cx.property.id} (${cx.variant})`,
      'replay it with real cryptography: npx sesphr run <this file>',
    ],
    outcomes,
    reproduced,
  };
}
