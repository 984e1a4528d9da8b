/**
 * Colour sets: the types of places. A colour set is a tuple of named, typed fields; every token in a
 * place of that colour has exactly those fields. Field types are deliberately few (ids, enums,
 * bounded integers, booleans, opaque payloads) so that each maps onto an SMT sort.
 */
import type { Value } from './token.ts';

/**
 * The type of one token field.
 * - `id`: a name drawn from an open domain (users, files); only equality is meaningful.
 * - `enum`: one of a fixed list of strings (roles, partitions).
 * - `int`: a safe integer, optionally bounded; bounds keep state spaces finite.
 * - `bool`: true or false.
 * - `opaque`: a payload compared by key (ciphertexts, keys); `name` says which kind.
 *
 * Each maps onto an SMT sort: `id` to one uninterpreted sort per domain, `enum` to an enumeration
 * datatype, `int` to Int with its bounds as constraints, `bool` to Bool, `opaque` to one
 * uninterpreted sort per name (so `app` results are terms of uninterpreted functions).
 */
export type FieldType =
  | { readonly kind: 'id'; readonly domain: string }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'int'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'opaque'; readonly name: string };

/** One named field of a colour set. */
export interface ColourField {
  readonly name: string;
  readonly type: FieldType;
}

/** A named tuple type for the tokens of a place. */
export interface ColourSet {
  readonly name: string;
  readonly fields: readonly ColourField[];
}

/** The colour with no fields: places of plain place/transition nets, holding indistinct tokens. */
export const UNIT: ColourSet = Object.freeze({ name: 'UNIT', fields: Object.freeze([]) });

/** Field type constructors (frozen values). */
export const idType = (domain: string): FieldType => Object.freeze({ kind: 'id', domain });
export const enumType = (values: readonly string[]): FieldType =>
  Object.freeze({ kind: 'enum', values: Object.freeze([...values]) });
