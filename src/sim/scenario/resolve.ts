/**
 * Pass two of loading: turn a shape-checked file into a `Scenario`: fill every default, read
 * sizes into bytes and times into unix seconds, tag names with their brands. It cannot fail (pass
 * one has checked every syntax); references are checked afterwards on the result.
 */
import type { RawStep } from './check-shape.ts';
import { parseDuration } from './duration.ts';
import type { RawEnvelope, RawOwner, RawPrincipal } from './file-schema.ts';
import type { FileName, PartitionLabel, PrincipalName } from './names.ts';
import type { OperationName } from './operations.ts';
import type {
  CoalitionMember,
  OwnerPolicy,
  Principal,
  PrincipalStatus,
  Scenario,
  Step,
  StepOf,
  TimeWindow,
} from './scenario.ts';
import { parseSize } from './size.ts';
import { DEFAULT_START_SECONDS, parseInstant, parseTime } from './time.ts';
import type { ValueParse } from './value-parse.ts';
import { INFRASTRUCTURE, type InfrastructureName, USER_ROLES, type UserRole } from './vocabulary.ts';

/** The partitions of an owner whose file names none: the paper's four access levels. */
export const DEFAULT_PARTITIONS: Readonly<Record<string, number>> = Object.freeze({
  personal: 1,
  medical: 2,
  insurance: 3,
  prescription: 4,
});

/** The size of an upload that names none. */
export const DEFAULT_SIZE_BYTES = 4096;

/** A value pass one has already accepted; failing here is a bug in the loader, not in the file. */
function accepted(result: ValueParse, text: string | number): number {
  if (result.kind === 'invalid')
    throw new Error(`loader bug: '${text}' passed the schema but not the parser`);
  return result.value;
}

/** A record without a prototype, so a name such as `constructor` can never find an inherited key. */
function record<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const target: Record<string, V> = Object.create(null);
  for (const [key, value] of entries) target[key] = value;
  return target;
}

function principalStatus(entry: RawPrincipal): PrincipalStatus {
  if (entry.registered === false) return 'unregistered';
  return entry.approved === false ? 'pending' : 'approved';
}

function ownerPolicy(entry: RawOwner | undefined): OwnerPolicy {
  const grants = entry?.grants ?? {};
  return {
    partitions: record(Object.entries(entry?.partitions ?? DEFAULT_PARTITIONS)) as Record<
      PartitionLabel,
      number
    >,
    grants: record(USER_ROLES.map((role) => [role, [...(grants[role] ?? [])] as PartitionLabel[]])) as Record<
      UserRole,
      PartitionLabel[]
    >,
    history: entry?.history ?? 'all',
    consent: entry?.consent ?? false,
  };
}

const isInfrastructure = (name: string): name is InfrastructureName =>
  (INFRASTRUCTURE as readonly string[]).includes(name);

function member(name: string): CoalitionMember {
  return isInfrastructure(name)
    ? { kind: 'infrastructure', name }
    : { kind: 'principal', name: name as PrincipalName };
}

const user = (name: string) => name as PrincipalName;
const file = (name: string) => name as FileName;
const partition = (label: string) => label as PartitionLabel;
const version = (n: number | undefined) => (n === undefined ? {} : { version: n });

/** What resolving a step needs to know about the scenario around it. */
interface StepContext {
  readonly start: number;
  readonly owners: Readonly<Record<string, OwnerPolicy>>;
}

