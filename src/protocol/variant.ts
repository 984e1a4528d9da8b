/**
 * Named versions of the protocol. `secure` is SeSPHR with its surrounding mechanisms as specified;
 * the others each reintroduce one flaw, so that the verifier can be shown to find it (a property
 * that never fails proves nothing). A variant changes behaviour at exactly one place in the actors.
 * @module
 */

/**
 * The catalogue of variants, each with the flaw it reintroduces and the property it breaks.
 * - `secure`: no flaw.
 * - `otp-leak`: when a user asks the cloud to download a consent-protected file, the server answers
 *   with the owner's current one-time code (the flaw of one of the systems this project grew from).
 *   The requester then downloads without the owner ever consenting: SPEC property P12 fails.
 * - `revocation-keeps-acl`: revoking a user drops its re-encryption key but forgets to remove its
 *   ACL entry, so the SRS keeps handing it R for versions written after the revocation: P7 fails.
 */
export const VARIANTS = Object.freeze(['secure', 'otp-leak', 'revocation-keeps-acl'] as const);

/** One of {@link VARIANTS}. */
export type Variant = (typeof VARIANTS)[number];

/** One sentence per variant, for reports and `--help`. */
export const VARIANT_FLAWS: Readonly<Record<Variant, string>> = Object.freeze({
  secure: 'the protocol as specified',
  'otp-leak': "the cloud returns the owner's one-time consent code to the requester",
  'revocation-keeps-acl': "revocation forgets to remove the revoked user's ACL entry",
});

/** Whether `s` names a variant, for validating scenario files and flags. */
export function isVariant(s: string): s is Variant {
  return (VARIANTS as readonly string[]).includes(s);
}
