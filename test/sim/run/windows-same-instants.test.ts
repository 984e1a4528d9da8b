/**
 * Found by the first secure campaign: two windows that cover the same clock instants of a run are
 * one window of the net's instance, and a `window` step setting the second must still be
 * representable (the net matches windows by the instants they cover, not by their end points).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/run/index.ts';
import { parseScenario, scenarioOrThrow } from '../../../src/sim/scenario/index.ts';

const TEXT = `name: same-window-instants
principals:
  alice: { role: owner }
  bob: { role: doctor }
owners:
  alice:
    grants: { doctor: [medical] }
steps:
  - upload: { owner: alice, file: f1, window: [+0s, +1h] }
  - window: { owner: alice, file: f1, start: +0s, end: +2d }
    expect: ok
  - request: { user: bob, file: f1, partition: medical }
    expect: granted
  - window: { owner: alice, file: f1, start: +1h, end: +1d }
  - request: { user: bob, file: f1, partition: medical }
    expect: denied
`;

describe('windows covering the same instants', () => {
  it('are set and enforced alike by the protocol and the net', () => {
    const run = runScenario(scenarioOrThrow(parseScenario(TEXT, 'same-window-instants.yaml')), { seed: 'w' });
    expect(run.divergence).toBeUndefined();
    expect(run.steps.map((s) => (s.reason === undefined ? s.outcome : `${s.outcome}:${s.reason}`))).toEqual([
      'ok',
      'ok',
      'granted',
      'ok',
      'denied:outside-window',
    ]);
    expect(run.passed).toBe(true);
  });
});
