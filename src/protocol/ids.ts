/**
 * Who is who in the protocol. Principals (owners and users) and files are named by branded strings
 * so that a file id can never be passed where a principal is meant; the infrastructure actors have
 * fixed names, and `ActorId` covers both, because logs and knowledge speak of either.
 * @module
 */
import type { Brand } from '../model/brand.ts';

/** A registered person: a PHR owner or a PHR user (SPEC section 2). */
export type PrincipalId = Brand<string, 'PrincipalId'>;
/** A PHR file as the owner names it; ids are global, as in a scenario file. */
export type FileId = Brand<string, 'FileId'>;

/** The roles a principal registers with; the CA certifies exactly one per principal. */
export const ROLES = Object.freeze([
  'owner',
  'doctor',
  'pharmacist',
  'family',
  'insurer',
  'researcher',
] as const);
/** A principal's certified role. */
export type Role = (typeof ROLES)[number];
/** The roles of PHR users: every role but `owner`, the ones an owner's policy grants partitions to. */
export type UserRole = Exclude<Role, 'owner'>;
/** The user roles, in the order of {@link ROLES}. */
export const USER_ROLES: readonly UserRole[] = Object.freeze(
  ROLES.filter((r): r is UserRole => r !== 'owner'),
);

/** The infrastructure actors of SPEC section 2, each a single in-process instance per system. */
export const INFRASTRUCTURE = Object.freeze(['srs', 'ca', 'cloud', 'tpa', 'time-server', 'admin'] as const);
/** One of the infrastructure actors. */
export type InfrastructureId = (typeof INFRASTRUCTURE)[number];
/** Anyone who can act, hold knowledge or be blamed in a log: a principal or an infrastructure actor. */
export type ActorId = PrincipalId | InfrastructureId;

/** Names may not be empty, nor collide with an infrastructure actor, nor carry separators or spaces. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkedName(what: string, s: string): string {
  if (typeof s !== 'string' || !NAME.test(s)) {
    throw new TypeError(
      `${what} must be letters, digits, '.', '_' or '-' (not starting with a symbol), got ${JSON.stringify(s)}`,
    );
  }
  return s;
}

/** Brands `s` as a principal id; the infrastructure names are reserved so logs stay unambiguous. */
export function principalId(s: string): PrincipalId {
  const name = checkedName('principal id', s);
  if ((INFRASTRUCTURE as readonly string[]).includes(name)) {
    throw new TypeError(`principal id ${JSON.stringify(s)} is reserved for an infrastructure actor`);
  }
  return name as PrincipalId;
}

/** Brands `s` as a file id. */
export function fileId(s: string): FileId {
  return checkedName('file id', s) as FileId;
}

/** Whether `s` names a role, for validating input at the boundary. */
export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** Whether `s` names an infrastructure actor. */
export function isInfrastructure(s: string): s is InfrastructureId {
  return (INFRASTRUCTURE as readonly string[]).includes(s);
}
