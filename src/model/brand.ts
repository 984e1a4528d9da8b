/**
 * Branded identifiers. A place id and a transition id are both strings at run time; the brand
 * keeps one from being passed where the other is meant, at no run-time cost.
 */

/** `T` tagged with a compile-time-only brand `B`. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** Identifies a place within one net. */
export type PlaceId = Brand<string, 'PlaceId'>;
/** Identifies a transition within one net. */
export type TransitionId = Brand<string, 'TransitionId'>;
/** Names a variable bound by an input arc and used in guards and arc expressions. */
export type VarName = Brand<string, 'VarName'>;

function nonEmpty(what: string, s: string): string {
  if (typeof s !== 'string' || s.length === 0) {
    throw new TypeError(`${what} must be a non-empty string, got ${JSON.stringify(s)}`);
  }
  return s;
}

/** Brands `s` as a place id; rejects the empty string, which no net element may use. */
export const placeId = (s: string): PlaceId => nonEmpty('place id', s) as PlaceId;
/** Brands `s` as a transition id; rejects the empty string. */
export const transitionId = (s: string): TransitionId => nonEmpty('transition id', s) as TransitionId;
/** Brands `s` as a variable name; rejects the empty string. */
export const varName = (s: string): VarName => nonEmpty('variable name', s) as VarName;
