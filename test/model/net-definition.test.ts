/**
 * `defineNet` accepts well-formed nets (frozen, with defaults filled in) and rejects malformed ones
 * with a NetDefinitionError naming the element at fault.
 */
import { describe, expect, it } from 'vitest';
import {
  app,
  c,
  colourSet,
  defineNet,
  enumType,
  eq,
  field,
  idType,
  intType,
  isNetDefinitionError,
  type NetSpec,
  opaqueType,
  tuple,
  UNIT,
  v,
} from '../../src/model/index.ts';

const Req = colourSet('Req', { user: idType('user'), role: enumType(['doctor', 'nurse']) });
const Ct = opaqueType('ct');

function netWith(transition: NetSpec['transitions'][number], extraPlaces: NetSpec['places'] = []): NetSpec {
  return {
    name: 'n',
    places: [{ id: 'req', colour: Req }, { id: 'q' }, ...extraPlaces],
    transitions: [transition],
  };
}

describe('defineNet', () => {
  it('returns a frozen net with defaults filled in', () => {
    const net = defineNet({
      name: 'ok',
      places: [{ id: 'p', initial: 2 }],
      transitions: [{ id: 't', inputs: [{ kind: 'consume', place: 'p' }], outputs: [{ place: 'p' }] }],
    });
    expect(Object.isFrozen(net)).toBe(true);
    expect(Object.isFrozen(net.transitions[0])).toBe(true);
    expect(net.places[0]).toMatchObject({
      id: 'p',
      name: 'p',
      colour: UNIT,
      initial: [{ token: {}, count: 2 }],
    });
    expect(net.transitions[0]).toEqual({
      id: 't',
      name: 't',
      inputs: [{ kind: 'consume', place: 'p' }],
      outputs: [{ place: 'p', token: { kind: 'tuple', fields: [] } }],
    });
    // A defined net is itself a valid spec.
    expect(defineNet(net)).toEqual(net);
  });

  it.each<[string, NetSpec, string]>([
    ['empty net name', { name: '', places: [], transitions: [] }, 'net: needs a non-empty name'],
    [
      'duplicate place id',
      { name: 'n', places: [{ id: 'p' }, { id: 'p' }], transitions: [] },
      "place 'p': id is used by another place",
    ],
    [
      'empty place id',
      { name: 'n', places: [{ id: '' }], transitions: [] },
      "place 0 (''): needs a non-empty id",
    ],
    [
      'bad colour set',
      {
        name: 'n',
        places: [{ id: 'p', colour: { name: 'C', fields: [{ name: 'x', type: enumType([]) }] } }],
        transitions: [],
      },
      "place 'p': field 'x': enum type needs at least one value",
    ],
    [
      'initial token of the wrong colour',
      {
        name: 'n',
        places: [{ id: 'p', colour: Req, initial: [{ token: { user: 'a', role: 'surgeon' } }] }],
        transitions: [],
      },
      "place 'p' initial token 0: does not fit colour Req: field 'role': expected one of doctor | nurse, got string \"surgeon\"",
    ],
    [
      'initial token with an extra field',
      {
        name: 'n',
        places: [{ id: 'p', colour: Req, initial: [{ token: { user: 'a', role: 'nurse', x: 1 } }] }],
        transitions: [],
      },
      "place 'p' initial token 0: does not fit colour Req: field 'x' not in colour Req",
    ],
    [
      'zero initial count',
      {
        name: 'n',
        places: [{ id: 'p', colour: Req, initial: [{ token: { user: 'a', role: 'nurse' }, count: 0 }] }],
        transitions: [],
      },
      "place 'p' initial token 0: count must be a positive integer, got 0",
    ],
    [
      'count on a coloured place',
      { name: 'n', places: [{ id: 'p', colour: Req, initial: 2 }], transitions: [] },
      "place 'p': a token count as initial marking needs the UNIT colour, not Req",
    ],
    [
      'duplicate transition id',
      { name: 'n', places: [], transitions: [{ id: 't' }, { id: 't' }] },
      "transition 't': id is used by another transition",
    ],
    [
      'arc to an unknown place',
      netWith({ id: 't', inputs: [{ kind: 'consume', place: 'nowhere' }] }),
      "transition 't' input arc 0 (place 'nowhere'): refers to unknown place 'nowhere'",
    ],
    [
      'output to an unknown place',
      netWith({ id: 't', outputs: [{ place: 'nowhere' }] }),
      "transition 't' output arc 0 (place 'nowhere'): refers to unknown place 'nowhere'",
    ],
    [
      'zero weight',
      netWith({ id: 't', inputs: [{ kind: 'consume', place: 'q', weight: 0 }] }),
      "transition 't' input arc 0 (place 'q'): weight must be a positive integer, got 0",
    ],
    [
      'fractional output weight',
      netWith({ id: 't', outputs: [{ place: 'q', weight: 1.5 }] }),
      "transition 't' output arc 0 (place 'q'): weight must be a positive integer, got 1.5",
    ],
    [
      'anonymous consume of a coloured place',
      netWith({ id: 't', inputs: [{ kind: 'consume', place: 'req' }] }),
      "transition 't' input arc 0 (place 'req'): consuming from a place of colour Req needs a bind variable",
    ],
    [
      'variable bound twice',
      netWith({
        id: 't',
        inputs: [
          { kind: 'consume', place: 'req', bind: 'x' },
          { kind: 'read', place: 'req', bind: 'x' },
        ],
      }),
      "transition 't' input arc 1 (place 'req'): variable 'x' is bound by another arc",
    ],
    [
      'inhibitor variable clashing with an input variable',
      netWith({
        id: 't',
        inputs: [
          { kind: 'consume', place: 'req', bind: 'x' },
          { kind: 'inhibit', place: 'req', bind: 'x', where: c(true) },
        ],
      }),
      "transition 't' input arc 1 (place 'req') where: variable 'x' is already bound by another arc",
    ],
    [
      'ill-typed guard',
      netWith({
        id: 't',
        inputs: [{ kind: 'consume', place: 'req', bind: 'x' }],
        guard: eq(field(v('x'), 'rol'), c(1)),
      }),
      "transition 't' guard: no field 'rol' (fields: user, role) in x.rol (at left)",
    ],
    [
      'non-boolean guard',
      netWith({
        id: 't',
        inputs: [{ kind: 'consume', place: 'req', bind: 'x' }],
        guard: field(v('x'), 'user'),
      }),
      "transition 't' guard: must be bool, got id<user>",
    ],
    [
      'guard using an inhibitor variable',
      netWith({
        id: 't',
        inputs: [{ kind: 'inhibit', place: 'req', bind: 'i' }],
        guard: eq(field(v('i'), 'user'), field(v('i'), 'user')),
      }),
      "transition 't' guard: unbound variable 'i' (bound here: none) in i (at left.of)",
    ],
    [
      'ill-typed where',
      netWith({
        id: 't',
        inputs: [{ kind: 'inhibit', place: 'req', bind: 'i', where: field(v('i'), 'role') }],
      }),
      "transition 't' input arc 0 (place 'req') where: must be bool, got {doctor|nurse}",
    ],
    [
      'output token missing for a coloured place',
      netWith({ id: 't', outputs: [{ place: 'req' }] }),
      "transition 't' output arc 0 (place 'req'): producing into a place of colour Req needs a token expression",
    ],
    [
      'output token of the wrong colour',
      netWith({
        id: 't',
        inputs: [{ kind: 'consume', place: 'req', bind: 'x' }],
        outputs: [{ place: 'req', token: tuple({ user: field(v('x'), 'user') }) }],
      }),
      "transition 't' output arc 0 (place 'req') token: field 'role' of colour Req is missing",
    ],
    [
      'output token with a field of the wrong type',
      netWith({
        id: 't',
        inputs: [{ kind: 'consume', place: 'req', bind: 'x' }],
        outputs: [{ place: 'req', token: tuple({ user: field(v('x'), 'user'), role: c(1) }) }],
      }),
      "transition 't' output arc 0 (place 'req') token: field 'role' is int, colour Req wants {doctor|nurse}",
    ],
    [
      'non-boolean when',
      netWith({ id: 't', outputs: [{ place: 'q', when: c(1) }] }),
      "transition 't' output arc 0 (place 'q') when: must be bool, got int",
    ],
    [
      'function applied with two signatures',
      {
        name: 'n',
        places: [{ id: 'c', colour: colourSet('C', { ct: Ct, n: intType() }) }],
        transitions: [
          { id: 't1', outputs: [{ place: 'c', token: tuple({ ct: app('enc', [c(1)], Ct), n: c(0) }) }] },
          { id: 't2', outputs: [{ place: 'c', token: tuple({ ct: app('enc', [c(true)], Ct), n: c(0) }) }] },
        ],
      },
      "transition 't2' output arc 0 (place 'c') token: function 'enc' is applied as (bool) → opaque<ct> but as (int) → opaque<ct> in transition 't1' output arc 0 (place 'c') token",
    ],
    [
      'meta value that is not a string',
      netWith({ id: 't', meta: { rule: 31 as never } }),
      "transition 't' meta 'rule': must be a string",
    ],
  ])('rejects %s', (_, spec, message) => {
    let error: unknown;
    try {
      defineNet(spec);
    } catch (e) {
      error = e;
    }
    expect(isNetDefinitionError(error)).toBe(true);
    expect((error as Error).message).toBe(message);
  });
});
