/**
 * The admin (SPEC section 2): every registration waits for its decision, pending → approved or
 * rejected, before the SRS makes keys or the CA certifies anyone. The admin's registry is also
 * where the SRS and the cloud learn whether an unknown face is unregistered or merely unapproved.
 * @module
 */
import type { PrincipalId, Role } from '../ids.ts';
import { type Outcome, ok } from '../outcome.ts';
import type { ActorContext } from './context.ts';

/** Where a registration stands. */
export type RegistrationStatus = 'pending' | 'approved' | 'rejected';

/** One registration as the admin sees it. */
export interface Registration {
  readonly principal: PrincipalId;
  readonly role: Role;
  readonly status: RegistrationStatus;
  readonly requestedAt: number;
  /** When the admin approved or rejected; absent while pending. */
  readonly decidedAt?: number;
}

/** The registration desk. */
export class Admin {
  readonly #ctx: ActorContext;
  readonly #registrations = new Map<PrincipalId, Registration>();

  constructor(ctx: ActorContext) {
    this.#ctx = ctx;
  }

  /** Files a registration as pending; a principal registers once, whatever the admin decided. */
  register(principal: PrincipalId, role: Role): Outcome<Registration> {
    const existing = this.#registrations.get(principal);
    if (existing !== undefined) {
      return this.#ctx.deny({
        refusedBy: 'admin',
        actor: principal,
        operation: 'register',
        reason: 'already-exists',
        detail: `${principal} is already registered (as ${existing.role}, ${existing.status})`,
      });
    }
    const registration: Registration = Object.freeze({
      principal,
      role,
      status: 'pending',
      requestedAt: this.#ctx.clock.now(),
    });
    this.#registrations.set(principal, registration);
    return ok(registration);
  }

  /** Approves a pending registration. */
  approve(principal: PrincipalId): Outcome<Registration> {
    return this.#decide(principal, 'approved', 'approve');
  }

  /** Rejects a pending registration; a rejected principal stays `unapproved` everywhere. */
  reject(principal: PrincipalId): Outcome<Registration> {
    return this.#decide(principal, 'rejected', 'reject');
  }

  /** The registration of `principal`, if it ever registered. */
  registration(principal: PrincipalId): Registration | undefined {
    return this.#registrations.get(principal);
  }

  /** Every registration in the order they were filed. */
  registrations(): readonly Registration[] {
    return Object.freeze([...this.#registrations.values()]);
  }

  #decide(principal: PrincipalId, status: 'approved' | 'rejected', operation: string): Outcome<Registration> {
    const current = this.#registrations.get(principal);
    if (current === undefined) {
      return this.#ctx.deny({
        refusedBy: 'admin',
        actor: 'admin',
        operation,
        reason: 'unknown-principal',
        detail: `${principal} never registered`,
      });
    }
    if (current.status !== 'pending') {
      return this.#ctx.deny({
        refusedBy: 'admin',
        actor: 'admin',
        operation,
        reason: 'out-of-order',
        detail: `${principal} was already ${current.status}; only a pending registration is decided`,
      });
    }
    const decided: Registration = Object.freeze({ ...current, status, decidedAt: this.#ctx.clock.now() });
    this.#registrations.set(principal, decided);
    return ok(decided);
  }
}
