import { describe, expect, it } from 'vitest';
import {
  type CampaignConfig,
  checkSequence,
  type Finding,
  findingClass,
  runCampaign,
} from '../../../src/sim/campaign/index.ts';
import type { Scenario } from '../../../src/sim/scenario/index.ts';

const config: CampaignConfig = { runs: 300, length: 6, seed: 42, variant: 'revocation-keeps-acl' };

/** The finding of `scenario` run with its own seed; an exception is a finding of its own. */
function findingOf(scenario: Scenario): Finding | undefined {
  try {
    return checkSequence(scenario, String(scenario.seed)).finding;
  } catch (error) {
    return { kind: 'crash', message: String(error) };
  }
}

describe('a campaign on the revocation-keeps-acl variant', () => {
  const result = runCampaign(config);

  it('finds P7 through an attack chain: granted, revoked, a new version, and R for it all the same', () => {
    expect(result.failure?.finding).toMatchObject({
      kind: 'property',
      property: 'P7',
      at: { index: 4, op: 'request' },
      expectedForVariant: true,
    });
    const steps = result.failure!.scenario.steps;
    expect(steps.map((s) => [s.op, s.expect])).toEqual([
      ['upload', undefined],
      ['grant', undefined],
      ['revoke', undefined],
      ['update', undefined],
      ['request', 'granted'],
    ]);
    expect(steps[2]).toMatchObject({ op: 'revoke', owner: 'alice', user: 'bob' });
    expect(steps[4]).toMatchObject({ op: 'request', user: 'bob', file: 'f1' });
    expect(result.failure!.replays).toBe(true);
  });

  it('writes a scenario none of whose steps can go: without any one, the finding is gone', () => {
    const scenario = result.failure!.scenario;
    const found = findingClass(result.failure!.finding);
    for (const [i, step] of scenario.steps.entries()) {
      const without = { ...scenario, steps: scenario.steps.filter((_, j) => j !== i) };
      const again = without.steps.length === 0 ? undefined : findingOf(without);
      expect({ step: `${i} ${step.op}`, same: again !== undefined && findingClass(again) === found }).toEqual(
        {
          step: `${i} ${step.op}`,
          same: false,
        },
      );
    }
  });
});
