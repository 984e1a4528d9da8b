/** The campaign's options: defaults filled, every value checked, a seed drawn only when absent. */
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_DEFAULTS, resolveCampaignConfig } from '../../../src/sim/campaign/index.ts';

const never = () => {
  throw new Error('no seed should be drawn');
};

describe('campaign options', () => {
  it('fill the defaults and draw a seed when none is given', () => {
    expect(resolveCampaignConfig({}, () => 99)).toEqual({
      kind: 'ok',
      config: { runs: CAMPAIGN_DEFAULTS.runs, length: 6, seed: 99, variant: 'secure' },
      drawnSeed: true,
    });
  });

  it('take what is given', () => {
    expect(
      resolveCampaignConfig({ runs: '1000', length: '8', seed: '42', variant: 'otp-leak' }, never),
    ).toEqual({
      kind: 'ok',
      config: { runs: 1000, length: 8, seed: 42, variant: 'otp-leak' },
      drawnSeed: false,
    });
  });

  it.each([
    [{ runs: '1.5' }, '--runs must be a whole number from 1 to 1,000,000, got "1.5"'],
    [{ runs: '' }, '--runs must be a whole number from 1 to 1,000,000, got ""'],
    [{ length: '0' }, '--length must be a whole number from 1 to 50, got "0"'],
    [{ seed: '2147483648' }, '--seed must be a whole number from 0 to 2,147,483,647, got "2147483648"'],
    [{ seed: 'abc' }, '--seed must be a whole number from 0 to 2,147,483,647, got "abc"'],
    [{ variant: 'SECURE' }, '--variant must be one of secure, otp-leak, revocation-keeps-acl, got "SECURE"'],
  ])('refuse %j', (raw, message) => {
    expect(resolveCampaignConfig({ seed: '1', ...raw }, never)).toEqual({ kind: 'bad-input', message });
  });
});
