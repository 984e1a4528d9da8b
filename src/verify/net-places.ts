/**
 * How each place of a net becomes state variables of the transition system:
 * - a static place (no transition takes from it or puts into it) becomes constants: its tokens;
 * - a record place (one token per key, every firing that takes one puts back one with the same
 *   key) becomes one variable per key and field, or a constant where the token universe shows a
 *   single possible value;
 * - every other place is a set: one boolean per token of its universe, "the token is there". The
 *   net must be one-safe for these places (no token twice), as the SeSPHR net is by construction.
 * Opaque fields are dropped everywhere (see net-universe.ts).
 */
import {
  type FieldType,
  type Marking,
  type Value as ModelValue,
  type Net,
  type Place,
  type Token,
  tokenKey,
  tokensIn,
  token as toToken,
} from '../model/index.ts';
import { constant, eq, type Formula, type Term, variable } from './expr.ts';
import { fAnd, fNot } from './ir-fold.ts';
import { NetCompileError, plainValue, stripToken, type TokenUniverse } from './net-universe.ts';
import { boolSort, enumSort, intSort, type Sort, type Value } from './sort.ts';
import type { State } from './trace.ts';
import type { Variable } from './transition-system.ts';

/** A field of a record: a constant, or a state variable of the given sort. */
export type RecordField =
  | { readonly kind: 'const'; readonly value: Value }
  | { readonly kind: 'var'; readonly name: string; readonly sort: Sort };

/** One record (one key) of a record place. */
export interface RecordSlot {
  /** The key fields' values. */
  readonly key: Token;
  /** Every non-key, non-opaque field. */
  readonly fields: ReadonlyMap<string, RecordField>;
}

/** The encoding of one place. */
export type PlaceEncoding =
  | { readonly kind: 'static'; readonly place: Place; readonly tokens: readonly Token[] }
  | {
      readonly kind: 'set';
      readonly place: Place;
      readonly tokens: readonly Token[];
      /** The presence variable of `tokens[i]`. */
      readonly vars: readonly string[];
      /** The index of each token by its key. */
      readonly index: ReadonlyMap<string, number>;
    }
  | {
      readonly kind: 'record';
      readonly place: Place;
      readonly keyFields: readonly string[];
      readonly slots: readonly RecordSlot[];
    };

/** The places' encodings with the state variables and the initial-state formula they make. */
export interface PlaceLayout {
  readonly places: ReadonlyMap<string, PlaceEncoding>;
  readonly vars: readonly Variable[];
  readonly init: Formula;
  /** The one state `init` admits. */
  readonly initialState: State;
}

/** Characters the IR allows in names; anything else in a value becomes `_`. */
const sanitize = (s: string): string => s.replace(/[^A-Za-z0-9_.:-]/g, '_');

const show = (v: ModelValue): string => sanitize(typeof v === 'object' ? v.key : String(v));

/** The field names of `t` whose values differ somewhere in `tokens` (what tells them apart). */
function varyingFields(tokens: readonly Token[]): readonly string[] {
  const first = tokens[0];
  if (first === undefined) return [];
  return Object.keys(first).filter((f) => tokens.some((t) => t[f] !== first[f]));
}

/** The sort of a record field from the values it may take. */
function sortOf(type: FieldType, values: readonly ModelValue[], element: string): Sort {
  switch (type.kind) {
    case 'bool':
      return boolSort;
    case 'enum':
      return enumSort(...type.values);
    case 'int': {
      const ns = values as readonly number[];
      return intSort(Math.min(...ns), Math.max(...ns));
    }
    case 'id':
    case 'opaque':
      throw new NetCompileError(element, `fields of type ${type.kind} cannot be state (use an enum)`);
    default: {
      const bad: never = type;
      return bad;
    }
  }
}

/** The places that no transition consumes from or produces into. */
function staticPlaces(net: Net): ReadonlySet<string> {
  const touched = new Set<string>();
  for (const t of net.transitions) {
    for (const a of t.inputs) if (a.kind === 'consume') touched.add(a.place);
    for (const o of t.outputs) touched.add(o.place);
  }
  return new Set(net.places.map((p) => p.id as string).filter((id) => !touched.has(id)));
}

function keyOf(t: Token, keyFields: readonly string[]): Token {
  return toToken(Object.fromEntries(keyFields.map((f) => [f, t[f]!])));
}

/**
 * Lays out the places of `net` (see the module comment). `records` names the record places and
 * their key fields; `initial` is the start marking.
 */
