/**
 * The demand: a campaign of at least 1,000 randomized sequences passes on the secure
 * protocol: no divergence between the protocol and the net, and no SPEC property the secure
 * protocol keeps fails on any marking after any step. About two CPU minutes.
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../../src/sim/campaign/index.ts';

describe('a campaign on the secure protocol', () => {
  it('runs 1,000 sequences without a finding', { timeout: 900_000 }, () => {
    const result = runCampaign({ runs: 1000, length: 6, seed: 2026, variant: 'secure' });
    expect(result.failure?.finding).toBeUndefined();
    expect(result.sequences).toBe(1000);
    // Every sequence starts with an upload and most go on: the campaign did run operations.
    expect(result.steps).toBeGreaterThan(2000);
  });
});
