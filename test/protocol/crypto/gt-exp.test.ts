import type { Fp12 as Fp12Value } from '@noble/curves/abstract/tower.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFp12 } from '../../../src/protocol/crypto/fp12-tuple.ts';
import {
  fixedBasePow,
  fixedBaseTable,
  frobeniusActsAsPowerU,
  gtPow,
  splitExponent,
} from '../../../src/protocol/crypto/gt-exp.ts';

const { Fp, Fp12, Fr } = bls12_381.fields;
const p = Fp.ORDER;
const q = Fr.ORDER;
const u = -0xd201000000010000n;
const U = -u;
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

const z = bls12_381.pairing(bls12_381.G1.Point.BASE, bls12_381.G2.Point.BASE);
/** Another element of GT, of no special form. */
const y = Fp12.pow(z, 0x5eed5eed5eed5eed5eed5eed5eed5eed5eed5eedn);

/** Exponents at the edges: tiny, around q, all-ones runs, powers of two, and around powers of U. */
const edgeExponents: readonly bigint[] = [
  ...Array.from({ length: 18 }, (_, i) => BigInt(i)),
  q - 1n,
  q - 2n,
  (q - 1n) / 2n,
  q,
  q + 1n,
  2n * q - 1n,
  ...[1n, 5n, 8n, 31n, 62n, 63n, 64n, 65n, 127n, 128n, 192n, 254n, 255n, 256n].flatMap((k) => [
    (1n << k) - 1n,
    1n << k,
  ]),
  0x5555555555555555555555555555555555555555555555555555555555555555n,
  0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaan,
  ...[U, U * U, U * U * U, U ** 4n].flatMap((w) => [w - 1n, w, w + 1n, w / 2n, w / 2n + 1n]),
];

/**
 * Exponents built from chosen base-U digits, so the split meets its extreme digits (±U/2, ±(U/2 + 1))
 * and the fixed-base recoding its carries (digits of 0x80 and 0xff bytes).
 */
const digit = fc.constantFrom(
  0n,
  1n,
  -1n,
  U / 2n,
  U / 2n + 1n,
  -(U / 2n),
  U - 1n,
  0x7f7f7f7f7f7f7f7fn,
  0x6080808080808080n,
  0x60ffffffffffffffn,
  0x6900800000008000n,
  128n,
  255n,
  0x8080n,
);
const digitExponent = fc
  .tuple(digit, digit, digit, digit)
  .map(([d0, d1, d2, d3]) => mod(d0 + d1 * U + d2 * U * U + d3 * U ** 3n, q));
const exponent = fc.oneof(
  fc.bigInt({ min: 0n, max: q - 1n }),
  fc.constantFrom(...edgeExponents),
  digitExponent,
);

function expectSameGt(actual: Fp12Value, expected: Fp12Value): void {
  expect(fromFp12(actual)).toEqual(fromFp12(expected));
}

describe('the facts the fast paths rest on', () => {
  it('q = U⁴ - U² + 1 and p ≡ u (mod q), so x^p = x^u on GT', () => {
    expect(q).toBe(U ** 4n - U ** 2n + 1n);
    expect(mod(p, q)).toBe(mod(u, q));
    expectSameGt(Fp12.frobeniusMap(y, 1), Fp12.conjugate(Fp12.pow(y, U)));
  });
});

describe('splitExponent', () => {
  it('gives four digits below 2^63 in absolute value that recombine to e mod q', () => {
    const check = (e: bigint) => {
      const d = splitExponent(e);
      expect(d).toHaveLength(4);
      for (const di of d) expect(di <= U / 2n + 1n && di >= -(U / 2n + 1n)).toBe(true);
      for (const di of d) expect(di < 1n << 63n && di > -(1n << 63n)).toBe(true);
      expect(mod(d[0] + d[1] * U + d[2] * U ** 2n + d[3] * U ** 3n, q)).toBe(mod(e, q));
    };
    for (const e of edgeExponents) check(e);
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 300n) - 1n }), check), {
      seed: 63,
      numRuns: 2000,
    });
    fc.assert(fc.property(digitExponent, check), { seed: 64, numRuns: 500 });
  });

  it('splits exact values as expected', () => {
    expect(splitExponent(0n)).toEqual([0n, 0n, 0n, 0n]);
    expect(splitExponent(q)).toEqual([0n, 0n, 0n, 0n]);
    expect(splitExponent(U + 5n)).toEqual([5n, 1n, 0n, 0n]);
    expect(splitExponent(U - 1n)).toEqual([-1n, 1n, 0n, 0n]);
    // q - 1 = U⁴ - U²: balanced digits (0, 0, -1, 0) carry 1 into U⁴, folded back as U² - 1.
    expect(splitExponent(q - 1n)).toEqual([-1n, 0n, 0n, 0n]);
    expect(Object.isFrozen(splitExponent(7n))).toBe(true);
  });
});

