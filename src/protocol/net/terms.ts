/**
 * The crypto values tokens carry, as named functions of the token's finite fields. The net only
 * names them (`app` nodes); a {@link FunctionTable} decides what they are. In abstract runs
 * ({@link abstractFunctions}) each is its own term, e.g. `R_U(alice,f1,medical,1,bob)`, so two
 * tokens carry the same value exactly when they denote the same object. A concrete runner supplies
 * a table whose functions return what the protocol call of the firing produced.
 *
 * Every argument is an id, a level, a version or a clock index, never another payload: a value is
 * a function of the object it belongs to, which is what lets the verifier drop payloads.
 * @module
 */
import {
  type AppExpr,
  app,
  type Expr,
  type FunctionTable,
  opaque,
  showValue,
  type Value,
} from '../../model/index.ts';
import type { NetVocabulary } from './colours.ts';

/**
 * The functions, each with its arguments:
 * - `sk(subject)`: a principal's secret key x (rule 23);
 * - `otpSecret(owner)`: the owner's OTP device secret;
 * - `r(owner, file, gen, level, version, part)`: the r drawn for an access level (rule 25); `part`
 *   is the partition of an update, `-` for an upload (whose partitions of one level share r);
 * - `R_P(owner, file, gen, level, version, part)`: g1^{r x_P} (rule 27);
 * - `R_U(owner, file, gen, partition, version, user)`: the re-encrypted parameter (rule 31);
 * - `ct(owner, file, gen, partition, version)`: the sealed partition (rule 26);
 * - `tampered(owner, file, gen, partition, version)`: the same after the insider flipped a bit;
 * - `plain(owner, file, gen, partition, version)`: the partition in the clear;
 * - `totp(owner, time)`: the owner's one-time code at a clock index.
 * `gen` is the file id's generation (a deleted file uploaded again is new data under the old id).
 */
export const TERM_FUNCTIONS = Object.freeze([
  'sk',
  'otpSecret',
  'r',
  'R_P',
  'R_U',
  'ct',
  'tampered',
  'plain',
  'totp',
] as const);
/** One of {@link TERM_FUNCTIONS}. */
export type TermFunction = (typeof TERM_FUNCTIONS)[number];

/** `fn(args…)` as an opaque payload of the net's `term` type. */
export function term(vocabulary: NetVocabulary, fn: TermFunction, args: readonly Expr[]): AppExpr {
  return app(fn, args, vocabulary.payload);
}

/** The symbolic value of `fn(args…)`: its key is the term's text. */
export function symbolic(fn: TermFunction, args: readonly Value[]): Value {
  return opaque(`${fn}(${args.map(showValue).join(',')})`);
}

/** The abstract function table: every function builds its symbolic term. */
export const abstractFunctions: FunctionTable = Object.freeze(
  Object.fromEntries(TERM_FUNCTIONS.map((fn) => [fn, (args: readonly Value[]) => symbolic(fn, args)])),
);
