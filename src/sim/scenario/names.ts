/**
 * Names chosen by the scenario author for principals, files and partitions. They are branded so a
 * file name cannot be passed where a principal is meant, and restricted to a plain pattern so
 * every name prints unquoted in messages and traces and can never collide with an object's
 * built-in keys.
 */

/** A principal's name, declared under `principals`. */
export type PrincipalName = string & { readonly __brand: 'PrincipalName' };
/** A file's name, chosen by its `upload` step. */
export type FileName = string & { readonly __brand: 'FileName' };
/** A partition label of one owner's PHR (`personal`, `medical`, …). */
export type PartitionLabel = string & { readonly __brand: 'PartitionLabel' };

/** What every name looks like: a letter, then letters, digits, `_`, `.` or `-`. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** The pattern in words, for descriptions and error messages. */
export const NAME_RULE = 'a letter, then letters, digits, _, . or -';
