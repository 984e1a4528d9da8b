/**
 * The function table of the net's concrete mode: every payload a firing produces is the value the
 * protocol call behind that firing produced (a short digest from the executor's call record), so
 * the net's tokens carry the protocol's real keys, parameters, ciphertexts and plaintexts.
 *
 * Payloads that are knowledge facts are looked up by their fact key (`parameter(f1,medical,1,bob)`),
 * first in the firing's own call, then in any call of the step; `r`, `R_P` and the leaked one-time
 * code are looked up in the firing's call by name. The owner's OTP device secret never appears in a
 * call record (it stays between the owner's device and the cloud), so it keeps its symbolic name.
 * A value the protocol did not produce is recorded as missing: the conformance check reports it.
 */
import { type FunctionTable, opaque, type Value } from '../../model/index.ts';
import { symbolic, TERM_FUNCTIONS, type TermFunction } from '../../protocol/index.ts';
import type { ProtocolCall } from '../execute/index.ts';

/** A payload the net asked for and no protocol call produced. */
export interface MissingValue {
  /** The symbolic term, e.g. `R_U(alice,f1,0,medical,1,bob)`. */
  readonly term: string;
  /** Where it was looked for: a fact key or a value name. */
  readonly wanted: string;
}

/** Where a firing's payloads come from. */
export interface ValueSource {
  /** The protocol call the firing stands for, if it stands for one. */
  readonly call?: ProtocolCall;
  /** Every value of every call of the step, later calls winning. */
  readonly step: Readonly<Record<string, string>>;
}

const text = (args: readonly Value[], i: number) => String(args[i]);

const ref = (args: readonly Value[]) => `${text(args, 1)},${text(args, 3)},${text(args, 4)}`;

/**
 * Where each function's value is found: a fact key, a value name in the firing's call (`otp(` is
 * the prefix of the one code value, whatever its requester), or nowhere (it stays symbolic).
 */
type Wanted = { readonly fact: string } | { readonly name: string } | { readonly prefix: string };

function wantedOf(fn: TermFunction, args: readonly Value[]): Wanted | undefined {
  switch (fn) {
    case 'sk':
      return { fact: `secret-key(${text(args, 0)})` };
    case 'otpSecret':
      return undefined;
    case 'r':
    case 'R_P':
      return { name: fn };
    case 'R_U':
      return { fact: `parameter(${ref(args)},${text(args, 5)})` };
    case 'ct':
    case 'tampered':
      return { fact: `ciphertext(${ref(args)})` };
    case 'plain':
      return { fact: `plaintext(${ref(args)})` };
    case 'totp':
      return { prefix: 'otp(' };
    default: {
      const never: never = fn;
      throw new TypeError(`concreteFunctions: unknown function ${String(never)}`);
    }
  }
}

function find(source: ValueSource, wanted: Wanted): string | undefined {
  const values = source.call?.values ?? {};
  if ('fact' in wanted) return values[wanted.fact] ?? source.step[wanted.fact];
  if ('name' in wanted) return values[wanted.name];
  const key = Object.keys(values).find((k) => k.startsWith(wanted.prefix));
  return key === undefined ? undefined : values[key];
}

const describe = (wanted: Wanted) =>
  'fact' in wanted ? wanted.fact : 'name' in wanted ? wanted.name : `${wanted.prefix}…)`;

/** The concrete table for one firing; lookups that fail are appended to `misses`. */
export function concreteFunctions(source: ValueSource, misses: MissingValue[]): FunctionTable {
  const lookup = (fn: TermFunction) => (args: readonly Value[]) => {
    const wanted = wantedOf(fn, args);
    const term = symbolic(fn, args);
    if (wanted === undefined) return term;
    const found = find(source, wanted);
    if (found !== undefined) return opaque(found);
    const termText = typeof term === 'object' ? term.key : String(term);
    misses.push({ term: termText, wanted: describe(wanted) });
    return opaque(`missing:${termText}`);
  };
  return Object.freeze(Object.fromEntries(TERM_FUNCTIONS.map((fn) => [fn, lookup(fn)])));
}
