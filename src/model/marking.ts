/**
 * Markings: for every place, a multiset of tokens. A marking is immutable and shares unchanged
 * places with the marking it was fired from, so a firing costs only the places it touches.
 *
 * Each place's multiset (a {@link Bag}) keeps its distinct tokens sorted by {@link tokenCode} with
 * their counts, and carries its own canonical key; the marking's key is the places' keys in net
 * order. Equal markings therefore have equal keys, and binding enumeration sees tokens in a fixed
 * order, which is what makes seeded runs and exploration orders reproducible.
 *
 * Keys are built to be short, because the explorer hashes one per firing: a UNIT place's key is a
 * single character whose code is its token count; a coloured place's key lists its tokens' codes
 * (values without field names, sound since a place holds one colour) and ends in `|`. Which places
 * are UNIT is fixed by the net, so the concatenation decodes uniquely: keys are canonical per net.
 *
 * Markings and tokens are frozen; the bags' arrays and entries are readonly by type only, because
 * freezing them on every firing cost about a third of the explorer's speed.
 */
import type { Brand, PlaceId } from './brand.ts';
import { tokenProblem } from './colour.ts';
import { ModelError } from './errors.ts';
import type { Net, Place } from './net.ts';
import {
  token as freezeToken,
  showToken,
  type Token,
  type TokenCount,
  tokenCode,
  UNIT_TOKEN,
} from './token.ts';

/** One distinct token in a bag, with its multiplicity and its code (its identity within the place). */
export interface BagEntry extends TokenCount {
  readonly key: string;
}

/** The multiset of tokens in one place. */
export interface Bag {
  /** Distinct tokens, sorted by key, each with a positive count. */
  readonly entries: readonly BagEntry[];
  /** Sum of the counts. */
  readonly total: number;
  /** For a UNIT place's bag, its key's character code (the count); -1 otherwise. */
  readonly code: number;
  /**
   * Canonical encoding of the multiset: entries `code` (count 1) or `count*code`, `;`-separated;
   * for the unit token, whose code is empty, just the count.
   */
  readonly key: string;
}

/** Which places a marking covers, in net order; shared by all markings of one net. */
export interface PlaceLayout {
  readonly places: readonly PlaceId[];
  readonly index: ReadonlyMap<PlaceId, number>;
}

/** An immutable marking: one bag per place, in the order of the layout's places. */
export interface Marking {
  readonly layout: PlaceLayout;
  readonly bags: readonly Bag[];
}

/** The canonical key of a marking: equal keys iff equal markings (of the same net). */
export type MarkingKey = Brand<string, 'MarkingKey'>;

/** The empty multiset of a coloured place (UNIT places use {@link unitBag}(0)). */
const EMPTY_BAG: Bag = { entries: [], total: 0, code: -1, key: '|' };

const layouts = new WeakMap<Net, PlaceLayout>();

/** The (cached) place layout of a net. */
export function layoutOf(net: Net): PlaceLayout {
  let layout = layouts.get(net);
  if (layout === undefined) {
    const places = Object.freeze(net.places.map((p) => p.id));
    layout = Object.freeze({ places, index: new Map(places.map((id, i) => [id, i] as const)) });
    layouts.set(net, layout);
  }
  return layout;
}

function bagKey(entries: readonly BagEntry[]): string {
  let key = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (i > 0) key += ';';
    key += e.key === '' ? String(e.count) : e.count === 1 ? e.key : `${e.count}*${e.key}`;
  }
  return key;
}

function makeBag(entries: BagEntry[]): Bag {
  if (entries.length === 0) return EMPTY_BAG;
  let total = 0;
  for (const e of entries) total += e.count;
  return { entries, total, code: -1, key: `${bagKey(entries)}|` };
}

