/**
 * The properties of SPEC section 5 with the verdict the SPEC expects for each, so the page can
 * list every property (even when the verifier did not run) and say of each result whether it is
 * what the SPEC predicts. A verifier result that states its own `expected` verdict wins over this
 * table; the table is the fallback and the source of the one-line statements.
 */

/** What SPEC section 5 predicts: a proof, a violation, or correctness shown by tests (P2). */
export type ExpectedVerdict = 'proved' | 'violated' | 'tested';

/** One property as SPEC section 5 states it. */
export interface SpecProperty {
  readonly id: string;
  readonly statement: string;
  readonly expected: ExpectedVerdict;
  /** The expectation under the insecure variants that change it, by variant name. */
  readonly underVariant?: Readonly<Record<string, ExpectedVerdict>>;
  /** A qualification the SPEC adds to the expectation. */
  readonly note?: string;
}

/** Where P2, checked by tests rather than by the verifier, is checked. */
export const P2_TESTS = 'test/protocol/crypto/sesphr-kem.test.ts (fast-check properties)';

/** SPEC section 5, in order. */
export const SPEC_PROPERTIES: readonly SpecProperty[] = Object.freeze(
  [
    {
      id: 'P1',
      statement:
        'a user obtains R for a partition only if the ACL grants its role that partition at that time',
      expected: 'proved',
    },
    {
      id: 'P2',
      statement: 'decryption with the right R and key returns the uploaded partition',
      expected: 'tested',
      note: `crypto correctness, checked by property tests: ${P2_TESTS}`,
    },
    {
      id: 'P3',
      statement: 'a principal without access can neither obtain R nor decrypt',
      expected: 'proved',
    },
    { id: 'P4', statement: 'the cloud alone never learns a plaintext', expected: 'proved' },
    {
      id: 'P5',
      statement: 'the SRS alone never learns a plaintext',
      expected: 'proved',
      note: 'only while it never receives a ciphertext',
    },
    {
      id: 'P6',
      statement: 'SRS and cloud colluding never learn a plaintext',
      expected: 'violated',
      note: 'the SRS holds every key: with the cloud’s ciphertexts it reads everything',
    },
    {
      id: 'P7',
      statement: 'a revoked user cannot decrypt any version written after its revocation',
      expected: 'proved',
      underVariant: { 'revocation-keeps-acl': 'violated' },
    },
    {
      id: 'P8',
      statement: 'a revoked user cannot decrypt anything after revocation',
      expected: 'violated',
      note: 'cached R on an old version',
    },
    {
      id: 'P9',
      statement: 'a joining user reads past data exactly as the owner’s history policy says',
      expected: 'proved',
      note: 'per policy (all history, or from the join date)',
    },
    { id: 'P10', statement: 'no access outside the file’s time window', expected: 'proved' },
    {
      id: 'P11',
      statement: 'any change to a stored ciphertext is detected by the TPA audit or the tag check',
      expected: 'proved',
    },
    {
      id: 'P12',
      statement: 'a download needing consent happens only after the owner’s OTP',
      expected: 'proved',
      underVariant: { 'otp-leak': 'violated' },
    },
    {
      id: 'P13',
      statement: 'an unapproved or revoked-certificate principal gets nothing',
      expected: 'proved',
    },
  ].map((p) => Object.freeze(p as SpecProperty)),
);

/** The expectation for `property` under `variant` (the secure protocol when undefined). */
export function expectedVerdict(property: SpecProperty, variant: string | undefined): ExpectedVerdict {
  return (variant === undefined ? undefined : property.underVariant?.[variant]) ?? property.expected;
}
