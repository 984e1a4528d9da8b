/**
 * Certificates of the CA: an Ed25519 signature over (serial, subject, role, SeSPHR public key,
 * validity, issuer), so the SRS and the cloud can check who a requester is, which role it holds and
 * which key its re-encryption parameters must be computed for, without asking the CA each time.
 * Only the revocation set must be fresh: it is passed to every check.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeCanonical, encodeCanonical } from './canonical-encoding.ts';
import { DecodeError } from './encoding.ts';
import { type SigningKey, signBytes, verifySignature } from './signing.ts';

export { generateSigningKey, type SigningKey } from './signing.ts';

/** What the CA vouches for. `publicKey` is the subject's SeSPHR key (an encoded G2 point). */
export interface CertificateBody {
  readonly serial: string;
  readonly subject: string;
  readonly role: string;
  readonly publicKey: Uint8Array;
  /** First second (Unix time) at which the certificate is valid. */
  readonly notBefore: number;
  /** Last second (Unix time) at which the certificate is valid: the interval is closed, as in X.509. */
  readonly notAfter: number;
  readonly issuer: string;
}

/** A body with the CA's 64-byte Ed25519 signature over its canonical encoding. */
export interface Certificate extends CertificateBody {
  readonly signature: Uint8Array;
}

/** Why a certificate is refused. */
export type CertificateInvalidReason = 'bad-signature' | 'expired' | 'not-yet-valid' | 'revoked';

/** The verdict of {@link verifyCertificate}. */
export type CertificateCheck =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly reason: CertificateInvalidReason };

const BODY_DOMAIN = 'sesphr-lab/certificate-body/v1';
const CERTIFICATE_DOMAIN = 'sesphr-lab/certificate/v1';
const SIGNATURE_BYTES = 64;

function bodyFields(body: CertificateBody): readonly (string | number | Uint8Array)[] {
  return [body.serial, body.subject, body.role, body.publicKey, body.notBefore, body.notAfter, body.issuer];
}

/** The bytes the CA signs: the canonical encoding of the body, every field length-prefixed. */
export function certificateBodyBytes(body: CertificateBody): Uint8Array {
  return encodeCanonical(BODY_DOMAIN, bodyFields(body));
}

/**
 * The certificate the CA `ca` issues for `body`. Refuses an empty validity interval, which no
 * moment could ever satisfy. The public key is copied, so the caller's buffer stays its own.
 */
export function issueCertificate(ca: SigningKey, body: CertificateBody): Certificate {
  if (!(body.notBefore <= body.notAfter)) {
    throw new RangeError(`notBefore (${body.notBefore}) must not be after notAfter (${body.notAfter})`);
  }
  const copy: CertificateBody = {
    serial: body.serial,
    subject: body.subject,
    role: body.role,
    publicKey: Uint8Array.from(body.publicKey),
    notBefore: body.notBefore,
    notAfter: body.notAfter,
    issuer: body.issuer,
  };
  return Object.freeze({ ...copy, signature: signBytes(ca, certificateBodyBytes(copy)) });
}

const VALID: CertificateCheck = Object.freeze({ kind: 'valid' });

function invalid(reason: CertificateInvalidReason): CertificateCheck {
  return Object.freeze({ kind: 'invalid', reason });
}

/**
 * Certificates whose CA signature verified, by the bytes checked (CA key, body, signature): a
 * verifier that sees the same few certificates on every request keeps one, so that a certificate
 * presented again costs its encoding instead of an Ed25519 verification (a quarter of a campaign's
 * time went into re-verifying them). Keyed by bytes, never by object: a certificate altered after
 * its check (its key buffer is mutable) is a new key and is verified again. Only the CA can make a
 * certificate that enters it, so it grows no larger than the certificates the CA issued.
 */
export type VerifiedSignatures = Set<string>;

/**
 * Whether `cert` is valid at `now`: signed by the CA key `caPublicKey`, its serial not in `revoked`,
 * and `now` within [notBefore, notAfter]. The signature is checked first, so a forged certificate is
 * always reported as a bad signature and never with a reason that would suggest the CA issued it;
 * `verified`, when given, skips the signature check for bytes that passed it before, and records
 * those that pass now. Revocation and validity are checked every time.
 */
export function verifyCertificate(
  caPublicKey: Uint8Array,
  cert: Certificate,
  now: number,
  revoked: ReadonlySet<string>,
  verified?: VerifiedSignatures,
): CertificateCheck {
  let body: Uint8Array;
  try {
    body = certificateBodyBytes(cert);
  } catch {
    return invalid('bad-signature');
  }
  const key =
    verified === undefined
      ? ''
      : `${bytesToHex(caPublicKey)}.${bytesToHex(body)}.${bytesToHex(cert.signature)}`;
  if (verified?.has(key) !== true) {
    if (!verifySignature(caPublicKey, body, cert.signature)) return invalid('bad-signature');
    verified?.add(key);
  }
  if (revoked.has(cert.serial)) return invalid('revoked');
  if (now < cert.notBefore) return invalid('not-yet-valid');
  if (now > cert.notAfter) return invalid('expired');
  return VALID;
}

/** The bytes of a certificate as it travels and is stored: the body's fields and the signature. */
export function encodeCertificate(cert: Certificate): Uint8Array {
  return encodeCanonical(CERTIFICATE_DOMAIN, [...bodyFields(cert), cert.signature]);
}

/**
 * The certificate `bytes` encode. Throws a {@link DecodeError} when they are not a certificate
 * (wrong domain, field count or field types, a signature that is not 64 bytes); whether the
 * signature is right is {@link verifyCertificate}'s question, not the decoder's.
 */
export function decodeCertificate(bytes: Uint8Array): Certificate {
  const fields = decodeCanonical(bytes, CERTIFICATE_DOMAIN);
  if (fields.length !== 8) {
    throw new DecodeError(`certificate: expected 8 fields, received ${fields.length}`);
  }
  const [serial, subject, role, publicKey, notBefore, notAfter, issuer, signature] = fields;
  const text = (name: string, value: unknown): string => {
    if (typeof value !== 'string') throw new DecodeError(`certificate ${name}: expected a string`);
    return value;
  };
  const time = (name: string, value: unknown): number => {
    if (typeof value !== 'number') throw new DecodeError(`certificate ${name}: expected a number`);
    return value;
  };
  const bytesOf = (name: string, value: unknown): Uint8Array => {
    if (!(value instanceof Uint8Array)) throw new DecodeError(`certificate ${name}: expected bytes`);
    return value;
  };
  const sig = bytesOf('signature', signature);
  if (sig.length !== SIGNATURE_BYTES) {
    throw new DecodeError(`certificate signature: expected ${SIGNATURE_BYTES} bytes, received ${sig.length}`);
  }
  return Object.freeze({
    serial: text('serial', serial),
    subject: text('subject', subject),
    role: text('role', role),
    publicKey: bytesOf('publicKey', publicKey),
    notBefore: time('notBefore', notBefore),
    notAfter: time('notAfter', notAfter),
    issuer: text('issuer', issuer),
    signature: sig,
  });
}
