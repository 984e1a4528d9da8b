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

/**
 * A token's two identities, computed once when the token is built:
 * - `key`: canonical among all tokens (field names and values), see {@link tokenKey};
 * - `code`: the values alone, in field-name order: canonical among tokens of one colour, which is
 *   all a place ever holds. Markings use the shorter code, so marking keys stay short.
 */
interface Identity {
  readonly key: string;
  readonly code: string;
}

/** Where a token built by {@link token} keeps its identity: a hidden, non-enumerable property. */
const IDENTITY: unique symbol = Symbol('tokenIdentity');

type Sealed = Token & { readonly [IDENTITY]?: Identity };

/**
 * Builds a frozen token from its fields (field order is kept for display only). The token carries
 * its canonical key, so markings never recompute it.
 */
export function token(fields: Readonly<Record<string, Value>>): Token {
  if ((fields as Sealed)[IDENTITY] !== undefined) return fields;
  return sealToken({ ...fields });
}

/** Freezes a freshly built, unshared field record into a token (engine internal: no copy). */
export function sealToken(fresh: Record<string, Value>): Token {
  Object.defineProperty(fresh, IDENTITY, { value: computeIdentity(fresh) });
  return Object.freeze(fresh);
}

/** The only token of the UNIT colour: a plain place/transition-net token (a black dot). */
export const UNIT_TOKEN: Token = token({});

/**
 * Encodes one value so that different values never share an encoding: strings are JSON-quoted,
 * opaque keys are JSON-quoted behind `#`, numbers and booleans are bare. Each encoding is
 * self-delimiting, so comma-separated sequences of them decode uniquely.
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

const identityCache = new WeakMap<Token, Identity>();

function identity(t: Token): Identity {
  const own = (t as Sealed)[IDENTITY];
  if (own !== undefined) return own;
  let cached = identityCache.get(t);
  if (cached === undefined) {
    cached = computeIdentity(t);
    identityCache.set(t, cached);
  }
  return cached;
}

/**
 * The canonical identity of a token: equal keys iff the tokens have the same fields with equal
 * values, whatever the field order. Tokens built by {@link token} carry their key; others have it
 * cached per object, safe because tokens are frozen.
 */
export function tokenKey(t: Token): string {
  return identity(t).key;
}

/**
 * The token's values in field-name order (e.g. `3,"alice"`): equal codes iff equal tokens, among
 * tokens with the same field names. The unit token's code is empty.
 */
export function tokenCode(t: Token): string {
  return identity(t).code;
}

function computeIdentity(t: Token): Identity {
  const names = Object.keys(t).sort();
  let key = '{';
  let code = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = valueKey(t[name]!);
    if (i > 0) {
      key += ',';
      code += ',';
    }
    key += `${JSON.stringify(name)}:${value}`;
    code += value;
  }
  return { key: `${key}}`, code };
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