export const intType = (min?: number, max?: number): FieldType =>
  Object.freeze({
    kind: 'int',
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
export const BOOL: FieldType = Object.freeze({ kind: 'bool' });
export const opaqueType = (name: string): FieldType => Object.freeze({ kind: 'opaque', name });

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What is wrong with a field type, or undefined when it is well formed. */
export function fieldTypeProblem(t: FieldType): string | undefined {
  switch (t.kind) {
    case 'id':
      return t.domain.length === 0 ? 'id type needs a non-empty domain' : undefined;
    case 'enum': {
      if (t.values.length === 0) return 'enum type needs at least one value';
      const seen = new Set<string>();
      for (const v of t.values) {
        if (typeof v !== 'string') return `enum value ${JSON.stringify(v)} is not a string`;
        if (seen.has(v)) return `enum value '${v}' is listed twice`;
        seen.add(v);
      }
      return undefined;
    }
    case 'int':
      if (t.min !== undefined && !Number.isSafeInteger(t.min)) return `int min ${t.min} is not an integer`;
      if (t.max !== undefined && !Number.isSafeInteger(t.max)) return `int max ${t.max} is not an integer`;
      if (t.min !== undefined && t.max !== undefined && t.min > t.max) {
        return `int range is empty (min ${t.min} > max ${t.max})`;
      }
      return undefined;
    case 'bool':
      return undefined;
    case 'opaque':
      return t.name.length === 0 ? 'opaque type needs a non-empty name' : undefined;
    default: {
      const never: never = t;
      return `unknown field type ${JSON.stringify(never)}`;
    }
  }
}

/** What is wrong with a colour set (field names, field types), or undefined when well formed. */
export function colourSetProblem(c: ColourSet): string | undefined {
  if (typeof c.name !== 'string' || c.name.length === 0) return 'colour set needs a non-empty name';
  const seen = new Set<string>();
  for (const f of c.fields) {
    if (!IDENTIFIER.test(f.name)) return `field name '${f.name}' is not an identifier`;
    if (seen.has(f.name)) return `field '${f.name}' is declared twice`;
    seen.add(f.name);
    const problem = fieldTypeProblem(f.type);
    if (problem !== undefined) return `field '${f.name}': ${problem}`;
  }
  return undefined;
}

/**
 * Builds a frozen colour set from an ordered record of field types, e.g.
 * `colourSet('Request', { user: idType('user'), role: enumType(['doctor', 'nurse']) })`.
 * Throws a TypeError when a field name or type is malformed.
 */
export function colourSet(name: string, fields: Readonly<Record<string, FieldType>>): ColourSet {
  const c: ColourSet = Object.freeze({
    name,
    fields: Object.freeze(Object.entries(fields).map(([n, type]) => Object.freeze({ name: n, type }))),
  });
  const problem = colourSetProblem(c);
  if (problem !== undefined) throw new TypeError(`colour set '${name}': ${problem}`);
  return c;
}

/** Why `v` is not a value of type `t`, or undefined when it is. */
export function valueProblem(v: Value, t: FieldType): string | undefined {
  switch (t.kind) {
    case 'id':
      return typeof v === 'string' ? undefined : `expected an id of ${t.domain}, got ${describe(v)}`;
    case 'enum':
      return typeof v === 'string' && t.values.includes(v)
        ? undefined
        : `expected one of ${t.values.join(' | ')}, got ${describe(v)}`;
    case 'int':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `expected an integer, got ${describe(v)}`;
      if ((t.min !== undefined && v < t.min) || (t.max !== undefined && v > t.max)) {
        return `integer ${v} is outside ${showFieldType(t)}`;
      }
      return undefined;
    case 'bool':
      return typeof v === 'boolean' ? undefined : `expected a boolean, got ${describe(v)}`;
    case 'opaque':
      return typeof v === 'object' && v !== null && v.kind === 'opaque' && typeof v.key === 'string'
        ? undefined
        : `expected an opaque ${t.name}, got ${describe(v)}`;
    default: {
      const never: never = t;
      return `unknown field type ${JSON.stringify(never)}`;
    }
  }
}

/** Why `t` is not a token of colour `c` (missing, extra or ill-typed fields), or undefined. */
export function tokenProblem(t: Readonly<Record<string, Value>>, c: ColourSet): string | undefined {
  for (const f of c.fields) {
    const v = t[f.name];
    if (v === undefined) return `field '${f.name}' is missing`;
    const problem = valueProblem(v, f.type);
    if (problem !== undefined) return `field '${f.name}': ${problem}`;
  }
  const names = Object.keys(t);
  if (names.length !== c.fields.length) {
    const extra = names.filter((n) => !c.fields.some((f) => f.name === n));
    return `field${extra.length > 1 ? 's' : ''} ${extra.map((n) => `'${n}'`).join(', ')} not in colour ${c.name}`;
  }
  return undefined;
}

/**
 * Whether two field types hold the same kind of value, so that `=` and `≠` between them make sense.
 * Integer bounds are ignored (they restrict what a place may hold, not what can be compared);
 * enums must list the same values, in any order.
 */
export function comparable(a: FieldType, b: FieldType): boolean {
  switch (a.kind) {
    case 'id':
      return b.kind === 'id' && a.domain === b.domain;
    case 'enum':
      return (
        b.kind === 'enum' &&
        a.values.length === b.values.length &&
        a.values.every((v) => b.values.includes(v))
      );
    case 'int':
      return b.kind === 'int';
    case 'bool':
      return b.kind === 'bool';
    case 'opaque':
      return b.kind === 'opaque' && a.name === b.name;
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** Shows a field type, e.g. `id<user>`, `{doctor|nurse}`, `int[0..10]`, `opaque<ct>`. */
export function showFieldType(t: FieldType): string {
  switch (t.kind) {
    case 'id':
      return `id<${t.domain}>`;
    case 'enum':
      return `{${t.values.join('|')}}`;
    case 'int':
      return t.min === undefined && t.max === undefined ? 'int' : `int[${t.min ?? ''}..${t.max ?? ''}]`;
    case 'bool':
      return 'bool';
    case 'opaque':
      return `opaque<${t.name}>`;
    default: {
      const never: never = t;
      return String(never);
    }
  }
}

function describe(v: unknown): string {
  if (typeof v === 'object' && v !== null && 'key' in v) return `opaque ${JSON.stringify(v.key)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
