import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { c, colourSet, defineNet, explore, intType, type NetSpec, UNIT } from '../../src/model/index.ts';
import { parsePnml } from '../../src/model/pnml-import.ts';
import { explorePt } from '../../src/model/pt-explore.ts';
import { netToPt, ptToNet } from '../../src/model/pt-hlpn.ts';
import type { definePtNet } from '../../src/model/pt-net.ts';
import { ptNetArbitrary } from './pt-net-arbitrary.ts';

/** The figures both explorers report, without the fields only one of them has. */
const figures = (result: {
  states: number;
  edges: number;
  deadlock: boolean;
  maxTokensInPlace: number;
  maxTokensPerMarking: number;
  complete: boolean;
}) => ({
  states: result.states,
  edges: result.edges,
  deadlock: result.deadlock,
  maxTokensInPlace: result.maxTokensInPlace,
  maxTokensPerMarking: result.maxTokensPerMarking,
  complete: result.complete,
});

describe('ptToNet and netToPt', () => {
  it('P/T -> coloured -> P/T gives the net back (random nets)', () => {
    fc.assert(
      fc.property(ptNetArbitrary({ awkwardText: true }), (pt) => {
        expect(netToPt(ptToNet(pt))).toEqual(pt);
      }),
      { seed: 99, numRuns: 200 },
    );
  });

  it('merges parallel arcs of a coloured net into one weighted arc', () => {
    const net = defineNet({
      name: 'parallel',
      places: [{ id: 'a', initial: 3 }, { id: 'b' }],
      transitions: [
        {
          id: 't',
          inputs: [
            { kind: 'consume', place: 'a' },
            { kind: 'consume', place: 'a', weight: 2 },
          ],
          outputs: [{ place: 'b' }, { place: 'b' }],
        },
      ],
    });
    expect(netToPt(net)).toEqual({
      name: 'parallel',
      places: [
        { id: 'a', name: 'a', initial: 3 },
        { id: 'b', name: 'b', initial: 0 },
      ],
      transitions: [{ id: 't', name: 't', pre: [[0, 3]], post: [[1, 2]] }],
    });
  });

  const base = (transition: NetSpec['transitions'][number], colour = UNIT): NetSpec => ({
    name: 'not-pt',
    places: [
      { id: 'a', colour, initial: colour === UNIT ? 1 : [] },
      { id: 'b', initial: 1 },
    ],
    transitions: [transition],
  });

  it.each([
    ['a coloured place', base({ id: 't' }, colourSet('Id', { n: intType(0, 3) }))],
    ['a read arc', base({ id: 't', inputs: [{ kind: 'read', place: 'a', bind: 'x' }] })],
    ['an inhibitor arc', base({ id: 't', inputs: [{ kind: 'inhibit', place: 'a' }] })],
    ['a guard', base({ id: 't', guard: c(true) })],
    ['a conditional output', base({ id: 't', outputs: [{ place: 'b', when: c(false) }] })],
  ])('says a net with %s is not a P/T net', (_what, spec) => {
    expect(netToPt(defineNet(spec))).toBeUndefined();
  });
});

describe('the fast P/T explorer agrees with the general engine', () => {
  const agree = (maxStates: number) => (pt: ReturnType<typeof definePtNet>) => {
    const general = explore(ptToNet(pt), { maxStates });
    const fast = explorePt(pt, { maxStates });
    expect(fast.complete).toBe(general.complete);
    // A limit may cut the two searches at different markings (their successor orders differ).
    if (general.complete) expect(figures(fast)).toEqual(figures(general));
    else expect([fast.states, general.states]).toEqual([maxStates, maxStates]);
  };

  it('on random small P/T nets, bounded or not', () => {
    fc.assert(fc.property(ptNetArbitrary(), agree(300)), { seed: 314, numRuns: 150 });
  });

  it('on random conservative P/T nets (finite, larger state spaces)', () => {
    fc.assert(
      fc.property(
        ptNetArbitrary({ conservative: true, maxPlaces: 6, maxInitial: 4, maxTransitions: 8 }),
        agree(2000),
      ),
      { seed: 2718, numRuns: 100 },
    );
  });

  it('on random nets with heavy weights, where the fast path widens its packing', () => {
    fc.assert(
      fc.property(
        ptNetArbitrary({ conservative: true, maxPlaces: 4, maxWeight: 30, maxInitial: 60 }),
        agree(2000),
      ),
      { seed: 1618, numRuns: 60 },
    );
  });

  // The MCC nets without oracle rows: the general engine is the oracle for the smaller ones.
  const mccDir =
    process.env.SESPHR_MCC_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/mcc');
  const models = join(mccDir, 'models');
  const oracle = existsSync(join(mccDir, 'oracle.csv'))
    ? readFileSync(join(mccDir, 'oracle.csv'), 'utf8')
    : '';
  const unlisted = existsSync(models)
    ? readdirSync(models)
        .filter((file) => file.includes('-PT-') && !oracle.includes(`${file.replace(/\.pnml$/, '')},`))
        .sort()
    : [];

  it('on the contest nets without oracle rows whose state space has at most 5000 markings', () => {
    // The MCC test (mcc-state-space.test.ts) says plainly when the folder is missing; here it is a bonus.
    let compared = 0;
    for (const file of unlisted) {
      const pt = parsePnml(readFileSync(join(models, file), 'utf8'), file);
      const fast = explorePt(pt, { maxStates: 5000 });
      if (!fast.complete) continue;
      expect({ file, ...figures(explore(ptToNet(pt))) }).toEqual({ file, ...figures(fast) });
      compared++;
    }
    if (unlisted.length > 0) expect(compared).toBeGreaterThan(0);
  });
});
