import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPnml } from '../../src/model/pnml-export.ts';
import { PTNET_TYPE, parsePnml } from '../../src/model/pnml-import.ts';
import { explorePt } from '../../src/model/pt-explore.ts';
import { definePtNet } from '../../src/model/pt-net.ts';
import { ptNetArbitrary } from './pt-net-arbitrary.ts';

describe('toPnml', () => {
  it('writes a P/T net with names, initial markings and weighted arcs', () => {
    const net = definePtNet({
      name: 'mutex',
      places: [
        { id: 'free', name: 'Free', initial: 1 },
        { id: 'busy', name: 'Busy', initial: 0 },
      ],
      transitions: [{ id: 'enter', name: 'Enter', pre: [[0, 1]], post: [[1, 2]] }],
    });
    const xml = toPnml(net);
    expect(xml).toContain(`<net id="net0" type="${PTNET_TYPE}">`);
    expect(xml).toContain(
      '<place id="free">\n        <name><text>Free</text></name>\n        <initialMarking><text>1</text></initialMarking>',
    );
    expect(xml).toContain(
      '<arc id="a1" source="enter" target="busy">\n        <inscription><text>2</text></inscription>',
    );
  });

  it('picks arc, page and net ids that collide with no place or transition id', () => {
    const net = definePtNet({
      name: 'n',
      places: [{ id: 'a0', name: 'a0', initial: 0 }],
      transitions: [{ id: 'page0', name: 'net0', pre: [[0, 1]], post: [] }],
    });
    const xml = toPnml(net);
    expect(xml).toContain('<arc id="a1" source="a0" target="page0">');
    expect(xml).toContain('<page id="page1">');
    expect(parsePnml(xml, 'round-trip.pnml')).toEqual(net);
  });

  it('export then import gives the same net and the same state space (random nets, awkward ids)', () => {
    fc.assert(
      fc.property(ptNetArbitrary({ awkwardText: true }), (net) => {
        const back = parsePnml(toPnml(net), 'round-trip.pnml');
        expect(back).toEqual(net);
        expect(explorePt(back, { maxStates: 500 })).toEqual(explorePt(net, { maxStates: 500 }));
      }),
      { seed: 4242, numRuns: 200 },
    );
  });
});
