import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCanonical } from '../../../src/protocol/crypto/canonical-encoding.ts';
import {
  type Certificate,
  type CertificateBody,
  decodeCertificate,
  encodeCertificate,
  generateSigningKey,
  issueCertificate,
  verifyCertificate,
} from '../../../src/protocol/crypto/certificate.ts';
import { DecodeError } from '../../../src/protocol/crypto/encoding.ts';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';

const ca = generateSigningKey(seededRng('certificate-test/ca'));
const otherCa = generateSigningKey(seededRng('certificate-test/other-ca'));
const none: ReadonlySet<string> = new Set();

const body: CertificateBody = {
  serial: 'cert-0001',
  subject: 'dr-bob',
  role: 'doctor',
  publicKey: Uint8Array.from({ length: 96 }, (_, i) => i),
  notBefore: 1_700_000_000,
  notAfter: 1_731_536_000,
  issuer: 'sesphr-ca',
};

const bodies: fc.Arbitrary<CertificateBody> = fc
  .record({
    serial: fc.string({ minLength: 1 }),
    subject: fc.string(),
    role: fc.constantFrom('doctor', 'pharmacist', 'insurer', 'family', 'researcher'),
    publicKey: fc.uint8Array({ minLength: 1, maxLength: 96 }),
    notBefore: fc.integer({ min: 0, max: 2 ** 40 }),
    length: fc.integer({ min: 0, max: 2 ** 30 }),
    issuer: fc.string(),
  })
  .map(({ length, ...rest }) => ({ ...rest, notAfter: rest.notBefore + length }));

/** One change per field, each guaranteed to alter it. */
const tampers: readonly ((c: Certificate) => Certificate)[] = [
  (c) => ({ ...c, serial: `${c.serial}x` }),
  (c) => ({ ...c, subject: `${c.subject}x` }),
  (c) => ({ ...c, role: `${c.role}x` }),
  (c) => ({ ...c, publicKey: Uint8Array.from(c.publicKey, (b, i) => (i === 0 ? b ^ 1 : b)) }),
  (c) => ({ ...c, notBefore: c.notBefore - 1 }),
  (c) => ({ ...c, notAfter: c.notAfter + 1 }),
  (c) => ({ ...c, issuer: `${c.issuer}x` }),
  (c) => ({ ...c, signature: Uint8Array.from(c.signature, (b, i) => (i === 63 ? b ^ 0x80 : b)) }),
];

