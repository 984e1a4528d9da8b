import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openPartition, type PartitionAad, sealPartition } from '../../../src/protocol/crypto/dem.ts';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import {
  assertScalar,
  decapsulate,
  G1_GENERATOR,
  G2_GENERATOR,
  GROUP_ORDER,
  generateKeyPair,
  gtEquals,
  isInGt,
  ownerDecapsulate,
  ownerParameter,
  pairingGenerator,
  publicKeyOf,
  randomScalar,
  reEncrypt,
  reEncryptionKey,
  sessionKey,
} from '../../../src/protocol/crypto/sesphr-kem.ts';

const { Fp12, Fp, Fr } = bls12_381.fields;
const q = GROUP_ORDER;
/** Scalars in [1, q-1]; pairing-heavy properties keep numRuns small (~50 ms per run). */
const scalar = fc.bigInt({ min: 1n, max: q - 1n });
const pairingRuns = { seed: 2018, numRuns: 12 } as const;

describe('group constants', () => {
  it('q is the BLS12-381 subgroup order', () => {
    expect(q).toBe(0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n);
  });

  it('Z = e(g1, g2) has order q and is not 1', () => {
    const z = pairingGenerator();
    expect(gtEquals(z, Fp12.ONE)).toBe(false);
    expect(gtEquals(Fp12.pow(z, q), Fp12.ONE)).toBe(true);
  });
});

describe('randomScalar', () => {
  it('is deterministic from the seed and always in [1, q-1]', () => {
    const a = seededRng('scalars');
    const b = seededRng('scalars');
    for (let i = 0; i < 500; i++) {
      const x = randomScalar(a);
      expect(x).toBe(randomScalar(b));
      expect(x >= 1n && x < q).toBe(true);
    }
  });

  it('rejects draws >= q instead of reducing them (no modular bias)', () => {
    // First draw: 32 bytes of 0xff, masked to 2^255 - 1 >= q, so it must be rejected; second: 0...05.
    const draws = [
      new Uint8Array(32).fill(0xff),
      Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 5 : 0)),
    ];
    let calls = 0;
    const x = randomScalar({ bytes: () => draws[calls++]! });
    expect(x).toBe(5n);
    expect(calls).toBe(2);
  });

  it('rejects zero', () => {
    const draws = [new Uint8Array(32), Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 9 : 0))];
    let calls = 0;
    expect(randomScalar({ bytes: () => draws[calls++]! })).toBe(9n);
  });
});

describe('key generation (eq. 5)', () => {
  it('PK = g2^SK, and the same seed gives the same key pair', () => {
    const kp = generateKeyPair(seededRng('keys'));
    expect(kp.pk.equals(G2_GENERATOR.multiply(kp.sk))).toBe(true);
    expect(generateKeyPair(seededRng('keys')).sk).toBe(kp.sk);
    expect(publicKeyOf(kp.sk).equals(kp.pk)).toBe(true);
    expect(Object.isFrozen(kp)).toBe(true);
  });

  it('refuses scalars outside [1, q-1] and names the argument', () => {
    expect(() => publicKeyOf(0n)).toThrow('sk: expected a scalar in [1, q-1], got 0');
    expect(() => sessionKey(q)).toThrow(`r: expected a scalar in [1, q-1], got ${q}`);
    expect(() => ownerParameter(1n, -3n)).toThrow('skOwner: expected a scalar in [1, q-1], got -3');
    expect(() => reEncryptionKey(2n, q + 1n)).toThrow('skUser');
    expect(assertScalar(q - 1n, 'x')).toBe(q - 1n);
  });
});

