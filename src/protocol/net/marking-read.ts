/**
 * Reading the SeSPHR net's state off a marking: the one record token of a principal, a file, a
 * partition's current version, and the knowledge tokens of an actor. For the planner, the
 * knowledge view and the property predicates; the net itself never needs them.
 * @module
 */
import { type Marking, type PlaceId, type Token, tokensIn, type Value } from '../../model/index.ts';
import { knowledgePlace, PLACES } from './places.ts';

/** Every token of `place` whose fields equal `where`. */
export function tokensWhere(
  marking: Marking,
  place: string,
  where: Readonly<Record<string, Value>> = {},
): readonly Token[] {
  const keys = Object.keys(where);
  return tokensIn(marking, place as PlaceId)
    .map((e) => e.token)
    .filter((t) => keys.every((k) => t[k] === where[k]));
}

/** The one token of a record place with these key fields, if the instance has it. */
export function recordOf(
  marking: Marking,
  place: string,
  where: Readonly<Record<string, Value>>,
): Token | undefined {
  return tokensWhere(marking, place, where)[0];
}

/** The knowledge tokens of `actor`, optionally only those whose fields equal `where`. */
export function knowledgeTokens(
  marking: Marking,
  actor: string,
  where: Readonly<Record<string, Value>> = {},
): readonly Token[] {
  return tokensWhere(marking, knowledgePlace(actor), where);
}

/** The File record of `file`. */
export function fileRecord(marking: Marking, file: string): Token | undefined {
  return recordOf(marking, PLACES.file, { file });
}

/** The current version of a partition at the cloud (0: none). */
export function currentVersion(marking: Marking, file: string, partition: string): number {
  const t = recordOf(marking, PLACES.current, { file, partition });
  return typeof t?.current === 'number' ? t.current : 0;
}

/** The clock token's fields. */
export function clockOf(marking: Marking): { readonly now: number; readonly era: number } {
  const t = tokensWhere(marking, PLACES.clock)[0];
  return { now: Number(t?.now ?? 0), era: Number(t?.era ?? 0) };
}
