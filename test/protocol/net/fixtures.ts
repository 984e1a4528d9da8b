/**
 * Worlds and a driver for the net tests: a world is the scenario header (principals, owners),
 * `drive` builds the instance from the world and the ops, runs every op on the net from the
 * start marking and returns each step's outcome word (with the refusal reason after a colon).
 */
import type { Marking, Net } from '../../../src/model/index.ts';
import {
  type NetInstance,
  type NetOp,
  type NetWorld,
  netInstanceOf,
  runStepAbstract,
  type StepRun,
  sesphrNet,
  startMarking,
} from '../../../src/protocol/net/index.ts';

export const START = Date.UTC(2026, 0, 1) / 1000;

/** alice (owner: personal 1, medical 2, insurance 3, prescription 4), bob the doctor, carol the pharmacist. */
export const CLINIC: NetWorld = {
  principals: [
    { name: 'alice', role: 'owner', status: 'approved' },
    { name: 'bob', role: 'doctor', status: 'approved' },
    { name: 'carol', role: 'pharmacist', status: 'approved' },
  ],
  owners: {
    alice: {
      partitions: { personal: 1, medical: 2, insurance: 3, prescription: 4 },
      grants: { doctor: ['personal', 'medical'], pharmacist: ['insurance', 'prescription'] },
      history: 'all',
      consent: false,
    },
  },
};

/** The world with some fields replaced. */
export function worldWith(base: NetWorld, changes: Partial<NetWorld>): NetWorld {
  return { ...base, ...changes };
}

/** The net of a world's instance, its start marking, and the instance. */
export function build(
  world: NetWorld,
  ops: readonly NetOp[],
): { net: Net; instance: NetInstance; start: Marking } {
  const instance = netInstanceOf({ ...world, ops });
  const net = sesphrNet(instance);
  return { net, instance, start: startMarking(net) };
}

/** What `drive` returns: each step's word (`denied:reason`), the runs, and the last marking. */
export interface Drive {
  readonly words: readonly string[];
  readonly runs: readonly StepRun[];
  readonly marking: Marking;
  readonly net: Net;
  readonly instance: NetInstance;
}

/** Runs `ops` in order on the world's net; an invalid step stops the run with `invalid: …`. */
export function drive(world: NetWorld, ops: readonly NetOp[]): Drive {
  const { net, instance, start } = build(world, ops);
  let marking = start;
  const words: string[] = [];
  const runs: StepRun[] = [];
  for (const op of ops) {
    const run = runStepAbstract(net, instance, marking, op);
    runs.push(run);
    if (run.kind === 'invalid') {
      words.push(`invalid: ${run.detail}`);
      break;
    }
    words.push(run.reason === undefined ? run.outcome : `${run.outcome}:${run.reason}`);
    marking = run.marking;
  }
  return { words, runs, marking, net, instance };
}

/** The transition ids one step fired, in order. */
export function firedIds(run: StepRun | undefined): readonly string[] {
  return run?.kind === 'ran' ? run.fired.map((f) => f.binding.transition) : [];
}

/** alice uploads `file` (with consent and a window if given). */
export function upload(file = 'f1', consent = false, window?: { start: number; end: number }): NetOp {
  return { op: 'upload', owner: 'alice', file, consent, ...(window === undefined ? {} : { window }) };
}