describe('the SeSPHR KEM (SPEC 3.1)', () => {
  it('P2: decapsulate(reEncrypt(ownerParameter(r, xP), reEncryptionKey(xP, xU)), xU) = sessionKey(r)', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, (r, xP, xU) => {
        const rU = reEncrypt(ownerParameter(r, xP), reEncryptionKey(xP, xU));
        expect(gtEquals(decapsulate(rU, xU), sessionKey(r))).toBe(true);
      }),
      pairingRuns,
    );
  });

  it('sessionKey(r) = Z^r and decapsulate(R_U, x) = R_U^{1/x} exactly as Fp12.pow computes them', () => {
    const z = pairingGenerator();
    const rU = Fp12.pow(z, 0x5e5a4e7n);
    const edge = fc.constantFrom(1n, 2n, 3n, q - 1n, q - 2n, (q - 1n) / 2n, (1n << 64n) - 1n, 1n << 128n);
    fc.assert(
      fc.property(fc.oneof(scalar, edge), (x) => {
        expect(Fp12.eql(sessionKey(x), Fp12.pow(z, x))).toBe(true);
        expect(Fp12.eql(decapsulate(rU, x), Fp12.pow(rU, Fr.inv(x)))).toBe(true);
      }),
      { seed: 19, numRuns: 30 },
    );
  });

  it('R_U = Z^{r·x_U} (eqs. 15-18) and R_P = g1^{r·x_P} (eqs. 10-13)', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, (r, xP, xU) => {
        const rP = ownerParameter(r, xP);
        expect(rP.equals(G1_GENERATOR.multiply(r).multiply(xP))).toBe(true);
        const rU = reEncrypt(rP, reEncryptionKey(xP, xU));
        expect(gtEquals(rU, Fp12.pow(pairingGenerator(), (r * xU) % q))).toBe(true);
      }),
      { seed: 15, numRuns: 8 },
    );
  });

  it('RK^{x_P} = PK_U: the re-encryption key is g2^{x_U/x_P}', () => {
    fc.assert(
      fc.property(scalar, scalar, (xP, xU) => {
        expect(reEncryptionKey(xP, xU).multiply(xP).equals(publicKeyOf(xU))).toBe(true);
      }),
      { seed: 14, numRuns: 20 },
    );
  });

  it('ownerDecapsulate(ownerParameter(r, xP), xP) = sessionKey(r)', () => {
    fc.assert(
      fc.property(scalar, scalar, (r, xP) => {
        expect(gtEquals(ownerDecapsulate(ownerParameter(r, xP), xP), sessionKey(r))).toBe(true);
      }),
      pairingRuns,
    );
  });

  it('another user’s key on R_U yields a different K, and the partition does not open', () => {
    const aad: PartitionAad = { fileId: 'phr-1', label: 'medical', version: 1 };
    const plaintext = new TextEncoder().encode('{"resourceType":"Condition"}');
    fc.assert(
      fc.property(scalar, scalar, scalar, scalar, (r, xP, xU, xOther) => {
        fc.pre(xOther !== xU);
        const k = sessionKey(r);
        const sealed = sealPartition(k, aad, plaintext, seededRng(`seal-${r}`));
        const rU = reEncrypt(ownerParameter(r, xP), reEncryptionKey(xP, xU));
        const wrong = decapsulate(rU, xOther);
        expect(gtEquals(wrong, k)).toBe(false);
        expect(openPartition(wrong, aad, sealed)).toEqual({ kind: 'tag-mismatch' });
        expect(openPartition(decapsulate(rU, xU), aad, sealed)).toEqual({ kind: 'opened', plaintext });
      }),
      pairingRuns,
    );
  });

  it('a revoked user’s cached R_U opens the version it belongs to, not a new version with fresh r', () => {
    const plaintext = new TextEncoder().encode('{"resourceType":"MedicationRequest"}');
    fc.assert(
      fc.property(scalar, scalar, scalar, scalar, (r, rNew, xP, xU) => {
        fc.pre(r !== rNew);
        const v1: PartitionAad = { fileId: 'phr-7', label: 'prescription', version: 1 };
        const v2: PartitionAad = { ...v1, version: 2 };
        const rng = seededRng(`revocation-${r}`);
        const sealedV1 = sealPartition(sessionKey(r), v1, plaintext, rng);
        const sealedV2 = sealPartition(sessionKey(rNew), v2, plaintext, rng);
        const cached = reEncrypt(ownerParameter(r, xP), reEncryptionKey(xP, xU));
        const kCached = decapsulate(cached, xU);
        expect(openPartition(kCached, v1, sealedV1)).toEqual({ kind: 'opened', plaintext });
        expect(gtEquals(kCached, sessionKey(rNew))).toBe(false);
        expect(openPartition(kCached, v2, sealedV2)).toEqual({ kind: 'tag-mismatch' });
        expect(openPartition(kCached, v1, sealedV2)).toEqual({ kind: 'tag-mismatch' });
      }),
      { seed: 22, numRuns: 10 },
    );
  });
});

/** A value of the cyclotomic subgroup: f^{(p^6 - 1)(p^2 + 1)}, the easy part of the final exponent. */
function cyclotomicPart(f: ReturnType<typeof Fp12.fromBigTwelve>) {
  const t = Fp12.div(Fp12.frobeniusMap(f, 6), f);
  return Fp12.mul(Fp12.frobeniusMap(t, 2), t);
}

function randomFp12(seed: string) {
  const rng = seededRng(seed);
  const coefficient = () => {
    let v = 0n;
    for (const b of rng.bytes(64)) v = (v << 8n) | BigInt(b);
    return Fp.create(v);
  };
  return Fp12.fromBigTwelve([
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
    coefficient(),
  ]);
}

describe('isInGt agrees with the definition g^q = 1', () => {
  it('accepts session keys and re-encrypted parameters', () => {
    fc.assert(
      fc.property(scalar, (r) => {
        const k = sessionKey(r);
        expect(isInGt(k)).toBe(true);
        expect(gtEquals(Fp12.pow(k, q), Fp12.ONE)).toBe(true);
      }),
      { seed: 3, numRuns: 6 },
    );
  });

  it('rejects cyclotomic elements outside GT and arbitrary Fp12 values', () => {
    for (let i = 0; i < 8; i++) {
      const f = randomFp12(`fp12-${i}`);
      const g = cyclotomicPart(f);
      expect(isInGt(f)).toBe(gtEquals(Fp12.pow(f, q), Fp12.ONE));
      expect(isInGt(g)).toBe(gtEquals(Fp12.pow(g, q), Fp12.ONE));
      expect(isInGt(g)).toBe(false);
      // Raising to the cofactor of GT in the cyclotomic subgroup lands in GT: the test must accept it.
      const inGt = bls12_381.fields.Fp12.finalExponentiate(f);
      expect(isInGt(inGt)).toBe(true);
    }
    expect(isInGt(Fp12.ZERO)).toBe(false);
    expect(isInGt(Fp12.ONE)).toBe(true);
  });
});