describe('gtPow agrees with Fp12.pow on GT', () => {
  it('for edge exponents on Z, another element, 1 and Z⁻¹', () => {
    const bases = [z, y, Fp12.ONE, Fp12.conjugate(z)];
    for (const e of edgeExponents) {
      expectSameGt(gtPow(z, e), Fp12.pow(z, e));
    }
    for (const base of bases) {
      for (const e of [0n, 1n, 2n, q - 1n, (1n << 255n) - 1n])
        expectSameGt(gtPow(base, e), Fp12.pow(base, e));
    }
  });

  it('for random bases of GT and random, edge and digit-built exponents', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: q - 1n }), exponent, (s, e) => {
        const x = Fp12.pow(z, s);
        expectSameGt(gtPow(x, e), Fp12.pow(x, e));
      }),
      { seed: 2010, numRuns: 40 },
    );
  });

  it('refuses negative exponents, as Fp12.pow does, and names the argument', () => {
    expect(() => gtPow(z, -1n)).toThrow('gtPow exponent: expected a non-negative bigint exponent, got -1');
  });
});

describe('fixedBasePow agrees with Fp12.pow on GT', () => {
  const zTable = fixedBaseTable(z);

  it('holds base^{m·256^j} for m in 1..128 and j in 0..7', () => {
    expect(zTable.base).toBe(z);
    expect(zTable.windows).toHaveLength(8);
    for (const row of zTable.windows) expect(row).toHaveLength(128);
    for (const [j, m] of [
      [0, 1],
      [0, 128],
      [3, 77],
      [7, 1],
      [7, 128],
    ] as const) {
      expect(zTable.windows[j]![m - 1]).toEqual(fromFp12(Fp12.pow(z, BigInt(m) << BigInt(8 * j))));
    }
    expect(
      Object.isFrozen(zTable) && Object.isFrozen(zTable.windows) && Object.isFrozen(zTable.windows[0]),
    ).toBe(true);
  });

  it('for edge exponents', () => {
    for (const e of edgeExponents) expectSameGt(fixedBasePow(zTable, e), Fp12.pow(z, e));
  });

  it('for random, edge and digit-built exponents, on Z and on another base', () => {
    const yTable = fixedBaseTable(y);
    fc.assert(
      fc.property(exponent, (e) => {
        expectSameGt(fixedBasePow(zTable, e), Fp12.pow(z, e));
        expectSameGt(fixedBasePow(yTable, e), Fp12.pow(y, e));
      }),
      { seed: 2018, numRuns: 40 },
    );
  });

  it('refuses negative exponents and names the argument', () => {
    expect(() => fixedBasePow(zTable, -5n)).toThrow(
      'fixedBasePow exponent: expected a non-negative bigint exponent, got -5',
    );
  });
});

describe('frobeniusActsAsPowerU (Scott’s GT criterion on cyclotomic values)', () => {
  it('holds exactly when the cyclotomic value has order dividing q', () => {
    const coefficient = fc.bigInt({ min: 0n, max: p - 1n });
    const nonZero = fc
      .array(coefficient, { minLength: 12, maxLength: 12 })
      .map((c) => Fp12.fromBigTwelve(c as Parameters<typeof Fp12.fromBigTwelve>[0]))
      .filter((f) => !Fp12.is0(f));
    fc.assert(
      fc.property(nonZero, (f) => {
        const t = Fp12.div(Fp12.conjugate(f), f);
        const g = Fp12.mul(Fp12.frobeniusMap(t, 2), t);
        const inGt = Fp12.finalExponentiate(f);
        expect(frobeniusActsAsPowerU(g)).toBe(Fp12.eql(Fp12.pow(g, q), Fp12.ONE));
        expect(frobeniusActsAsPowerU(inGt)).toBe(true);
      }),
      { seed: 2021, numRuns: 10 },
    );
    expect(frobeniusActsAsPowerU(z)).toBe(true);
    expect(frobeniusActsAsPowerU(Fp12.ONE)).toBe(true);
  });
});
