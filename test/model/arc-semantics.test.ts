/**
 * The semantics of each kind of arc, on hand-made nets: consume with weights and multiplicities,
 * read arcs (contextual: the read token is not shared with a consume), inhibitor arcs with and
 * without `where`, conditional outputs.
 */
import { describe, expect, it } from 'vitest';
import {
  c,
  colourSet,
  countIn,
  defineNet,
  enabledBindings,
  enumType,
  eq,
  field,
  fire,
  idType,
  initialMarking,
  type Marking,
  markingOf,
  type Net,
  placeId,
  showBinding,
  showMarking,
  type Token,
  token,
  transitionId,
  tuple,
  v,
} from '../../src/model/index.ts';

const Role = enumType(['doctor', 'nurse']);
const Req = colourSet('Req', { user: idType('user'), role: Role });
const Acl = colourSet('Acl', { role: Role });

function fired(net: Net, m: Marking, index = 0): Marking {
  const b = enabledBindings(net, m)[index];
  if (b === undefined) throw new Error('nothing enabled');
  const r = fire(net, m, b);
  if (r.kind !== 'fired') throw new Error(r.reason);
  return r.marking;
}

describe('consume arcs', () => {
  const twoArcs = (weight?: number) =>
    defineNet({
      name: 'two-arcs',
      places: [{ id: 'p', colour: Req }, { id: 'q' }],
      transitions: [
        {
          id: 't',
          inputs: [
            { kind: 'consume', place: 'p', bind: 'a' },
            { kind: 'consume', place: 'p', bind: 'b', ...(weight === undefined ? {} : { weight }) },
          ],
          outputs: [{ place: 'q' }],
        },
      ],
    });
  const alice = token({ user: 'alice', role: 'doctor' });
  const bob = token({ user: 'bob', role: 'nurse' });

  it('two arcs on one place cannot take the same single token', () => {
    const net = twoArcs();
    expect(enabledBindings(net, markingOf(net, { p: [{ token: alice }] }))).toEqual([]);
  });

  it('two arcs may take two copies of one token, or two different tokens in both orders', () => {
    const net = twoArcs();
    const labels = enabledBindings(
      net,
      markingOf(net, { p: [{ token: alice, count: 2 }, { token: bob }] }),
    ).map((b) => showBinding(net, b));
    expect(labels).toEqual([
      't a=(user=alice, role=doctor) b=(user=alice, role=doctor)',
      't a=(user=alice, role=doctor) b=(user=bob, role=nurse)',
      't a=(user=bob, role=nurse) b=(user=alice, role=doctor)',
    ]);
  });

  it('a weight takes that many copies of the bound token', () => {
    const net = twoArcs(2);
    const m = markingOf(net, {
      p: [
        { token: alice, count: 2 },
        { token: bob, count: 2 },
      ],
    });
    // a=alice leaves one alice, so b can only be bob (×2); and symmetrically.
    expect(enabledBindings(net, m).map((b) => showBinding(net, b))).toEqual([
      't a=(user=alice, role=doctor) b=(user=bob, role=nurse)',
      't a=(user=bob, role=nurse) b=(user=alice, role=doctor)',
    ]);
    const after = fired(net, m);
    expect(showMarking(after)).toBe('p: (user=alice, role=doctor); q: •');
  });

  it('anonymous consume on a UNIT place takes weight tokens', () => {
    const net = defineNet({
      name: 'pt',
      places: [{ id: 'a', initial: 3 }, { id: 'b' }],
      transitions: [
        {
          id: 't',
          inputs: [{ kind: 'consume', place: 'a', weight: 2 }],
          outputs: [{ place: 'b', weight: 3 }],
        },
      ],
    });
    const m1 = fired(net, initialMarking(net));
    expect([countIn(m1, placeId('a')), countIn(m1, placeId('b'))]).toEqual([1, 3]);
    expect(enabledBindings(net, m1)).toEqual([]);
  });
});

