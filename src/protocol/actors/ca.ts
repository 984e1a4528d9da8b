/**
 * The certificate authority (SPEC section 2, 3.2): once the admin approved a registration and the
 * SRS made the principal's key pair, the CA signs (id, role, SeSPHR public key, validity) with
 * Ed25519. It keeps the revocation list; the SRS and the cloud check every certificate against the
 * CA's public key and that list on every request.
 * @module
 */
import {
  type Certificate,
  type CertificateCheck,
  issueCertificate,
  type VerifiedSignatures,
  verifyCertificate,
} from '../crypto/certificate.ts';
import { encodeG2 } from '../crypto/encoding.ts';
import type { Rng } from '../crypto/rng.ts';
import type { G2 } from '../crypto/sesphr-kem.ts';
import { generateSigningKey, type SigningKey } from '../crypto/signing.ts';
import type { PrincipalId } from '../ids.ts';
import { type Outcome, ok } from '../outcome.ts';
import type { Admin } from './admin.ts';
import type { ActorContext } from './context.ts';

/** The CA's name in the certificates it issues. */
export const CA_NAME = 'sesphr-lab-ca';

/** The certificate authority. */
export class CertificateAuthority {
  readonly #ctx: ActorContext;
  readonly #key: SigningKey;
  readonly #admin: Admin;
  readonly #validity: number;
  readonly #issued = new Map<PrincipalId, Certificate>();
  readonly #revoked = new Set<string>();
  readonly #verified: VerifiedSignatures = new Set();

  /** `validitySeconds`: how long a certificate is valid from its issue. */
  constructor(ctx: ActorContext, rng: Rng, admin: Admin, validitySeconds: number) {
    this.#ctx = ctx;
    this.#key = generateSigningKey(rng);
    this.#admin = admin;
    this.#validity = validitySeconds;
  }

  /** The key every verifier checks certificates against. */
  get publicKey(): Uint8Array {
    return this.#key.publicKey;
  }

  /**
   * Certifies `principal` with the role it registered with and its SeSPHR public key (the one the
   * SRS made, absent until rule 23 ran), valid from now for the CA's validity period. Only for
   * approved principals, and once per principal.
   */
  issue(principal: PrincipalId, publicKey: G2 | undefined): Outcome<Certificate> {
    const refuse = (
      reason: 'unknown-principal' | 'unapproved' | 'already-exists' | 'out-of-order',
      detail: string,
    ) =>
      this.#ctx.deny({ refusedBy: 'ca', actor: principal, operation: 'issue-certificate', reason, detail });
    const registration = this.#admin.registration(principal);
    if (registration === undefined) return refuse('unknown-principal', `${principal} never registered`);
    if (registration.status !== 'approved') {
      return refuse('unapproved', `the admin has not approved ${principal} (${registration.status})`);
    }
    if (this.#issued.has(principal)) {
      return refuse('already-exists', `${principal} already holds a certificate`);
    }
    if (publicKey === undefined) {
      return refuse('out-of-order', `the SRS has made no key pair for ${principal} yet`);
    }
    const now = this.#ctx.clock.now();
    const certificate = issueCertificate(this.#key, {
      serial: `${this.#issued.size + 1}`,
      subject: principal,
      role: registration.role,
      publicKey: encodeG2(publicKey),
      notBefore: now,
      notAfter: now + this.#validity,
      issuer: CA_NAME,
    });
    this.#issued.set(principal, certificate);
    return ok(certificate);
  }

  /** Puts the certificate of `principal` on the revocation list. */
  revoke(principal: PrincipalId): Outcome<Certificate> {
    const certificate = this.#issued.get(principal);
    if (certificate === undefined) {
      return this.#ctx.deny({
        refusedBy: 'ca',
        actor: 'ca',
        operation: 'revoke-certificate',
        reason: 'unknown-principal',
        detail: `${principal} holds no certificate`,
      });
    }
    this.#revoked.add(certificate.serial);
    return ok(certificate);
  }

  /** "Is this certificate valid now": the CA's signature, the revocation list, the validity period. */
  check(certificate: Certificate): CertificateCheck {
    return verifyCertificate(
      this.#key.publicKey,
      certificate,
      this.#ctx.clock.now(),
      this.#revoked,
      this.#verified,
    );
  }

  /** The certificate issued to `principal`, if any. */
  certificateOf(principal: PrincipalId): Certificate | undefined {
    return this.#issued.get(principal);
  }

  /** The serials on the revocation list. */
  revokedSerials(): ReadonlySet<string> {
    return new Set(this.#revoked);
  }
}
