/**
 * The verification table lists every property of SPEC section 5 whatever the verifier reported,
 * and judges each verdict against the SPEC's expectation (for the variant the instance names).
 */
import { describe, expect, it } from 'vitest';
import type { Counterexample } from '../../../src/sim/report/counterexample.ts';
import { propertyRows } from '../../../src/sim/report/property-rows.ts';
import { SPEC_PROPERTIES } from '../../../src/sim/report/spec-properties.ts';
import {
  type PropertyResult,
  parseVerifyOutput,
  type VerifyOutput,
} from '../../../src/sim/report/verify-result.ts';
import { fixtureText } from './fixtures.ts';

const ALL_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11', 'P12', 'P13'];

const fixture = (): VerifyOutput => {
  const parsed = parseVerifyOutput(fixtureText('verify.json'));
  if (parsed.kind === 'invalid') throw new Error(parsed.problem);
  return parsed.value;
};

const result = (id: string, verdict: string, extra: Partial<PropertyResult> = {}): PropertyResult => ({
  id,
  verdict,
  engine: 'chc',
  seconds: 1,
  mutants: [],
  ...extra,
});

describe('propertyRows', () => {
  it('lists P1 to P13 in order, P2 as tested, the rest as expected for the fixture', () => {
    const rows = propertyRows(fixture(), new Map());
    expect(rows.map((r) => r.id)).toEqual(ALL_IDS);
    expect(rows.map((r) => r.status)).toEqual([
      'as-expected',
      'tested',
      ...Array.from({ length: 11 }, () => 'as-expected'),
    ]);
    expect(SPEC_PROPERTIES.map((p) => p.id)).toEqual(ALL_IDS);
  });

  it('lists every property as not run when the verifier did not run, P2 still as tested', () => {
    const rows = propertyRows(undefined, new Map());
    expect(rows.map((r) => [r.id, r.status])).toEqual(
      ALL_IDS.map((id) => [id, id === 'P2' ? 'tested' : 'not-run']),
    );
  });

  it('marks a proof of P6 (expected violated) and an unknown P1 as not as expected', () => {
    const rows = propertyRows(
      { instance: {}, results: [result('P1', 'unknown'), result('P6', 'proved')] },
      new Map(),
    );
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect([status.P1, status.P6, status.P3]).toEqual(['unexpected', 'unexpected', 'not-run']);
  });

  it('expects P12 violated under the otp-leak variant and P7 violated under revocation-keeps-acl', () => {
    const leak = propertyRows(
      { instance: { variant: 'otp-leak' }, results: [result('P12', 'violated')] },
      new Map(),
    );
    expect(leak.find((r) => r.id === 'P12')).toMatchObject({ expected: 'violated', status: 'as-expected' });
    const acl = propertyRows({ instance: { variant: 'revocation-keeps-acl' }, results: [] }, new Map());
    expect(acl.find((r) => r.id === 'P7')!.expected).toBe('violated');
  });

  it('prefers the expectation the verifier states', () => {
    const rows = propertyRows(
      { instance: {}, results: [result('P5', 'violated', { expected: 'violated' })] },
      new Map(),
    );
    expect(rows.find((r) => r.id === 'P5')).toMatchObject({ expected: 'violated', status: 'as-expected' });
  });

  it('flags a proof whose mutants are all still proved as possibly vacuous, not one without mutants', () => {
    const rows = propertyRows(
      {
        instance: {},
        results: [
          result('P1', 'proved', { mutants: [{ name: 'm', verdict: 'proved' }] }),
          result('P3', 'proved', {
            mutants: [
              { name: 'm', verdict: 'proved' },
              { name: 'n', verdict: 'violated' },
            ],
          }),
          result('P4', 'proved'),
        ],
      },
      new Map(),
    );
    expect(rows.filter((r) => r.vacuous).map((r) => r.id)).toEqual(['P1']);
  });

  it('adds results for ids the SPEC does not list at the end, and attaches counterexamples by id', () => {
    const counterexample: Counterexample = { kind: 'inline', yaml: 'name: x\n' };
    const rows = propertyRows(
      { instance: {}, results: [result('P6', 'violated'), result('P14', 'proved', { expected: 'proved' })] },
      new Map([['P6', counterexample]]),
    );
    expect(rows.at(-1)).toMatchObject({ id: 'P14', statement: '', status: 'as-expected' });
    expect(rows.find((r) => r.id === 'P6')!.counterexample).toBe(counterexample);
  });
});
