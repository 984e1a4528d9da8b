import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { g1Multiply, g1Table, g2Multiply, g2Table } from '../../../src/protocol/crypto/fixed-base-point.ts';

const { G1, G2 } = bls12_381;
const q = bls12_381.fields.Fr.ORDER;

/**
 * Scalars where the signed radix-256 recoding carries (bytes 0x80 and 0xff, runs of them) or sits
 * at its ends (1, 128, 129, the top window), and around q, where the last additions meet ±(partial
 * sum) mod q.
 */
const edgeScalars: readonly bigint[] = (
  [
    1n,
    2n,
    127n,
    128n,
    129n,
    255n,
    256n,
    0x8080n,
    0xffffn,
    (1n << 248n) - 1n,
    1n << 248n,
    1n << 254n,
    0x80n << 248n,
    0x8080808080808080808080808080808080808080808080808080808080808080n % q,
    0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn % q,
    (q - 1n) / 2n,
    (q + 1n) / 2n,
    q - 128n,
    q - 2n,
    q - 1n,
  ] as const
).map((k) => k % q);
const scalar = fc.oneof(fc.constantFrom(...edgeScalars), fc.bigInt({ min: 1n, max: q - 1n }));
const runs = { seed: 255, numRuns: 60 } as const;

describe('fixed-base multiplication on G1', () => {
  const table = g1Table(G1.Point.BASE);

  it('gives B.multiply(k), normalized the same way (Z = 1)', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const ours = g1Multiply(table, k);
        const noble = G1.Point.BASE.multiply(k);
        expect([ours.X, ours.Y, ours.Z]).toEqual([noble.X, noble.Y, noble.Z]);
      }),
      runs,
    );
  });

  it('works for any base, here 5·g1', () => {
    const base = G1.Point.BASE.multiply(5n);
    const other = g1Table(base);
    for (const k of [1n, 3n, q - 1n, 0x1234567890abcdefn]) {
      expect(g1Multiply(other, k).equals(base.multiply(k))).toBe(true);
    }
  });

  it('holds m·256^j·B in window j for m in 1..128', () => {
    expect(table.windows.length).toBe(32);
    for (const j of [0, 1, 31]) {
      expect(table.windows[j]!.length).toBe(128);
      for (const m of [1, 2, 128]) {
        const expected = G1.Point.BASE.multiply((BigInt(m) << BigInt(8 * j)) % q).toAffine();
        expect(table.windows[j]![m - 1]).toEqual(expected);
      }
    }
  });

  it('refuses the scalars noble refuses (0, q, negative) with a RangeError', () => {
    for (const k of [0n, q, q + 1n, -1n]) {
      expect(() => G1.Point.BASE.multiply(k)).toThrow(RangeError);
      expect(() => g1Multiply(table, k)).toThrow(RangeError);
    }
  });
});

describe('fixed-base multiplication on G2', () => {
  const table = g2Table(G2.Point.BASE);

  it('gives B.multiply(k), normalized the same way (Z = 1)', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const ours = g2Multiply(table, k);
        const noble = G2.Point.BASE.multiply(k);
        expect([ours.X, ours.Y, ours.Z]).toEqual([noble.X, noble.Y, noble.Z]);
        expect(ours.toBytes()).toEqual(noble.toBytes());
      }),
      { ...runs, numRuns: 30 },
    );
  });

  it('holds m·256^j·B in window j for m in 1..128', () => {
    for (const j of [0, 31]) {
      for (const m of [1, 128]) {
        const { x, y } = G2.Point.BASE.multiply((BigInt(m) << BigInt(8 * j)) % q).toAffine();
        expect(table.windows[j]![m - 1]).toEqual({ x: [x.c0, x.c1], y: [y.c0, y.c1] });
      }
    }
  });

  it('refuses the scalars noble refuses with a RangeError', () => {
    for (const k of [0n, q, -5n]) expect(() => g2Multiply(table, k)).toThrow(RangeError);
  });
});
