import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTANCE_OPTIONS } from '../../src/verify/sesphr-instance.ts';
import { SESPHR_PROPERTIES } from '../../src/verify/sesphr-properties.ts';
import { verifySesphr } from '../../src/verify/sesphr-verification.ts';
import { verificationJson, verificationTable } from '../../src/verify/verify-report.ts';

describe('a verification out of time says unknown, never proved', () => {
  it('every property unknown with a 1 ms budget, the report failing, and the table saying not a proof', async () => {
    const report = await verifySesphr({
      instance: DEFAULT_INSTANCE_OPTIONS,
      properties: SESPHR_PROPERTIES.map((p) => p.id),
      engine: 'auto',
      depth: 20,
      timeoutMs: 1,
      mutants: true,
    });
    expect(report.results.map((r) => r.verdict.kind)).toEqual(SESPHR_PROPERTIES.map(() => 'unknown'));
    expect(report.results.every((r) => r.mutants.length === 0 && !r.vacuous && !r.matches)).toBe(true);
    expect(report.passed).toBe(false);
    const table = verificationTable(report, new Map());
    expect(table).toContain('P7: timeout: no violation up to depth 0');
    expect(table).toContain('(not a proof)');
    expect(table).not.toMatch(/^P\d+ +proved/m);
    const json = verificationJson(report, DEFAULT_INSTANCE_OPTIONS, new Map());
    const first = (json.results as Record<string, unknown>[])[0];
    expect(first).toMatchObject({ id: 'P1', verdict: 'unknown', reason: 'timeout', matches: false });
  });

  it('Spacer on P7 within 2 s: unknown (it needs far longer), not proved', async () => {
    const report = await verifySesphr({
      instance: DEFAULT_INSTANCE_OPTIONS,
      properties: ['P7'],
      engine: 'chc',
      depth: 20,
      timeoutMs: 2000,
      mutants: false,
    });
    expect(report.results[0]?.verdict).toMatchObject({ kind: 'unknown', engine: 'chc' });
  });
});