/** Index of the entry whose token has code `key` in a sorted bag, or `-(insertion point) - 1` when absent. */
export function findEntry(bag: Bag, key: string): number {
  const entries = bag.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = entries[mid]!.key;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

const unitBags: Bag[] = [];
const UNIT_BAG_CACHE = 4096;

/**
 * The bag of `n` unit tokens. Shared instances for small counts: place/transition nets then fire
 * without allocating bags at all. Its key is one character (code `n`), or for huge counts
 * `\uffff` + decimal + `;`, which no single character below 0xd800 can be mistaken for.
 */
function unitBag(n: number): Bag {
  const cached = unitBags[n];
  if (cached !== undefined) return cached;
  const small = n < 0xd800;
  const bag: Bag = {
    entries: n === 0 ? [] : [{ token: UNIT_TOKEN, key: '', count: n }],
    total: n,
    code: small ? n : -1,
    key: small ? String.fromCharCode(n) : `\uffff${n};`,
  };
  if (n < UNIT_BAG_CACHE) unitBags[n] = bag;
  return bag;
}

/** The bag with `count` more copies of `token` (whose code is `key`). */
export function bagAdd(bag: Bag, token: Token, key: string, count: number): Bag {
  if (key === '') return unitBag(bag.total + count);
  const at = findEntry(bag, key);
  const entries = bag.entries.slice();
  if (at >= 0) {
    const e = entries[at]!;
    entries[at] = { token: e.token, key, count: e.count + count };
  } else {
    entries.splice(-at - 1, 0, { token, key, count });
  }
  return makeBag(entries);
}

/** The bag with `count` fewer copies of the token with code `key`; the caller has checked availability. */
export function bagRemove(bag: Bag, key: string, count: number): Bag {
  if (key === '' && bag.total >= count) return unitBag(bag.total - count);
  const at = findEntry(bag, key);
  const e = at >= 0 ? bag.entries[at]! : undefined;
  if (e === undefined || e.count < count) {
    throw new ModelError(`cannot remove ${count} × ${key}: only ${e?.count ?? 0} present`);
  }
  const entries = bag.entries.slice();
  if (e.count === count) entries.splice(at, 1);
  else entries[at] = { token: e.token, key, count: e.count - count };
  return makeBag(entries);
}

/** Builds a marking from bags in layout order (engine internal; bags must be canonical). */
export function makeMarking(layout: PlaceLayout, bags: readonly Bag[]): Marking {
  return Object.freeze({ layout, bags });
}

function emptyBag(place: Place): Bag {
  return place.colour.fields.length === 0 ? unitBag(0) : EMPTY_BAG;
}

function bagOf(place: Place, tokens: readonly TokenCount[]): Bag {
  let bag = emptyBag(place);
  for (const { token, count } of tokens) {
    if (count > 0) bag = bagAdd(bag, token, tokenCode(token), count);
  }
  return bag;
}

/** The net's initial marking, from each place's `initial` tokens. */
export function initialMarking(net: Net): Marking {
  return makeMarking(
    layoutOf(net),
    net.places.map((p) => bagOf(p, p.initial)),
  );
}

/**
 * A marking given place by place (places left out are empty): a count of unit tokens, or a list of
 * tokens with optional counts. Checks each token against its place's colour. For tests, replays and
 * the verifier's counterexamples.
 */
export function markingOf(
  net: Net,
  contents: Readonly<Record<string, number | readonly { readonly token: Token; readonly count?: number }[]>>,
): Marking {
  const layout = layoutOf(net);
  for (const id of Object.keys(contents)) {
    if (!layout.index.has(id as PlaceId))
      throw new ModelError(`markingOf: net '${net.name}' has no place '${id}'`);
  }
  return makeMarking(
    layout,
    net.places.map((p) => {
      const given = Object.hasOwn(contents, p.id) ? contents[p.id] : undefined;
      if (given === undefined) return emptyBag(p);
      if (typeof given === 'number') {
        if (p.colour.fields.length > 0 || !Number.isSafeInteger(given) || given < 0) {
          throw new ModelError(`markingOf: place '${p.id}' cannot hold ${given} unit tokens`);
        }
        return bagOf(p, [{ token: UNIT_TOKEN, count: given }]);
      }
      return bagOf(
        p,
        given.map((tc) => {
          const problem = tokenProblem(tc.token, p.colour);
          if (problem !== undefined) throw new ModelError(`markingOf: place '${p.id}': ${problem}`);
          const count = tc.count ?? 1;
          if (!Number.isSafeInteger(count) || count < 0) {
            throw new ModelError(`markingOf: place '${p.id}': count ${count} is not a natural number`);
          }
          return { token: freezeToken(tc.token), count };
        }),
      );
    }),
  );
}

/** The canonical key of `m`, a marking of `net`: equal keys iff equal markings. */
export function markingKey(net: Net, m: Marking): MarkingKey {
  checkLayout(net, m);
  return keyOf(m);
}

/** {@link markingKey} without the layout check, for the explorer's inner loop. */
export function keyOf(m: Marking): MarkingKey {
  const bags = m.bags;
  let key = '';
  let n = 0;
  for (let i = 0; i < bags.length; i++) {
    const bag = bags[i]!;
    if (bag.code >= 0 && n < MAX_RUN) codes[n++] = bag.code;
    else {
      if (n > 0) key += fromCodes(n);
      n = 0;
      if (bag.code >= 0) codes[n++] = bag.code;
      else key += bag.key;
    }
  }
  if (n > 0) key += fromCodes(n);
  return key as MarkingKey;
}

/**
 * Runs of UNIT places become one string in one call: several times faster than concatenating
 * their one-character keys, and the result is flat, so hashing it needs no further copy.
 */
const codes: number[] = [];
const MAX_RUN = 8192;

function fromCodes(n: number): string {
  if (codes.length !== n) codes.length = n;
  return String.fromCharCode.apply(null, codes);
}

/** Throws unless `m` is a marking of `net` (same places in the same order). */
export function checkLayout(net: Net, m: Marking): void {
  const layout = layoutOf(net);
  if (m.layout === layout) return;
  const places = m.layout.places;
  if (places.length !== layout.places.length || places.some((p, i) => p !== layout.places[i])) {
    throw new ModelError(`marking does not belong to net '${net.name}' (its places differ)`);
  }
}

function bagAt(m: Marking, place: PlaceId): Bag {
  const i = m.layout.index.get(place);
  if (i === undefined) throw new ModelError(`marking has no place '${place}'`);
  return m.bags[i]!;
}

/** The distinct tokens in `place` with their counts, sorted by token key. */
export function tokensIn(m: Marking, place: PlaceId): readonly TokenCount[] {
  return bagAt(m, place).entries;
}

/** How many tokens `place` holds, counting multiplicities. */
export function countIn(m: Marking, place: PlaceId): number {
  return bagAt(m, place).total;
}

/** How many tokens the marking holds in all. */
export function totalTokens(m: Marking): number {
  let n = 0;
  for (const b of m.bags) n += b.total;
  return n;
}

/** Shows the non-empty places, e.g. `p: 2×•; q: (user=a)`. */
export function showMarking(m: Marking): string {
  const parts: string[] = [];
  m.bags.forEach((bag, i) => {
    if (bag.total === 0) return;
    const tokens = bag.entries.map((e) =>
      e.count === 1 ? showToken(e.token) : `${e.count}×${showToken(e.token)}`,
    );
    parts.push(`${m.layout.places[i]}: ${tokens.join(' + ')}`);
  });
  return parts.length === 0 ? '(empty)' : parts.join('; ');
}
