/**
 * A loaded scenario: every default filled, every time in unix seconds, every size in bytes, every
 * reference checked. The runner, the stepper and the campaign shrinker work on this value only,
 * never on YAML, so they need no defaults and no validation of their own.
 */
import type { FileName, PartitionLabel, PrincipalName } from './names.ts';
import type { OperationName, OutcomeOf } from './operations.ts';
import type { HistoryPolicy, InfrastructureName, Role, UserRole, Variant } from './vocabulary.ts';

/**
 * Where a principal stands with the CA when the run starts: registered and approved (the
 * default), registered but awaiting the admin (`approved: false`), or not yet registered
 * (`registered: false`, to be done by a `register` step).
 */
export type PrincipalStatus = 'approved' | 'pending' | 'unregistered';

/** A principal as declared. */
export interface Principal {
  readonly name: PrincipalName;
  readonly role: Role;
  readonly status: PrincipalStatus;
}

/** An owner's PHR layout and access policy at the start of the run. */
export interface OwnerPolicy {
  /** Partition label -> access level, in the order written (default personal 1 … prescription 4). */
  readonly partitions: Readonly<Record<PartitionLabel, number>>;
  /** Every user role, with the partitions it may read (empty when the file grants it none). */
  readonly grants: Readonly<Record<UserRole, readonly PartitionLabel[]>>;
  readonly history: HistoryPolicy;
  /** Whether downloads of this owner's files need the owner's one-time code. */
  readonly consent: boolean;
}

/** When a file may be read, in unix seconds; `start < end`. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** One member of a coalition: a declared principal or an infrastructure actor. */
export type CoalitionMember =
  | { readonly kind: 'principal'; readonly name: PrincipalName }
  | { readonly kind: 'infrastructure'; readonly name: InfrastructureName };

/** Whom a `grant` step gives partitions to. */
export type Grantee =
  | { readonly kind: 'role'; readonly role: UserRole }
  | { readonly kind: 'user'; readonly user: PrincipalName };

/** What every step has: its operation, its place in the file, and the outcome it must have if any. */
interface StepBase<Op extends OperationName> {
  readonly op: Op;
  /** Position in `steps`, from 0. */
  readonly index: number;
  /** The line of the step in its file, for the runner's messages. */
  readonly line: number;
  readonly expect?: OutcomeOf<Op>;
}

export interface RegisterStep extends StepBase<'register'> {
  readonly principal: PrincipalName;
  readonly role: Role;
}
export interface ApproveStep extends StepBase<'approve'> {
  readonly principal: PrincipalName;
}
export interface RejectStep extends StepBase<'reject'> {
  readonly principal: PrincipalName;
}
export interface RevokeCertificateStep extends StepBase<'revoke-certificate'> {
  readonly principal: PrincipalName;
}
export interface UploadStep extends StepBase<'upload'> {
  readonly owner: PrincipalName;
  readonly file: FileName;
  /** Bytes; 4096 when the file says nothing. */
  readonly size: number;
  readonly window?: TimeWindow;
  /** Whether downloads need the owner's one-time code; the owner's `consent` unless the step says. */
  readonly consent: boolean;
}
export interface UpdateStep extends StepBase<'update'> {
  readonly owner: PrincipalName;
  readonly file: FileName;
  readonly partition: PartitionLabel;
}
export interface DeleteStep extends StepBase<'delete'> {
  readonly owner: PrincipalName;
  readonly file: FileName;
}
export interface GrantStep extends StepBase<'grant'> {
  readonly owner: PrincipalName;
  readonly grantee: Grantee;
  readonly partitions: readonly PartitionLabel[];
}
export interface RevokeStep extends StepBase<'revoke'> {
  readonly owner: PrincipalName;
  readonly user: PrincipalName;
}
export interface JoinStep extends StepBase<'join'> {
  readonly owner: PrincipalName;
  readonly user: PrincipalName;
  readonly role: UserRole;
}
export interface WindowStep extends StepBase<'window'> {
  readonly owner: PrincipalName;
  readonly file: FileName;
  readonly window: TimeWindow;
}
export interface TickStep extends StepBase<'tick'> {
  /** Seconds, more than 0. */
  readonly by: number;
}
export interface RequestStep extends StepBase<'request'> {
  readonly user: PrincipalName;
  readonly file: FileName;
  readonly partition: PartitionLabel;
  /** Absent: the current version when the step runs. */
  readonly version?: number;
}
export interface DownloadStep extends StepBase<'download'> {
  readonly user: PrincipalName;
  readonly file: FileName;
}
export interface DecryptStep extends StepBase<'decrypt'> {
  readonly user: PrincipalName;
  readonly file: FileName;
  readonly partition: PartitionLabel;
  /** Absent: the current version when the step runs. */
  readonly version?: number;
}
export interface SearchStep extends StepBase<'search'> {
  readonly user: PrincipalName;
  readonly keyword: string;
}
export interface ConsentStep extends StepBase<'consent'> {
  readonly owner: PrincipalName;
  readonly user: PrincipalName;
  readonly file: FileName;
}
export interface ForwardStep extends StepBase<'forward'> {
  readonly from: PrincipalName;
  readonly to: PrincipalName;
  readonly file: FileName;
  readonly partition: PartitionLabel;
}
export interface AuditStep extends StepBase<'audit'> {
  readonly file: FileName;
}
export interface TamperStep extends StepBase<'tamper'> {
  readonly file: FileName;
  /** Absent: a partition drawn from the seed. */
  readonly partition?: PartitionLabel;
}
export interface ColludeStep extends StepBase<'collude'> {
  readonly members: readonly CoalitionMember[];
  readonly file: FileName;
  readonly partition: PartitionLabel;
  /** Absent: the current version when the step runs. */
  readonly version?: number;
}

/** One step, discriminated by `op`. */
export type Step =
  | RegisterStep
  | ApproveStep
  | RejectStep
  | RevokeCertificateStep
  | UploadStep
  | UpdateStep
  | DeleteStep
  | GrantStep
  | RevokeStep
  | JoinStep
  | WindowStep
  | TickStep
  | RequestStep
  | DownloadStep
  | DecryptStep
  | SearchStep
  | ConsentStep
  | ForwardStep
  | AuditStep
  | TamperStep
  | ColludeStep;

/** The step type of operation `Op`. */
export type StepOf<Op extends OperationName> = Extract<Step, { readonly op: Op }>;

/** A complete, checked, deeply frozen scenario. */
export interface Scenario {
  /** The file it came from (or the name given to `parseScenario`), for messages. */
  readonly source: string;
  readonly name: string;
  readonly description?: string;
  /** The seed the file names; absent means the runner draws one and prints it. */
  readonly seed?: number | string;
  readonly variant: Variant;
  /** When the simulated clock starts, in unix seconds. */
  readonly start: number;
  /** Storage buckets the cloud spreads chunks over; 1 means no chunking. */
  readonly buckets: number;
  readonly principals: Readonly<Record<PrincipalName, Principal>>;
  /** One policy per principal with role owner, declared or defaulted. */
  readonly owners: Readonly<Record<PrincipalName, OwnerPolicy>>;
  readonly steps: readonly Step[];
}
