/**
 * Tokens: the coloured values that sit in places. A token is a frozen record of field values, so a
 * marking can share tokens freely between states without copying.
 */

/**
 * A value whose identity is its `key`: a symbolic term in abstract runs, a digest in concrete runs.
 * `value` carries the payload (bytes, a curve point) that concrete functions compute with; the
 * engine never looks inside it, it compares and hashes opaque values by `key` alone.
 */
export interface Opaque {
  readonly kind: 'opaque';
  readonly key: string;
  readonly value: unknown;
}

/** A field value. Numbers are integers: the expression language has no other numeric type. */
export type Value = string | number | boolean | Opaque;

/** A coloured token: field name to value. Always frozen; build it with {@link token}. */
export type Token = Readonly<Record<string, Value>>;

/** A token with a multiplicity, as in a place's initial marking or a firing's effects. */
export interface TokenCount {
  readonly token: Token;
  readonly count: number;
}

/** Builds a frozen opaque value. */
export function opaque(key: string, value: unknown = key): Opaque {
  return Object.freeze({ kind: 'opaque', key, value });
}

/** Whether `v` is an opaque value rather than a string, number or boolean. */
export function isOpaque(v: Value): v is Opaque {
  return typeof v === 'object';
}

/** Value equality as the engine sees it: opaque values are equal when their keys are. */
export function valueEquals(a: Value, b: Value): boolean {
  if (typeof a === 'object') return typeof b === 'object' && a.key === b.key;
  return a === b;
}

/** Where a token built by {@link token} keeps its key: a hidden, non-enumerable property. */
const KEY: unique symbol = Symbol('tokenKey');

/**
 * Builds a frozen token from its fields (field order is kept for display only). The token carries
 * its canonical key, so markings never recompute it.
 */
export function token(fields: Readonly<Record<string, Value>>): Token {
  if ((fields as { [KEY]?: string })[KEY] !== undefined) return fields;
  const t = { ...fields };
  Object.defineProperty(t, KEY, { value: computeKey(t) });
  return Object.freeze(t);
}

/** The only token of the UNIT colour: a plain place/transition-net token (a black dot). */
export const UNIT_TOKEN: Token = token({});

/**
 * Encodes one value so that different values never share an encoding: strings are JSON-quoted,
 * opaque keys are JSON-quoted behind `#`, numbers and booleans are bare.
 */
export function valueKey(v: Value): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
    case 'boolean':
      return String(v);
    default:
      return `#${JSON.stringify(v.key)}`;
  }
}

const keyCache = new WeakMap<Token, string>();

/**
 * The canonical identity of a token: equal keys iff the tokens have the same fields with equal
 * values, whatever the field order. Markings sort and hash tokens by it. Tokens built by
 * {@link token} carry their key; others have it cached per object, safe because tokens are frozen.
 */
export function tokenKey(t: Token): string {
  const own = (t as { [KEY]?: string })[KEY];
  if (own !== undefined) return own;
  const cached = keyCache.get(t);
  if (cached !== undefined) return cached;
  const key = computeKey(t);
  keyCache.set(t, key);
  return key;
}

function computeKey(t: Token): string {
  const names = Object.keys(t).sort();
  let key = '{';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (i > 0) key += ',';
    key += `${JSON.stringify(name)}:${valueKey(t[name]!)}`;
  }
  return `${key}}`;
}

/** Shows a value for people: strings bare, opaque values by key. */
export function showValue(v: Value): string {
  return typeof v === 'object' ? `⟨${v.key}⟩` : String(v);
}

/** Shows a token for people, e.g. `(user=alice, role=doctor)`; the unit token is `•`. */
export function showToken(t: Token): string {
  const names = Object.keys(t);
  if (names.length === 0) return '•';
  return `(${names.map((n) => `${n}=${showValue(t[n]!)}`).join(', ')})`;
}
