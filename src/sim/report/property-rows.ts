/**
 * The verification table: every property of SPEC section 5 in order, each joined with the
 * verifier's result when there is one, and judged against what the SPEC expects. A property the
 * verifier did not report stays in the table as `not-run`, so a reader never mistakes a missing
 * row for a pass; results for ids the SPEC does not list follow at the end.
 */
import type { Counterexample } from './counterexample.ts';
import { expectedVerdict, SPEC_PROPERTIES } from './spec-properties.ts';
import type { PropertyResult, VerifyOutput } from './verify-result.ts';

/**
 * `as-expected` / `unexpected`: the verifier's verdict against the SPEC's; `not-run`: no result;
 * `tested`: P2, shown by the test suite rather than the verifier.
 */
export type PropertyStatus = 'as-expected' | 'unexpected' | 'not-run' | 'tested';

/** One row of the verification table. */
export interface PropertyRow {
  readonly id: string;
  /** The SPEC's statement; empty for ids the SPEC does not list. */
  readonly statement: string;
  /** The verdict expected, or `unstated` for ids the SPEC does not list and the result does not say. */
  readonly expected: string;
  readonly note?: string;
  readonly status: PropertyStatus;
  readonly result?: PropertyResult;
  /**
   * True for a proof with mutants none of which the verifier found violated: the proof may hold
   * vacuously (SPEC section 5 asks every proof to have a mutant that breaks it).
   */
  readonly vacuous: boolean;
  readonly counterexample?: Counterexample;
}

const judged = (expected: string, result: PropertyResult): PropertyStatus =>
  result.verdict === expected ? 'as-expected' : 'unexpected';

const isVacuous = (result: PropertyResult): boolean =>
  result.verdict === 'proved' &&
  result.mutants.length > 0 &&
  !result.mutants.some((m) => m.verdict === 'violated');

/**
 * Builds the rows from the verifier's output (undefined when it did not run) and the
 * counterexamples the shell read, by property id.
 */
export function propertyRows(
  verify: VerifyOutput | undefined,
  counterexamples: ReadonlyMap<string, Counterexample>,
): readonly PropertyRow[] {
  const variant = typeof verify?.instance.variant === 'string' ? verify.instance.variant : undefined;
  const results = new Map((verify?.results ?? []).map((r) => [r.id, r]));
  const row = (
    base: Pick<PropertyRow, 'id' | 'statement' | 'expected'> & { note?: string | undefined },
    result: PropertyResult | undefined,
    status: PropertyStatus,
  ): PropertyRow => {
    const counterexample = counterexamples.get(base.id);
    return Object.freeze({
      id: base.id,
      statement: base.statement,
      expected: base.expected,
      ...(base.note === undefined ? {} : { note: base.note }),
      status,
      ...(result === undefined ? {} : { result }),
      vacuous: result !== undefined && isVacuous(result),
      ...(counterexample === undefined ? {} : { counterexample }),
    });
  };
  const listed = SPEC_PROPERTIES.map((p) => {
    const result = results.get(p.id);
    const expected = result?.expected ?? expectedVerdict(p, variant);
    const base = { id: p.id, statement: p.statement, expected, note: p.note };
    if (result !== undefined) return row(base, result, judged(expected, result));
    return row(base, undefined, expected === 'tested' ? 'tested' : 'not-run');
  });
  const known = new Set(SPEC_PROPERTIES.map((p) => p.id));
  const extra = (verify?.results ?? [])
    .filter((r) => !known.has(r.id))
    .map((r) => {
      const expected = r.expected ?? 'unstated';
      return row(
        { id: r.id, statement: '', expected },
        r,
        r.expected === undefined ? 'unexpected' : judged(expected, r),
      );
    });
  return Object.freeze([...listed, ...extra]);
}
