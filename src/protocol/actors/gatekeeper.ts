/**
 * Authentication as the SRS and the cloud perform it on every request: the requester must be
 * registered, approved by the admin, and present a certificate for itself that the CA's key, the
 * revocation list and the validity period all accept. The first failing check names the refusal,
 * so an unapproved principal is told `unapproved`, not merely `bad-certificate`.
 * @module
 */
import type { Certificate } from '../crypto/certificate.ts';
import { type InfrastructureId, isRole, type PrincipalId, type Role } from '../ids.ts';
import { type Outcome, ok } from '../outcome.ts';
import type { Admin } from './admin.ts';
import type { CertificateAuthority } from './ca.ts';
import type { ActorContext } from './context.ts';

/** Who a request was authenticated as. */
export interface Authenticated {
  readonly principal: PrincipalId;
  readonly role: Role;
  readonly certificate: Certificate;
}

/** The authentication step shared by the SRS and the cloud. */
export class Gatekeeper {
  readonly #ctx: ActorContext;
  readonly #admin: Admin;
  readonly #ca: CertificateAuthority;

  constructor(ctx: ActorContext, admin: Admin, ca: CertificateAuthority) {
    this.#ctx = ctx;
    this.#admin = admin;
    this.#ca = ca;
  }

  /**
   * Authenticates `principal` presenting `certificate` to `verifier` for `operation`; a refusal is
   * logged as the verifier's.
   */
  authenticate(
    verifier: InfrastructureId,
    operation: string,
    principal: PrincipalId,
    certificate: Certificate | undefined,
  ): Outcome<Authenticated> {
    const refuse = (reason: 'unknown-principal' | 'unapproved' | 'bad-certificate', detail: string) =>
      this.#ctx.deny({ refusedBy: verifier, actor: principal, operation, reason, detail });
    const registration = this.#admin.registration(principal);
    if (registration === undefined) return refuse('unknown-principal', `${principal} never registered`);
    if (registration.status !== 'approved') {
      return refuse('unapproved', `${principal}'s registration is ${registration.status}`);
    }
    if (certificate === undefined) return refuse('bad-certificate', `${principal} presented no certificate`);
    if (certificate.subject !== principal) {
      return refuse('bad-certificate', `${principal} presented the certificate of ${certificate.subject}`);
    }
    const check = this.#ca.check(certificate);
    if (check.kind === 'invalid') {
      return refuse('bad-certificate', `${principal}'s certificate ${certificate.serial} is ${check.reason}`);
    }
    if (!isRole(certificate.role) || certificate.role !== registration.role) {
      return refuse(
        'bad-certificate',
        `${principal}'s certificate names role ${certificate.role}, not ${registration.role}`,
      );
    }
    return ok(Object.freeze({ principal, role: certificate.role, certificate }));
  }
}
