import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRandom,
  enabledBindings,
  fire,
  type Marking,
  markingKey,
  type Net,
} from '../../src/model/index.ts';
import {
  abstractFunctions,
  type NetProperty,
  netInstanceOf,
  propertyPredicates,
  sesphrNet,
  startMarking,
} from '../../src/protocol/net/index.ts';
import { holds, successors } from '../../src/verify/interpreter.ts';
import { type CompiledNet, compileNet } from '../../src/verify/net-compiler.ts';
import { stateOfMarking } from '../../src/verify/net-places.ts';
import { DEFAULT_INSTANCE_OPTIONS, verificationWorld } from '../../src/verify/sesphr-instance.ts';
import { type MutantName, mutantNet } from '../../src/verify/sesphr-mutants.ts';
import { irProperty, monitorsOf, SESPHR_PROPERTIES } from '../../src/verify/sesphr-properties.ts';
import { SESPHR_RECORDS } from '../../src/verify/sesphr-verification.ts';
import type { State } from '../../src/verify/trace.ts';

const instance = netInstanceOf(verificationWorld('base', DEFAULT_INSTANCE_OPTIONS));
const base = SESPHR_PROPERTIES.filter((p) => p.instance === 'base');

/**
 * A seeded walk over the net, the markings visited. It fires only what changes the marking and
 * never revokes the owner's certificate, which would end every run at once.
 */
function walk(net: Net, seed: number, steps: number): Marking[] {
  const random = createRandom(seed);
  let m = startMarking(net);
  const out = [m];
  for (let i = 0; i < steps; i++) {
    const moves = enabledBindings(net, m, abstractFunctions)
      .filter((b) => !(b.transition === 'Revoke_cert' && b.vars.pu?.principal === 'alice'))
      .map((b) => fire(net, m, b, abstractFunctions))
      .flatMap((r) =>
        r.kind === 'fired' && markingKey(net, r.marking) !== markingKey(net, m) ? [r.marking] : [],
      );
    if (moves.length === 0) break;
    m = moves[random.nextInt(moves.length)]!;
    out.push(m);
  }
  return out;
}

interface Checked {
  readonly violated: Set<string>;
}

/** Along a walk: each net step is a step of the compiled system, and each property agrees with the net's. */
function checkWalk(net: Net, compiled: CompiledNet, seed: number, steps: number, seen: Checked): void {
  const stated = new Map<string, NetProperty>(propertyPredicates(net, instance).map((p) => [p.id, p]));
  const monitors = [...compiled.monitors.values()];
  const stateOf = (m: Marking): State => ({
    ...stateOfMarking(compiled.layout, m),
    ...Object.fromEntries(monitors.map((x) => [x, false])),
  });
  const key = (s: State) => JSON.stringify(compiled.system.vars.map((x) => s[x.name]));
  let previous: State | undefined;
  for (const m of walk(net, seed, steps)) {
    const state = stateOf(m);
    const next = successors(compiled.system, state);
    if (previous !== undefined && key(previous) !== key(state)) {
      const from = successors(compiled.system, previous).map((s) =>
        key({ ...s.state, ...Object.fromEntries(monitors.map((x) => [x, false])) }),
      );
      expect(from).toContain(key(state));
    }
    for (const p of base) {
      const net = stated.get(p.id)!.holds(m);
      const ir =
        p.monitor === undefined && p.id !== 'P11'
          ? holds(irProperty(p, compiled, stated.get(p.id)!).formula, state)
          : next.every((s) => holds(irProperty(p, compiled, stated.get(p.id)!).formula, s.state));
      expect({ property: p.id, holds: ir }).toEqual({ property: p.id, holds: net });
      if (!net) seen.violated.add(p.id);
    }
    previous = state;
  }
}

describe('the properties over the compiled net say what the net’s predicates say, marking by marking', () => {
  it('on seeded walks of the secure net, and of mutants that break P1, P4, P5, P10, P11, P12 and P13', () => {
    const seen: Checked = { violated: new Set() };
    const secure = sesphrNet(instance);
    const nets: [Net, number][] = [[secure, 60]];
    const mutants: MutantName[] = [
      'request-without-acl',
      'upload-in-the-clear',
      'ciphertext-to-srs',
      'request-without-window',
      'decrypt-without-tag-check',
      'download-without-consent',
      'download-without-authentication',
    ];
    for (const m of mutants) nets.push([mutantNet(secure, m), 40]);
    const compiled = nets.map(([net]) =>
      compileNet(net, { records: SESPHR_RECORDS, monitors: monitorsOf(base) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        nets.forEach(([net, steps], i) => {
          checkWalk(net, compiled[i]!, seed, steps, seen);
        });
      }),
      { seed: 9_2026, numRuns: 3 },
    );
    // The walks met violations of knowledge and of step properties, so both answers were compared.
    expect([...seen.violated].sort()).toEqual(expect.arrayContaining(['P11', 'P4', 'P5', 'P6']));
  });
});