describe('read arcs', () => {
  const net = defineNet({
    name: 'read',
    places: [
      { id: 'acl', colour: Acl, initial: [{ token: { role: 'doctor' } }] },
      { id: 'req', colour: Req, initial: [{ token: { user: 'alice', role: 'doctor' } }] },
      { id: 'granted', colour: Req },
    ],
    transitions: [
      {
        id: 'grant',
        inputs: [
          { kind: 'consume', place: 'req', bind: 'r' },
          { kind: 'read', place: 'acl', bind: 'a' },
        ],
        guard: eq(field(v('r'), 'role'), field(v('a'), 'role')),
        outputs: [{ place: 'granted', token: v('r') }],
      },
    ],
  });

  it('leave the read token in place', () => {
    const m = fired(net, initialMarking(net));
    expect(showMarking(m)).toBe('acl: (role=doctor); granted: (user=alice, role=doctor)');
  });

  it('bind the token for the guard', () => {
    const m = markingOf(net, {
      acl: [{ token: { role: 'nurse' } }],
      req: [{ token: { user: 'alice', role: 'doctor' } }],
    });
    expect(enabledBindings(net, m)).toEqual([]);
  });

  it('do not share a token occurrence with a consume on the same place', () => {
    const same = defineNet({
      name: 'read-consume',
      places: [{ id: 'p', initial: 1 }],
      transitions: [
        {
          id: 't',
          inputs: [
            { kind: 'consume', place: 'p' },
            { kind: 'read', place: 'p', bind: 'x' },
          ],
        },
      ],
    });
    expect(enabledBindings(same, initialMarking(same))).toEqual([]);
    expect(countIn(fired(same, markingOf(same, { p: 2 })), placeId('p'))).toBe(1);
  });
});

describe('inhibitor arcs', () => {
  const refuse = defineNet({
    name: 'refuse',
    places: [
      { id: 'acl', colour: Acl },
      { id: 'req', colour: Req },
      { id: 'refused', colour: Req },
    ],
    transitions: [
      {
        id: 'D_R_F',
        inputs: [
          { kind: 'consume', place: 'req', bind: 'r' },
          {
            kind: 'inhibit',
            place: 'acl',
            bind: 'a',
            where: eq(field(v('a'), 'role'), field(v('r'), 'role')),
          },
        ],
        outputs: [{ place: 'refused', token: v('r') }],
      },
    ],
  });
  const req = (user: string, role: string): { token: Token } => ({ token: token({ user, role }) });

  it('with where: blocks exactly the bindings some token of the place matches', () => {
    const m = markingOf(refuse, {
      acl: [{ token: { role: 'doctor' } }],
      req: [req('alice', 'doctor'), req('bob', 'nurse')],
    });
    expect(enabledBindings(refuse, m).map((b) => showBinding(refuse, b))).toEqual([
      'D_R_F r=(user=bob, role=nurse)',
    ]);
    const blocked = fire(refuse, m, {
      transition: transitionId('D_R_F'),
      vars: { r: req('alice', 'doctor').token },
    });
    expect(blocked).toEqual({
      kind: 'not-enabled',
      reason: "D_R_F: inhibited by (role=doctor) in place 'acl' (input arc 1)",
    });
  });

  it('without where: enabled only while the place is empty', () => {
    const net = defineNet({
      name: 'empty-test',
      places: [{ id: 'p', initial: 1 }, { id: 'guard' }],
      transitions: [
        {
          id: 't',
          inputs: [
            { kind: 'consume', place: 'p' },
            { kind: 'inhibit', place: 'guard' },
          ],
        },
      ],
    });
    expect(enabledBindings(net, initialMarking(net))).toHaveLength(1);
    expect(enabledBindings(net, markingOf(net, { p: 1, guard: 1 }))).toEqual([]);
  });

  it('are checked against the marking before firing, not after the consumes', () => {
    const net = defineNet({
      name: 'self-inhibit',
      places: [{ id: 'p', initial: 1 }],
      transitions: [
        {
          id: 't',
          inputs: [
            { kind: 'consume', place: 'p' },
            { kind: 'inhibit', place: 'p' },
          ],
        },
      ],
    });
    expect(enabledBindings(net, initialMarking(net))).toEqual([]);
  });
});

