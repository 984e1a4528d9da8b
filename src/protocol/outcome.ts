/**
 * What every protocol operation returns. A refusal is a value, not an exception: the net (the next
 * layer up) fires a "refused" transition on it, the verifier reasons about it, and the attack log
 * records it. Exceptions are kept for programming errors (a malformed id, a bad argument type).
 * @module
 */

/**
 * Why an operation was refused. The first twelve are the contract's; the rest name situations a
 * real deployment also refuses and a scenario may expect:
 * - `before-join`: the owner's history policy is `from-join` and the version predates the join;
 * - `already-exists`: a second registration, or an upload under a file id already in use;
 * - `out-of-order`: a fine-grained step fired before the step it needs (e.g. encrypt before drawing r);
 * - `no-parameter`: a user tried to decrypt without ever obtaining R for that partition;
 * - `unknown-partition`: the partition label is not one of the file's (or the owner's) partitions.
 */
export const DENIAL_REASONS = Object.freeze([
  'not-in-acl',
  'outside-window',
  'revoked',
  'unapproved',
  'bad-certificate',
  'bad-otp',
  'tag-check-failed',
  'audit-failed',
  'unknown-principal',
  'unknown-file',
  'no-consent',
  'not-owner',
  'before-join',
  'already-exists',
  'out-of-order',
  'no-parameter',
  'unknown-partition',
] as const);

/** One of {@link DENIAL_REASONS}. */
export type DenialReason = (typeof DENIAL_REASONS)[number];

/** A refusal: the reason a scenario can expect, and a sentence for the human reading the log. */
export interface Denied {
  readonly kind: 'denied';
  readonly reason: DenialReason;
  readonly detail: string;
}

/** Success, carrying the operation's result. */
export interface Ok<T> {
  readonly kind: 'ok';
  readonly value: T;
}

/** The result of every protocol operation. */
export type Outcome<T> = Ok<T> | Denied;

/** A frozen success. */
export function ok<T>(value: T): Ok<T> {
  return Object.freeze({ kind: 'ok', value });
}

/**
 * A frozen refusal. Actors refuse through their context, which also writes the attack log; this
 * bare constructor is for internal checks whose caller then refuses through the context.
 */
export function denied(reason: DenialReason, detail: string): Denied {
  return Object.freeze({ kind: 'denied', reason, detail });
}

/** Narrowing helper for `kind === 'ok'`. */
export function isOk<T>(outcome: Outcome<T>): outcome is Ok<T> {
  return outcome.kind === 'ok';
}
