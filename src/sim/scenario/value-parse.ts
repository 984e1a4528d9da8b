/**
 * The result of reading one value (a size, a duration, a time) out of scenario text. A reason
 * rather than a thrown error, so the loader can attach it to a line and column.
 */
export type ValueParse =
  | { readonly kind: 'ok'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: string };

/** A successfully read value. */
export const parsedValue = (value: number): ValueParse => ({ kind: 'ok', value });
/** A value that could not be read, and why. */
export const invalidValue = (reason: string): ValueParse => ({ kind: 'invalid', reason });