export function layoutPlaces(
  net: Net,
  universe: TokenUniverse,
  initial: Marking,
  records: Readonly<Record<string, readonly string[]>>,
): PlaceLayout {
  const statics = staticPlaces(net);
  const places = new Map<string, PlaceEncoding>();
  const vars: Variable[] = [];
  const init: Formula[] = [];
  const initialState: Record<string, Value> = {};
  const declare = (name: string, sort: Sort, start: Value): void => {
    vars.push({ name, sort });
    initialState[name] = start;
    init.push(
      sort.kind === 'bool'
        ? start === true
          ? variable(name)
          : fNot(variable(name))
        : eq(variable(name), constant(start)),
    );
  };
  for (const place of net.places) {
    const id = place.id as string;
    const start = tokensIn(initial, place.id).map((e) => {
      if (e.count !== 1) {
        throw new NetCompileError(`place '${id}'`, `holds ${e.count} copies of a token at the start`);
      }
      return stripToken(e.token, place.colour);
    });
    const tokens = universe.get(id) ?? [];
    const keyFields = records[id];
    if (statics.has(id)) {
      if (keyFields !== undefined) {
        throw new NetCompileError(`place '${id}'`, 'is named a record place but no transition changes it');
      }
      places.set(id, { kind: 'static', place, tokens: start });
    } else if (keyFields === undefined) {
      const label = varyingFields(tokens);
      const names = new Set<string>();
      const setVars = tokens.map((t) => {
        const name = `${sanitize(id)}[${label.map((f) => show(t[f]!)).join(':')}]`;
        if (names.has(name)) {
          throw new NetCompileError(`place '${id}'`, `two tokens would share the variable name ${name}`);
        }
        names.add(name);
        return name;
      });
      const present = new Set(start.map(tokenKey));
      tokens.forEach((t, i) => {
        declare(setVars[i]!, boolSort, present.has(tokenKey(t)));
      });
      places.set(id, {
        kind: 'set',
        place,
        tokens,
        vars: setVars,
        index: new Map(tokens.map((t, i) => [tokenKey(t), i])),
      });
    } else {
      const element = `record place '${id}'`;
      for (const f of keyFields) {
        if (!place.colour.fields.some((c) => c.name === f)) {
          throw new NetCompileError(element, `has no key field '${f}'`);
        }
      }
      const byKey = new Map<string, { key: Token; start: Token; seen: Token[] }>();
      for (const t of start) {
        const key = keyOf(t, keyFields);
        if (byKey.has(tokenKey(key))) {
          throw new NetCompileError(element, `holds two tokens with the key ${tokenKey(key)} at the start`);
        }
        byKey.set(tokenKey(key), { key, start: t, seen: [] });
      }
      for (const t of tokens) {
        const slot = byKey.get(tokenKey(keyOf(t, keyFields)));
        if (slot === undefined) {
          throw new NetCompileError(element, `may hold ${tokenKey(t)}, whose key no start token has`);
        }
        slot.seen.push(t);
      }
      const slots = [...byKey.values()].map(({ key, start: first, seen }): RecordSlot => {
        const label =
          keyFields.length === 0
            ? sanitize(id)
            : `${sanitize(id)}[${keyFields.map((f) => show(key[f]!)).join(':')}]`;
        const fields = new Map<string, RecordField>();
        for (const f of place.colour.fields) {
          if (keyFields.includes(f.name) || f.type.kind === 'opaque') continue;
          const values = [...new Set(seen.map((t) => t[f.name]!))];
          if (values.length <= 1) {
            fields.set(f.name, { kind: 'const', value: plainValue(first[f.name]!) });
            continue;
          }
          const name = `${label}.${f.name}`;
          const sort = sortOf(f.type, values, `${element} field '${f.name}'`);
          declare(name, sort, plainValue(first[f.name]!));
          fields.set(f.name, { kind: 'var', name, sort });
        }
        return { key, fields };
      });
      places.set(id, { kind: 'record', place, keyFields, slots });
    }
  }
  return { places, vars, init: fAnd(...init), initialState: Object.freeze(initialState) };
}

/** The term of a record field: its constant or its variable. */
export function fieldTerm(field: RecordField): Term {
  return field.kind === 'const' ? constant(field.value) : variable(field.name);
}

/** The whole (stripped) token of a record slot in `state`. */
export function slotToken(slot: RecordSlot, state: State): Token {
  const out: Record<string, ModelValue> = { ...slot.key };
  for (const [name, f] of slot.fields) out[name] = f.kind === 'const' ? f.value : state[f.name]!;
  return toToken(out);
}

/**
 * The state that a marking of the net is: presence of each set place's tokens, each record's
 * fields (payloads dropped): what lets a test compare the compiled system with the net state by
 * state.
 */
export function stateOfMarking(layout: PlaceLayout, marking: Marking): State {
  const out: Record<string, Value> = {};
  for (const [id, enc] of layout.places) {
    if (enc.kind === 'static') continue;
    const held = tokensIn(marking, enc.place.id).map((e) => stripToken(e.token, enc.place.colour));
    if (enc.kind === 'set') {
      const keys = new Set(held.map(tokenKey));
      enc.tokens.forEach((t, i) => {
        out[enc.vars[i]!] = keys.has(tokenKey(t));
      });
      continue;
    }
    for (const slot of enc.slots) {
      const t = held.find((h) => enc.keyFields.every((f) => h[f] === slot.key[f]));
      if (t === undefined)
        throw new NetCompileError(`record place '${id}'`, `has no token with key ${tokenKey(slot.key)}`);
      for (const [name, f] of slot.fields) if (f.kind === 'var') out[f.name] = plainValue(t[name]!);
    }
  }
  return Object.freeze(out);
}
