/**
 * Reading a compiled net's state in property formulas: the record of a place with a given key
 * (by cases, when the key depends on the state or on a firing), and the tokens of a set place with
 * the variable saying each is present. Properties are written against these, so they name places
 * and fields as the net does.
 */
import type { Token } from '../model/index.ts';
import { type Cases, eqCases, literalCases } from './case-term.ts';
import { constant, type Formula, type Term, variable } from './expr.ts';
import { fAnd } from './ir-fold.ts';
import { fieldTerm, type PlaceLayout } from './net-places.ts';
import { NetCompileError, plainValue } from './net-universe.ts';

/** `field` of the record of `place` whose key fields equal `key` (each given by cases), by cases. */
export function recordCases(
  layout: PlaceLayout,
  place: string,
  key: Readonly<Record<string, Cases>>,
  field: string,
): Cases {
  const enc = layout.places.get(place);
  if (enc === undefined) throw new NetCompileError(`place '${place}'`, 'is not in the net');
  const rows: { cond: Formula; term: Term }[] = [];
  const keyMatch = (t: Token) =>
    fAnd(...Object.entries(key).map(([f, cases]) => eqCases(cases, literalCases(plainValue(t[f]!)))));
  if (enc.kind === 'record') {
    for (const s of enc.slots) {
      const f = s.fields.get(field);
      rows.push({
        cond: keyMatch(s.key),
        term: f === undefined ? constant(plainValue(s.key[field]!)) : fieldTerm(f),
      });
    }
  } else if (enc.kind === 'static') {
    for (const t of enc.tokens) rows.push({ cond: keyMatch(t), term: constant(plainValue(t[field]!)) });
  } else {
    throw new NetCompileError(`place '${place}'`, 'is a set place: read its tokens with tokensOf');
  }
  const live = rows.filter((r) => !(r.cond.kind === 'const' && r.cond.value !== true));
  if (live.length === 0) {
    throw new NetCompileError(
      `place '${place}'`,
      `has no record with the key ${Object.keys(key).join(', ')}`,
    );
  }
  return live;
}

/** The tokens of a set or static place's universe, each with the formula saying it is present. */
export function tokensOf(
  layout: PlaceLayout,
  place: string,
): readonly { readonly token: Token; readonly present: Formula }[] {
  const enc = layout.places.get(place);
  if (enc === undefined) throw new NetCompileError(`place '${place}'`, 'is not in the net');
  switch (enc.kind) {
    case 'set':
      return enc.tokens.map((token, i) => ({ token, present: variable(enc.vars[i]!) }));
    case 'static':
      return enc.tokens.map((token) => ({ token, present: constant(true) }));
    case 'record':
      throw new NetCompileError(`place '${place}'`, 'is a record place: read it with recordCases');
    default: {
      const bad: never = enc;
      return bad;
    }
  }
}
