/**
 * The runner's concrete mode: plan each step on the abstract net, then fire the planned firings on
 * a marking whose payloads come from another function table (standing in for the protocol's
 * values). Guards never read payloads, so every planned firing finds its binding and the
 * knowledge comes out the same.
 */
import { describe, expect, it } from 'vitest';
import {
  type FunctionTable,
  fire,
  type Marking,
  opaque,
  showValue,
  type Value,
} from '../../../src/model/index.ts';
import { factKey } from '../../../src/protocol/knowledge.ts';
import {
  bindingFor,
  knowledgeOfMarking,
  type NetOp,
  planStep,
  runStepAbstract,
  startMarking,
  TERM_FUNCTIONS,
} from '../../../src/protocol/net/index.ts';
import { build, CLINIC, upload } from './fixtures.ts';

/** Payloads unlike the abstract terms: a counter per call, as real values would be. */
function concreteTable(): FunctionTable {
  let n = 0;
  return Object.fromEntries(
    TERM_FUNCTIONS.map((fn) => [
      fn,
      (args: readonly Value[]) => opaque(`#${++n}`, `${fn}:${args.map(showValue).join(',')}`),
    ]),
  );
}

describe('replaying plans on a concrete marking', () => {
  it('fires every planned firing through bindingFor and knows what the abstract run knows', () => {
    const ops: NetOp[] = [
      upload(),
      { op: 'request', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'decrypt', user: 'bob', file: 'f1', partition: 'medical' },
      { op: 'request', user: 'carol', file: 'f1', partition: 'medical' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      { op: 'collude', members: ['srs', 'cloud'], file: 'f1', partition: 'medical' },
    ];
    const { net, instance, start } = build(CLINIC, ops);
    const table = concreteTable();
    let concrete: Marking = startMarking(net, table);
    let abstract = start;
    for (const op of ops) {
      const plan = planStep(net, instance, concrete, op);
      if (plan.kind !== 'plan') throw new Error(plan.detail);
      for (const firing of plan.firings) {
        const binding = bindingFor(net, concrete, firing, table);
        expect(binding, `${op.op}: ${firing.transition}`).toBeDefined();
        const fired = fire(net, concrete, binding!, table);
        if (fired.kind !== 'fired') throw new Error(fired.reason);
        concrete = fired.marking;
      }
      const run = runStepAbstract(net, instance, abstract, op);
      if (run.kind !== 'ran') throw new Error(run.detail);
      expect(plan.outcome).toBe(run.outcome);
      abstract = run.marking;
    }
    for (const actor of ['alice', 'bob', 'carol', 'srs', 'cloud']) {
      expect(knowledgeOfMarking(net, concrete, actor).map(factKey)).toEqual(
        knowledgeOfMarking(net, abstract, actor).map(factKey),
      );
    }
  });
});
