import { describe, expect, it } from 'vitest';
import {
  type NetOp,
  netInstanceOf,
  planStep,
  runStepAbstract,
  sesphrNet,
  startMarking,
} from '../../../src/protocol/net/index.ts';
import { CLINIC, START, upload, worldWith } from './fixtures.ts';

/** Runs `ops` on a net built for `built` (not for `ops`): the last step's word or invalid detail. */
function lastWord(built: readonly NetOp[], ops: readonly NetOp[], extra = {}): string {
  const instance = netInstanceOf({ ...worldWith(CLINIC, { start: START, ...extra }), ops: built });
  const net = sesphrNet(instance);
  let marking = startMarking(net);
  let word = '';
  for (const op of ops) {
    const run = runStepAbstract(net, instance, marking, op);
    if (run.kind === 'invalid') return `invalid: ${run.detail}`;
    marking = run.marking;
    word = run.outcome;
  }
  return word;
}

describe('steps the instance cannot hold are invalid, never a guess', () => {
  it('names what is out of bounds', () => {
    const update: NetOp = { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' };
    expect(lastWord([upload()], [upload(), update])).toBe(
      "invalid: update: f1/medical v2 is beyond the instance's 1 versions",
    );
    expect(lastWord([{ op: 'tick', by: 60 }], [{ op: 'tick', by: 30 }])).toBe(
      `invalid: tick: the instance has no instant ${START + 30} after ${START}`,
    );
    expect(lastWord([upload()], [upload(), { op: 'revoke', owner: 'alice', user: 'bob' }])).toBe(
      'invalid: revoke: the instance allows 0 revocation(s)',
    );
    expect(lastWord([upload()], [upload(), { op: 'delete', owner: 'alice', file: 'f1' }, upload()])).toBe(
      'invalid: upload: f1 is deleted and the instance allows 1 upload(s) of one file id',
    );
    expect(lastWord([upload()], [{ op: 'request', user: 'mallory', file: 'f1', partition: 'medical' }])).toBe(
      "invalid: request: user 'mallory' is not a principal of the instance",
    );
    expect(lastWord([upload()], [{ op: 'search', user: 'bob', keyword: 'fever' }])).toBe(
      "invalid: the instance has no keyword 'fever'",
    );
    expect(
      lastWord(
        [upload()],
        [upload(), { op: 'collude', members: ['bob', 'carol'], file: 'f1', partition: 'medical' }],
      ),
    ).toBe('invalid: collude: the instance has no coalition bob+carol');
    expect(
      lastWord(
        [upload()],
        [{ op: 'window', owner: 'alice', file: 'f1', window: { start: START, end: START + 9 } }],
      ),
    ).toBe(`invalid: window: the instance has no window [${START}, ${START + 9}]`);
  });

  it('plans nothing for an invalid step, and plans a valid one as the firings it runs', () => {
    const instance = netInstanceOf({ ...CLINIC, ops: [upload()] });
    const net = sesphrNet(instance);
    const start = startMarking(net);
    expect(planStep(net, instance, start, { op: 'tick', by: 5 }).kind).toBe('invalid');
    const plan = planStep(net, instance, start, upload());
    const run = runStepAbstract(net, instance, start, upload());
    if (plan.kind !== 'plan' || run.kind !== 'ran') throw new Error('expected a plan and a run');
    expect(plan.outcome).toBe('ok');
    expect(plan.firings.map((f) => f.transition)).toEqual(run.fired.map((f) => f.binding.transition));
    expect(plan.firings[0]!.match).toMatchObject({
      'po.principal': 'alice',
      'fr.file': 'f1',
      'fl.on': false,
    });
  });
});