describe('output arcs', () => {
  it('produce only when their condition holds', () => {
    const net = defineNet({
      name: 'when',
      places: [
        {
          id: 'req',
          colour: Req,
          initial: [{ token: { user: 'a', role: 'doctor' } }, { token: { user: 'b', role: 'nurse' } }],
        },
        { id: 'doctors', colour: Req },
        { id: 'done' },
      ],
      transitions: [
        {
          id: 'sort',
          inputs: [{ kind: 'consume', place: 'req', bind: 'r' }],
          outputs: [
            { place: 'doctors', token: v('r'), when: eq(field(v('r'), 'role'), c('doctor', Role)) },
            { place: 'done' },
          ],
        },
      ],
    });
    const m0 = initialMarking(net);
    expect(showMarking(fired(net, m0, 0))).toBe(
      'req: (user=b, role=nurse); doctors: (user=a, role=doctor); done: •',
    );
    expect(showMarking(fired(net, m0, 1))).toBe('req: (user=a, role=doctor); done: •');
  });

  it('reject produced tokens outside their colour at run time, naming the arc', () => {
    const Small = colourSet('Small', { n: { kind: 'int', min: 0, max: 1 } });
    const net = defineNet({
      name: 'overflow',
      places: [{ id: 'p', colour: Small, initial: [{ token: { n: 1 } }] }],
      transitions: [
        {
          id: 'inc',
          inputs: [{ kind: 'consume', place: 'p', bind: 'x' }],
          outputs: [
            { place: 'p', token: tuple({ n: { kind: 'add', left: field(v('x'), 'n'), right: c(1) } }) },
          ],
        },
      ],
    });
    expect(() => fired(net, initialMarking(net))).toThrow(
      "transition 'inc' output arc 0 produced (n=2), which does not fit colour Small of place 'p': field 'n': integer 2 is outside int[0..1]",
    );
  });
});

describe('fire refuses bindings that are not enabled, saying why', () => {
  const net = defineNet({
    name: 'why',
    places: [{ id: 'req', colour: Req, initial: [{ token: { user: 'a', role: 'doctor' } }] }],
    transitions: [
      {
        id: 't',
        inputs: [{ kind: 'consume', place: 'req', bind: 'r' }],
        guard: eq(field(v('r'), 'role'), c('nurse', Role)),
      },
    ],
  });
  const m = initialMarking(net);
  const doctor = token({ user: 'a', role: 'doctor' });
  it.each([
    [{ transition: transitionId('nope'), vars: {} }, "net 'why' has no transition 'nope'"],
    [{ transition: transitionId('t'), vars: {} }, "t: variable 'r' is not bound"],
    [
      { transition: transitionId('t'), vars: { r: token({ user: 'z', role: 'nurse' }) } },
      "t: place 'req' lacks 1 × (user=z, role=nurse) for input arc 0",
    ],
    [
      { transition: transitionId('t'), vars: { r: doctor, extra: doctor } },
      "t: variable 'extra' is not an input variable",
    ],
    [
      // Same values under other field names: not the token in the place.
      { transition: transitionId('t'), vars: { r: token({ usr: 'a', role: 'doctor' }) } },
      "t: place 'req' lacks 1 × (usr=a, role=doctor) for input arc 0",
    ],
    [{ transition: transitionId('t'), vars: { r: doctor } }, "t: guard r.role = 'nurse' is false"],
  ])('%j', (binding, reason) => {
    expect(fire(net, m, binding)).toEqual({ kind: 'not-enabled', reason });
  });
});
