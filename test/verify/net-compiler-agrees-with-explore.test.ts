import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  and,
  c,
  colourSet,
  defineNet,
  enumType,
  eq,
  explore,
  field,
  intType,
  lt,
  type Marking,
  type Net,
  ne,
  tuple,
  UNIT,
  v,
} from '../../src/model/index.ts';
import { abstractFunctions, netInstanceOf, sesphrNet } from '../../src/protocol/net/index.ts';
import { bddReachability } from '../../src/verify/bdd-reachability.ts';
import { successors } from '../../src/verify/interpreter.ts';
import { compileNet } from '../../src/verify/net-compiler.ts';
import { stateOfMarking } from '../../src/verify/net-places.ts';
import { NetCompileError } from '../../src/verify/net-universe.ts';
import { SESPHR_RECORDS } from '../../src/verify/sesphr-verification.ts';
import type { State } from '../../src/verify/trace.ts';
import type { TransitionSystem } from '../../src/verify/transition-system.ts';

const who = enumType(['ann', 'ben']);
const account = colourSet('Account', { who, balance: intType(0, 3) });
const log = colourSet('Log', { who, n: intType(0, 3) });
const names = colourSet('Names', { who });

/**
 * Two accounts (a record place keyed by `who`), a log of the balances passed (a set place, kept
 * one-safe by an inhibitor arc with `where`), the names (a static place) and a lock (a UNIT
 * place, refilled only when empty): every kind of place, arc and condition the compiler handles,
 * on a one-safe net as the compiler requires.
 */
function bank(limit: number, ann: number, ben: number): Net {
  return defineNet({
    name: 'bank',
    places: [
      {
        id: 'Account',
        colour: account,
        initial: [{ token: { who: 'ann', balance: ann } }, { token: { who: 'ben', balance: ben } }],
      },
      { id: 'Log', colour: log },
      { id: 'Names', colour: names, initial: [{ token: { who: 'ann' } }, { token: { who: 'ben' } }] },
      { id: 'Lock', colour: UNIT, initial: 1 },
    ],
    transitions: [
      {
        id: 'Deposit',
        inputs: [
          { kind: 'consume', place: 'Account', bind: 'a' },
          { kind: 'read', place: 'Names', bind: 'nm' },
          {
            kind: 'inhibit',
            place: 'Log',
            bind: 'l',
            where: and(
              eq(field(v('l'), 'who'), field(v('a'), 'who')),
              eq(field(v('l'), 'n'), field(v('a'), 'balance')),
            ),
          },
        ],
        guard: and(eq(field(v('a'), 'who'), field(v('nm'), 'who')), lt(field(v('a'), 'balance'), c(limit))),
        outputs: [
          {
            place: 'Account',
            token: tuple({ who: field(v('a'), 'who'), balance: add(field(v('a'), 'balance'), c(1)) }),
          },
          {
            place: 'Log',
            token: tuple({ who: field(v('a'), 'who'), n: field(v('a'), 'balance') }),
            when: lt(c(0), field(v('a'), 'balance')),
          },
        ],
      },
      {
        id: 'Settle',
        inputs: [
          { kind: 'consume', place: 'Lock' },
          { kind: 'consume', place: 'Account', bind: 'a' },
          { kind: 'read', place: 'Account', bind: 'b' },
        ],
        guard: and(ne(field(v('a'), 'who'), field(v('b'), 'who')), eq(field(v('b'), 'balance'), c(limit))),
        outputs: [{ place: 'Account', token: tuple({ who: field(v('a'), 'who'), balance: c(0) }) }],
      },
      {
        id: 'Forget',
        inputs: [
          { kind: 'consume', place: 'Log', bind: 'l' },
          { kind: 'inhibit', place: 'Lock' },
        ],
        outputs: [{ place: 'Lock', when: eq(field(v('l'), 'who'), c('ann', who)) }],
      },
    ],
  });
}

/** Every state of `ts` reachable from `initial`, through the interpreter. */
function reachable(ts: TransitionSystem, initial: State): ReadonlySet<string> {
  const key = (s: State) => JSON.stringify(ts.vars.map((x) => s[x.name]));
  const seen = new Set([key(initial)]);
  let frontier = [initial];
  while (frontier.length > 0) {
    const next: State[] = [];
    for (const s of frontier) {
      for (const step of successors(ts, s)) {
        const k = key(step.state);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push(step.state);
      }
    }
    frontier = next;
  }
  return seen;
}

describe('the compiled system reaches exactly the markings the net reaches', () => {
  it('on a small net with every kind of place and arc, for random bounds and start balances', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((limit) =>
            fc.tuple(
              fc.constant(limit),
              fc.integer({ min: 0, max: limit }),
              fc.integer({ min: 0, max: limit }),
            ),
          ),
        ([limit, ann, ben]) => {
          const net = bank(limit, ann, ben);
          const compiled = compileNet(net, { records: { Account: ['who'] } });
          const states = reachable(compiled.system, compiled.initialState);
          const markings: Marking[] = [];
          const result = explore(net, { invariant: { name: 'collect', holds: (m) => markings.push(m) > 0 } });
          expect(result.complete).toBe(true);
          expect(states.size).toBe(result.states);
          const key = (s: State) => JSON.stringify(compiled.system.vars.map((x) => s[x.name]));
          for (const m of markings) expect(states.has(key(stateOfMarking(compiled.layout, m)))).toBe(true);
          expect(bddReachability(compiled.system, [], { timeoutMs: 30_000 }).states).toBe(result.states);
        },
      ),
      { seed: 4_2026, numRuns: 12 },
    );
  });

  it('refuses a record place whose token is taken and not put back', () => {
    const net = bank(2, 0, 0);
    const broken = defineNet({
      ...net,
      transitions: [
        ...net.transitions,
        { id: 'Close', inputs: [{ kind: 'consume', place: 'Account', bind: 'a' }] },
      ],
    });
    expect(() => compileNet(broken, { records: { Account: ['who'] } })).toThrow(NetCompileError);
    expect(() => compileNet(broken, { records: { Account: ['who'] } })).toThrow(/does not put it back/);
  });
});

describe('the SeSPHR net of one owner, one partition, one file', () => {
  it('compiles to a system with exactly the 6339 reachable states explore counts', () => {
    const instance = netInstanceOf({
      principals: [{ name: 'alice', role: 'owner', status: 'approved' }],
      owners: { alice: { partitions: { medical: 1 }, grants: {}, history: 'all', consent: false } },
      files: ['f1'],
      trackRefusals: false,
    });
    const net = sesphrNet(instance);
    const compiled = compileNet(net, { records: SESPHR_RECORDS });
    const run = bddReachability(compiled.system, [], { timeoutMs: 30_000 });
    expect(run.complete).toBe(true);
    expect(run.states).toBe(6339);
    expect(explore(net, { functions: abstractFunctions }).states).toBe(6339);
  });
});