describe('CA certificates', () => {
  it('is valid from notBefore to notAfter inclusive, and only then', () => {
    const cert = issueCertificate(ca, body);
    expect(verifyCertificate(ca.publicKey, cert, body.notBefore, none)).toEqual({ kind: 'valid' });
    expect(verifyCertificate(ca.publicKey, cert, body.notAfter, none)).toEqual({ kind: 'valid' });
    expect(verifyCertificate(ca.publicKey, cert, body.notBefore - 1, none)).toEqual({
      kind: 'invalid',
      reason: 'not-yet-valid',
    });
    expect(verifyCertificate(ca.publicKey, cert, body.notAfter + 1, none)).toEqual({
      kind: 'invalid',
      reason: 'expired',
    });
  });

  it('refuses a revoked serial, and another CA’s key', () => {
    const cert = issueCertificate(ca, body);
    const revoked = new Set(['cert-0001']);
    expect(verifyCertificate(ca.publicKey, cert, body.notBefore, revoked)).toEqual({
      kind: 'invalid',
      reason: 'revoked',
    });
    expect(verifyCertificate(otherCa.publicKey, cert, body.notBefore, none)).toEqual({
      kind: 'invalid',
      reason: 'bad-signature',
    });
  });

  it('reports a forged certificate as a bad signature even when it is also revoked and expired', () => {
    const forged = { ...issueCertificate(ca, body), role: 'admin' };
    expect(verifyCertificate(ca.publicKey, forged, body.notAfter + 1, new Set([body.serial]))).toEqual({
      kind: 'invalid',
      reason: 'bad-signature',
    });
  });

  it('signs the canonical body, copies the key and freezes the certificate', () => {
    const key = Uint8Array.from(body.publicKey);
    const cert = issueCertificate(ca, { ...body, publicKey: key });
    key[0] = 0xff;
    expect(cert.publicKey[0]).toBe(0);
    expect(Object.isFrozen(cert)).toBe(true);
    expect(cert.signature).toHaveLength(64);
  });

  it('is reproducible from the seed: same CA key and body, same certificate bytes', () => {
    const again = generateSigningKey(seededRng('certificate-test/ca'));
    expect(bytesToHex(encodeCertificate(issueCertificate(again, body)))).toBe(
      bytesToHex(encodeCertificate(issueCertificate(ca, body))),
    );
  });

  it('refuses an empty validity interval', () => {
    expect(() => issueCertificate(ca, { ...body, notAfter: body.notBefore - 1 })).toThrow(RangeError);
    expect(() => issueCertificate(ca, { ...body, notBefore: Number.NaN })).toThrow(RangeError);
  });

  it('property: tampering with any field of any certificate breaks its signature', () => {
    fc.assert(
      fc.property(bodies, fc.nat({ max: tampers.length - 1 }), (b, which) => {
        const cert = issueCertificate(ca, b);
        expect(verifyCertificate(ca.publicKey, cert, b.notBefore, none)).toEqual({ kind: 'valid' });
        expect(verifyCertificate(ca.publicKey, tampers[which]!(cert), b.notBefore, none)).toEqual({
          kind: 'invalid',
          reason: 'bad-signature',
        });
      }),
      { seed: 5280, numRuns: 100 },
    );
  });

  it('property: a memo of verified signatures changes no verdict, and a certificate altered after its check fails', () => {
    const instants = (b: CertificateBody) => [b.notBefore - 1, b.notAfter];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(bodies, fc.integer({ min: -1, max: tampers.length - 1 }), fc.boolean()), {
          minLength: 1,
          maxLength: 4,
        }),
        (picks) => {
          const verified = new Set<string>();
          // Each certificate twice, the second time through the memo, against both CA keys.
          const certs = picks.map(([b, which, revoke]) => {
            const cert = issueCertificate(ca, b);
            return {
              b,
              cert: which < 0 ? cert : tampers[which]!(cert),
              revoked: new Set(revoke ? [b.serial] : []),
            };
          });
          for (const { b, cert, revoked } of [...certs, ...certs])
            for (const key of [ca.publicKey, otherCa.publicKey])
              for (const now of instants(b))
                expect(verifyCertificate(key, cert, now, revoked, verified)).toEqual(
                  verifyCertificate(key, cert, now, revoked),
                );
          // The memo holds bytes, not objects: a key buffer changed in place is checked afresh.
          const { b } = certs[0]!;
          const valid = issueCertificate(ca, b);
          expect(verifyCertificate(ca.publicKey, valid, b.notBefore, none, verified)).toEqual({
            kind: 'valid',
          });
          valid.publicKey[0] = valid.publicKey[0]! ^ 1;
          expect(verifyCertificate(ca.publicKey, valid, b.notBefore, none, verified)).toEqual({
            kind: 'invalid',
            reason: 'bad-signature',
          });
        },
      ),
      { seed: 5282, numRuns: 20 },
    );
  });

  it('property: decoding inverts encoding, and the decoded certificate still verifies', () => {
    fc.assert(
      fc.property(bodies, (b) => {
        const cert = issueCertificate(ca, b);
        const decoded = decodeCertificate(encodeCertificate(cert));
        expect(decoded).toEqual(cert);
        expect(verifyCertificate(ca.publicKey, decoded, b.notAfter, none)).toEqual({ kind: 'valid' });
      }),
      { seed: 5281, numRuns: 50 },
    );
  });

  it('refuses to decode what is not a certificate, naming the problem', () => {
    const cert = issueCertificate(ca, body);
    const fields = [cert.serial, cert.subject, cert.role, cert.publicKey, cert.notBefore, cert.notAfter];
    const domain = 'sesphr-lab/certificate/v1';
    const cases: readonly [Uint8Array, RegExp][] = [
      [encodeCanonical(domain, fields), /expected 8 fields, received 6/],
      [encodeCanonical(domain, [...fields, cert.issuer, cert.signature.subarray(1)]), /expected 64 bytes/],
      [encodeCanonical(domain, [...fields, 7, cert.signature]), /issuer: expected a string/],
      [
        encodeCanonical(domain, ['s', 'u', 'r', 'pk', 1, 2, 'i', cert.signature]),
        /publicKey: expected bytes/,
      ],
      [encodeCanonical(domain, ['s', 'u', 'r', cert.publicKey, '1', 2, 'i', cert.signature]), /notBefore/],
      [encodeCanonical('sesphr-lab/certificate-body/v1', [...fields, cert.issuer]), /domain/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => decodeCertificate(bytes)).toThrow(DecodeError);
      expect(() => decodeCertificate(bytes)).toThrow(message);
    }
  });
});
