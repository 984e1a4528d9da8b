/**
 * A forwarded R carries the file's generation like a requested one: after alice deletes f1 and
 * uploads it again, the R that Bob forwards to Dana is for the new ciphertexts, so Dana decrypts on
 * the protocol and on the net alike (the net's Forward once issued generation 0 and refused her
 * with a failed tag check).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/run/index.ts';
import { parseScenario, scenarioOrThrow } from '../../../src/sim/scenario/index.ts';

const TEXT = `name: forward-after-reupload
principals:
  alice: { role: owner }
  bob: { role: doctor }
  dana: { role: doctor }
owners:
  alice:
    grants: { doctor: [medical] }
steps:
  - upload: { owner: alice, file: f1 }
  - delete: { owner: alice, file: f1 }
  - upload: { owner: alice, file: f1 }
  - forward: { from: bob, to: dana, file: f1, partition: medical }
    expect: granted
  - decrypt: { user: dana, file: f1, partition: medical }
    expect: ok
`;

describe('forwarding after a file is deleted and uploaded again', () => {
  it('gives the forwarded user an R of the new generation, on the protocol and the net alike', () => {
    const run = runScenario(scenarioOrThrow(parseScenario(TEXT, 'forward-after-reupload.yaml')), {
      seed: 'f',
    });
    expect(run.divergence).toBeUndefined();
    expect(run.steps.map((s) => s.outcome)).toEqual(['ok', 'ok', 'ok', 'granted', 'ok']);
    expect(run.passed).toBe(true);
  });
});
