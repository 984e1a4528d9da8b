/**
 * Markings: keys are canonical (equal markings, equal keys, however built), tokens and markings are
 * frozen, and the accessors report what is there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  colourSet,
  countIn,
  defineNet,
  idType,
  initialMarking,
  intType,
  markingKey,
  markingOf,
  opaque,
  opaqueType,
  placeId,
  token,
  tokenKey,
  tokensIn,
  totalTokens,
} from '../../src/model/index.ts';

const C = colourSet('C', { who: idType('user'), n: intType(0, 3) });
const net = defineNet({
  name: 'm',
  places: [
    { id: 'a', colour: C },
    { id: 'b', initial: 2 },
  ],
  transitions: [],
});
const tokenArb = fc.record({
  who: fc.constantFrom('x', 'y', 'z,"', '{}'),
  n: fc.integer({ min: 0, max: 3 }),
});

describe('markings', () => {
  it('equal multisets give equal keys whatever the order and grouping they were built in', () => {
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 8 }), fc.nat(), (tokens, shift) => {
        const rotated = tokens.map((_, i) => tokens[(i + shift) % tokens.length]!);
        const one = markingOf(net, { a: tokens.map((t) => ({ token: t })) });
        const other = markingOf(net, { a: rotated.map((t) => ({ token: { n: t.n, who: t.who } })) });
        expect(markingKey(net, one)).toBe(markingKey(net, other));
        expect(countIn(one, placeId('a'))).toBe(tokens.length);
      }),
    );
  });

  it('different multisets give different keys', () => {
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 5 }), fc.array(tokenArb, { maxLength: 5 }), (xs, ys) => {
        const canon = (ts: typeof xs) =>
          ts
            .map((t) => tokenKey(token(t)))
            .sort()
            .join('|');
        const same = canon(xs) === canon(ys);
        const kx = markingKey(net, markingOf(net, { a: xs.map((t) => ({ token: t })) }));
        const ky = markingKey(net, markingOf(net, { a: ys.map((t) => ({ token: t })) }));
        expect(kx === ky).toBe(same);
      }),
    );
  });

  it('keys are injective across UNIT and coloured places, whatever characters the counts encode to', () => {
    const mixed = defineNet({
      name: 'mixed',
      places: [{ id: 'u1' }, { id: 'a', colour: C }, { id: 'u2' }, { id: 'b', colour: C }],
      transitions: [],
    });
    // Counts whose characters are the key format's own punctuation, and counts beyond one character.
    const count = fc.oneof(fc.constantFrom(0, 1, 34, 42, 44, 59, 124, 0xd7ff, 0xd800, 70_000), fc.nat(200));
    const bag = fc.array(fc.record({ token: tokenArb, count: fc.integer({ min: 1, max: 130 }) }), {
      maxLength: 3,
    });
    const marking = fc.record({ u1: count, a: bag, u2: count, b: bag });
    type Spec = typeof marking extends fc.Arbitrary<infer S> ? S : never;
    const describe = (m: ReturnType<typeof markingOf>) =>
      JSON.stringify(mixed.places.map((p) => tokensIn(m, p.id).map((tc) => [tokenKey(tc.token), tc.count])));
    // y differs from x in one place only, so a key that loses part of one place's encoding collides.
    const recount = (place: 'a' | 'b', x: Spec) =>
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 130 })).map(([i, n]) => ({
        [place]: x[place].map((tc, j) => (j === i % x[place].length ? { ...tc, count: n } : tc)),
      }));
    const pair = marking.chain((x) =>
      fc
        .oneof(
          count.map((u1) => ({ u1 })),
          count.map((u2) => ({ u2 })),
          bag.map((a) => ({ a })),
          bag.map((b) => ({ b })),
          recount('a', x),
          recount('b', x),
        )
        .map((edit): [Spec, Spec] => [x, { ...x, ...edit }]),
    );
    fc.assert(
      fc.property(pair, ([x, y]) => {
        const mx = markingOf(mixed, x);
        const my = markingOf(mixed, y);
        expect(markingKey(mixed, mx) === markingKey(mixed, my)).toBe(describe(mx) === describe(my));
      }),
      { seed: 6_801, numRuns: 300 },
    );
    // Counts that collide if encoded as one UTF-16 unit or with the separators' char codes ('|' 124, ',' 44).
    const adversarial: readonly [number, number][] = [
      [124, 44],
      [0xd7ff, 0xd800],
      [70_000, 4464],
    ];
    for (const [m, n] of adversarial) {
      for (const place of ['u1', 'u2'] as const) {
        const key = (c: number) => markingKey(mixed, markingOf(mixed, { [place]: c }));
        expect(key(m), `${place}: ${m} vs ${n}`).not.toBe(key(n));
      }
    }
  });

  it('token keys distinguish field names, value kinds and opaque keys', () => {
    const keys = [
      token({ a: '1' }),
      token({ a: 1 }),
      token({ a: true }),
      token({ a: 'true' }),
      token({ b: 1 }),
      token({ a: opaque('1') }),
      token({ a: opaque('2', 'same payload') }),
      token({}),
    ].map(tokenKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(tokenKey(token({ a: opaque('k', 'p1') }))).toBe(tokenKey(token({ a: opaque('k', 'p2') })));
  });

  it('reports tokens, counts and totals, and freezes what it returns', () => {
    const m = markingOf(net, {
      a: [{ token: { who: 'y', n: 1 } }, { token: { who: 'x', n: 2 }, count: 2 }],
      b: 1,
    });
    // Sorted by token key, whose fields are in name order: n first.
    expect(tokensIn(m, placeId('a')).map((tc) => [tc.token, tc.count])).toEqual([
      [{ who: 'y', n: 1 }, 1],
      [{ who: 'x', n: 2 }, 2],
    ]);
    expect(countIn(m, placeId('a'))).toBe(3);
    expect(totalTokens(m)).toBe(4);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(tokensIn(m, placeId('a'))[0]!.token)).toBe(true);
    // The coloured place's key ends in '|'; the UNIT place's is one character coded by its count.
    expect(markingKey(net, initialMarking(net))).toBe('|\u0002');
    expect(() => countIn(m, placeId('zz'))).toThrow("marking has no place 'zz'");
    expect(() => markingOf(net, { zz: 1 })).toThrow("net 'm' has no place 'zz'");
    expect(() => markingOf(net, { a: [{ token: { who: 'x', n: 9 } }] })).toThrow(
      'integer 9 is outside int[0..3]',
    );
  });

  it('a marking of one net is refused by another with different places', () => {
    const other = defineNet({ name: 'o', places: [{ id: 'z', colour: C }], transitions: [] });
    expect(() => markingKey(other, initialMarking(net))).toThrow("marking does not belong to net 'o'");
  });

  it('opaque payloads ride along untouched', () => {
    const K = colourSet('K', { k: opaqueType('key') });
    const kn = defineNet({ name: 'k', places: [{ id: 'p', colour: K }], transitions: [] });
    const payload = new Uint8Array([1, 2, 3]);
    const m = markingOf(kn, { p: [{ token: { k: opaque('sk(alice)', payload) } }] });
    const v = tokensIn(m, placeId('p'))[0]!.token.k;
    expect(typeof v === 'object' && v.value).toBe(payload);
  });
});