function resolveStep(raw: RawStep, index: number, line: number, context: StepContext): Step {
  const time = (text: string) => accepted(parseTime(text, context.start), text);
  const window = (from: string, to: string): TimeWindow => ({ start: time(from), end: time(to) });
  const base = <Op extends OperationName>(op: Op) =>
    ({ op, index, line, ...(raw.expect === undefined ? {} : { expect: raw.expect }) }) as Pick<
      StepOf<Op>,
      'op' | 'index' | 'line' | 'expect'
    >;
  switch (raw.op) {
    case 'register':
      return { ...base(raw.op), principal: user(raw.args.principal), role: raw.args.role };
    case 'approve':
    case 'reject':
    case 'revoke-certificate':
      return { ...base(raw.op), principal: user(raw.args.principal) } as Step;
    case 'upload': {
      const { owner, size, window: span, consent } = raw.args;
      return {
        ...base(raw.op),
        owner: user(owner),
        file: file(raw.args.file),
        size: size === undefined ? DEFAULT_SIZE_BYTES : accepted(parseSize(size), size),
        ...(span === undefined ? {} : { window: window(span[0], span[1]) }),
        consent: consent ?? (Object.hasOwn(context.owners, owner) && context.owners[owner]?.consent === true),
      };
    }
    case 'update':
      return {
        ...base(raw.op),
        owner: user(raw.args.owner),
        file: file(raw.args.file),
        partition: partition(raw.args.partition),
      };
    case 'delete':
      return { ...base(raw.op), owner: user(raw.args.owner), file: file(raw.args.file) };
    case 'grant': {
      const { args } = raw;
      return {
        ...base(raw.op),
        owner: user(args.owner),
        grantee: 'user' in args ? { kind: 'user', user: user(args.user) } : { kind: 'role', role: args.role },
        partitions: args.partitions.map(partition),
      };
    }
    case 'revoke':
      return { ...base(raw.op), owner: user(raw.args.owner), user: user(raw.args.user) };
    case 'join':
      return { ...base(raw.op), owner: user(raw.args.owner), user: user(raw.args.user), role: raw.args.role };
    case 'window':
      return {
        ...base(raw.op),
        owner: user(raw.args.owner),
        file: file(raw.args.file),
        window: window(raw.args.start, raw.args.end),
      };
    case 'tick':
      return { ...base(raw.op), by: accepted(parseDuration(raw.args.by), raw.args.by) };
    case 'request':
    case 'decrypt':
      return {
        ...base(raw.op),
        user: user(raw.args.user),
        file: file(raw.args.file),
        partition: partition(raw.args.partition),
        ...version(raw.args.version),
      } as Step;
    case 'download':
      return { ...base(raw.op), user: user(raw.args.user), file: file(raw.args.file) };
    case 'search':
      return { ...base(raw.op), user: user(raw.args.user), keyword: raw.args.keyword };
    case 'consent':
      return {
        ...base(raw.op),
        owner: user(raw.args.owner),
        user: user(raw.args.user),
        file: file(raw.args.file),
      };
    case 'forward':
      return {
        ...base(raw.op),
        from: user(raw.args.from),
        to: user(raw.args.to),
        file: file(raw.args.file),
        partition: partition(raw.args.partition),
      };
    case 'audit':
      return { ...base(raw.op), file: file(raw.args.file) };
    case 'tamper': {
      const label = raw.args.partition;
      return {
        ...base(raw.op),
        file: file(raw.args.file),
        ...(label === undefined ? {} : { partition: partition(label) }),
      };
    }
    case 'collude':
      return {
        ...base(raw.op),
        members: raw.args.members.map(member),
        file: file(raw.args.file),
        partition: partition(raw.args.partition),
        ...version(raw.args.version),
      };
    default: {
      const unreachable: never = raw;
      throw new Error(`loader bug: unknown step ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Builds the scenario from a shape-checked file. `stepLines[i]` is the source line of step i;
 * owners get a policy each: the one written, else the defaults.
 */
export function resolveScenario(
  source: string,
  envelope: RawEnvelope,
  steps: readonly RawStep[],
  stepLines: readonly number[],
): Scenario {
  const start =
    envelope.start === undefined
      ? DEFAULT_START_SECONDS
      : accepted(parseInstant(envelope.start), envelope.start);
  const principals = record(
    Object.entries(envelope.principals).map(([name, entry]): [string, Principal] => [
      name,
      { name: name as PrincipalName, role: entry.role, status: principalStatus(entry) },
    ]),
  );
  const isOwner = (name: string) => principals[name]?.role === 'owner';
  // Entries under `owners` for non-owners are kept so the reference check can point at them.
  const ownerNames = [
    ...Object.keys(principals).filter(isOwner),
    ...Object.keys(envelope.owners).filter((name) => !isOwner(name)),
  ];
  const owners = record(
    ownerNames.map((name) => {
      const entry = Object.hasOwn(envelope.owners, name) ? envelope.owners[name] : undefined;
      return [name, ownerPolicy(entry)] as const;
    }),
  );
  return {
    source,
    name: envelope.name,
    ...(envelope.description === undefined ? {} : { description: envelope.description }),
    ...(envelope.seed === undefined ? {} : { seed: envelope.seed }),
    variant: envelope.variant ?? 'secure',
    start,
    buckets: envelope.buckets ?? 1,
    principals,
    owners,
    steps: steps.map((raw, index) => resolveStep(raw, index, stepLines[index] ?? 1, { start, owners })),
  };
}
