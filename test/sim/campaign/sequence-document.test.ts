/**
 * Every drawn sequence is a scenario the loader accepts, whatever the world and however shrunk:
 * intents naming a file not present are dropped, references resolve to the world's principals,
 * the file's owner does the owner's steps; and the written form loads back to the same scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  campaignWorld,
  intent,
  intents,
  type SequenceHeader,
  sequenceScenario,
  sequenceSteps,
} from '../../../src/sim/campaign/index.ts';
import { parseScenario, stringifyScenario } from '../../../src/sim/scenario/index.ts';

const header: SequenceHeader = { name: 'campaign-test', seed: 'campaign-1', variant: 'secure' };

/** A scenario without where it came from (source, lines), for comparing loads of two texts. */
const placeless = (s: ReturnType<typeof sequenceScenario>) => ({
  ...s,
  source: '',
  steps: s.steps.map((step) => ({ ...step, line: 0 })),
});

describe('campaign sequences as scenarios', () => {
  it('load for any world and any intents, even without the first upload', () => {
    fc.assert(
      fc.property(campaignWorld, fc.array(intent, { maxLength: 12 }), (world, ops) => {
        const steps = sequenceSteps(world, ops);
        if (steps.length === 0) return;
        const scenario = sequenceScenario(header, world, ops);
        expect(scenario.steps).toHaveLength(steps.length);
        const users = new Set(world.users.map((u) => u.name));
        for (const step of scenario.steps) {
          if ('user' in step) expect(users.has(step.user)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('write back (stringifyScenario) to text that loads to the same scenario', () => {
    fc.assert(
      fc.property(campaignWorld, intents(8), (world, ops) => {
        const scenario = sequenceScenario(header, world, ops);
        const again = parseScenario(stringifyScenario(scenario), 'again.yaml');
        expect(again.kind).toBe('ok');
        if (again.kind === 'ok') expect(placeless(again.scenario)).toEqual(placeless(scenario));
      }),
      { numRuns: 100, seed: 6 },
    );
  });

  it('resolve owners and files: f1 is alice’s, f2 the second owner’s, and steps on absent files are dropped', () => {
    const world = {
      owners: [
        {
          grants: { doctor: [], pharmacist: [], family: [], insurer: [], researcher: [] },
          history: 'all',
          consent: false,
        },
        {
          grants: { doctor: [], pharmacist: [], family: [], insurer: [], researcher: [] },
          history: 'all',
          consent: false,
        },
      ],
      users: [{ name: 'bob', role: 'doctor', status: 'approved' }],
      files: 2,
    } as const;
    const steps = sequenceSteps(world, [
      { op: 'download', user: 0, file: 1 },
      { op: 'upload', file: 1 },
      { op: 'upload', file: 1 },
      { op: 'update', file: 1, partition: 'medical' },
      { op: 'request', user: 3, file: 1, partition: 'medical', version: 2 },
      { op: 'delete', file: 1 },
      { op: 'audit', file: 1 },
    ]);
    expect(steps).toEqual([
      { upload: { owner: 'olga', file: 'f2', size: '512B' } },
      { update: { owner: 'olga', file: 'f2', partition: 'medical' } },
      { request: { user: 'bob', file: 'f2', partition: 'medical', version: 2 } },
      { delete: { owner: 'olga', file: 'f2' } },
    ]);
  });
});
