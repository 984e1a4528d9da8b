/** Graphviz export of a small net with every kind of arc. */
import { describe, expect, it } from 'vitest';
import { c, colourSet, defineNet, enumType, eq, field, idType, toDot, v } from '../../src/model/index.ts';

describe('toDot', () => {
  it('draws places, transitions with guards, and each arc kind', () => {
    const Role = enumType(['doctor', 'nurse']);
    const Req = colourSet('Req', { user: idType('user'), role: Role });
    const net = defineNet({
      name: 'acl "demo"',
      places: [
        { id: 'req', colour: Req, initial: [{ token: { user: 'a', role: 'doctor' } }] },
        { id: 'acl', colour: colourSet('Acl', { role: Role }) },
        { id: 'lock', name: 'lock\\ed' },
        { id: 'out', initial: 2 },
      ],
      transitions: [
        {
          id: 't',
          name: 'grant',
          inputs: [
            { kind: 'consume', place: 'req', bind: 'r' },
            { kind: 'read', place: 'acl', bind: 'a' },
            { kind: 'inhibit', place: 'lock' },
          ],
          guard: eq(field(v('r'), 'role'), field(v('a'), 'role')),
          outputs: [
            { place: 'out', weight: 2 },
            { place: 'req', token: v('r'), when: eq(field(v('r'), 'role'), c('nurse', Role)) },
          ],
        },
      ],
    });
    expect(toDot(net)).toBe(
      [
        'digraph "acl \\"demo\\"" {',
        '  rankdir=LR;',
        '  p0 [shape=circle, label="req\\nReq\\n1"];',
        '  p1 [shape=circle, label="acl\\nAcl"];',
        '  p2 [shape=circle, label="lock\\\\ed"];',
        '  p3 [shape=circle, label="out\\n2"];',
        '  t0 [shape=box, label="grant\\n[r.role = a.role]"];',
        '  p0 -> t0 [label="r"];',
        '  p1 -> t0 [style=dashed, dir=none, label="a"];',
        '  p2 -> t0 [arrowhead=odot, label=""];',
        '  t0 -> p3 [label="2"];',
        '  t0 -> p0 [label="r if r.role = \'nurse\'"];',
        '}',
        '',
      ].join('\n'),
    );
  });
});
