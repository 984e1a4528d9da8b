import { beforeAll, describe, expect, it } from 'vitest';
import type { Variant } from '../../src/protocol/variant.ts';
import { executeScenario } from '../../src/sim/execute/index.ts';
import { parseScenario, scenarioOrThrow, stringifyScenario } from '../../src/sim/scenario/index.ts';
import { DEFAULT_INSTANCE_OPTIONS } from '../../src/verify/sesphr-instance.ts';
import { SESPHR_PROPERTIES } from '../../src/verify/sesphr-properties.ts';
import { type VerificationReport, verifySesphr } from '../../src/verify/sesphr-verification.ts';

/** SPEC section 5 for the two insecure variants: the properties each flaw breaks, besides P6 and P8. */
const BROKEN: Readonly<Record<Exclude<Variant, 'secure'>, readonly string[]>> = {
  'otp-leak': ['P6', 'P8', 'P12'],
  'revocation-keeps-acl': ['P6', 'P7', 'P8'],
};

const reports = new Map<Variant, VerificationReport>();

beforeAll(async () => {
  for (const variant of Object.keys(BROKEN) as Variant[]) {
    reports.set(
      variant,
      await verifySesphr({
        instance: { ...DEFAULT_INSTANCE_OPTIONS, variant },
        properties: SESPHR_PROPERTIES.map((p) => p.id),
        engine: 'auto',
        depth: 20,
        timeoutMs: 60_000,
        mutants: false,
        // Spacer's readable invariants are the secure test's business; here only verdicts count.
        invariantTimeoutMs: 0,
      }),
    );
  }
}, 240_000);

describe.each(Object.entries(BROKEN))('sesphr verify, variant %s', (variant, broken) => {
  const report = () => reports.get(variant as Variant)!;

  it('gives every property the verdict SPEC section 5 expects for the variant', () => {
    expect(report().results.map((r) => [r.id, r.verdict.kind])).toEqual(
      SESPHR_PROPERTIES.map((p) => [p.id, broken.includes(p.id) ? 'violated' : 'proved']),
    );
    expect(report().passed).toBe(true);
  });

  it('turns each violation into a scenario that breaks the property with real cryptography', () => {
    for (const r of report().results.filter((x) => x.verdict.kind === 'violated')) {
      expect(r.confirmation?.kind).toBe('violated');
      expect(r.scenario?.reproduced).toBe(true);
      const text = stringifyScenario(r.scenario!.scenario, { header: r.scenario!.header });
      const scenario = scenarioOrThrow(parseScenario(text, `${r.id}.yaml`));
      expect(scenario.variant).toBe(variant);
      const run = executeScenario(scenario, String(scenario.seed));
      expect({
        id: r.id,
        passed: run.passed,
        failing: run.steps.filter((s) => !s.ok).map((s) => s.detail),
      }).toEqual({
        id: r.id,
        passed: true,
        failing: [],
      });
    }
  });
});

describe('the flaws, as attacks', () => {
  it('otp-leak: the requester downloads a consent-protected file on the code the cloud handed it (P12)', () => {
    const p12 = reports.get('otp-leak')!.results.find((r) => r.id === 'P12')!;
    expect(p12.scenario?.scenario.steps.map((s) => [s.op, s.expect])).toEqual([
      ['upload', 'ok'],
      ['download', 'ok'],
    ]);
    expect(p12.scenario?.scenario.steps[0]).toMatchObject({ consent: true });
  });

  it('revocation-keeps-acl: a revoked doctor is granted R of a file uploaded after its revocation (P7)', () => {
    const p7 = reports.get('revocation-keeps-acl')!.results.find((r) => r.id === 'P7')!;
    expect(p7.scenario?.scenario.steps.map((s) => [s.op, s.expect])).toEqual([
      ['revoke', 'ok'],
      ['upload', 'ok'],
      ['request', 'granted'],
    ]);
  });
});
