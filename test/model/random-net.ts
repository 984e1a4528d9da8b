/**
 * Seeded generator of small coloured nets for the firing-law properties: up to four places (UNIT or
 * a colour with one int field in 0..2), up to four transitions with consume (weights 1–2), read and
 * inhibitor arcs, optional guards and `where`/`when` conditions, and outputs built from bound
 * variables. Every net it builds passes `defineNet`.
 */
import {
  and,
  type ColourSet,
  c,
  colourSet,
  defineNet,
  type Expr,
  eq,
  field,
  type InputArcSpec,
  intType,
  ite,
  le,
  type Net,
  ne,
  type OutputArcSpec,
  type PlaceSpec,
  type TransitionSpec,
  tuple,
  UNIT,
  v,
} from '../../src/model/index.ts';
import { createRandom, type Random } from '../../src/model/random.ts';

export const N: ColourSet = colourSet('N', { n: intType(0, 2) });

function pick<T>(r: Random, xs: readonly T[]): T {
  return xs[r.nextInt(xs.length)]!;
}

/** A value in 0..2 built from the bound N-variables (or a constant when there are none). */
function intExpr(r: Random, vars: readonly string[]): Expr {
  const leaf = (): Expr =>
    vars.length > 0 && r.nextInt(3) > 0 ? field(v(pick(r, vars)), 'n') : c(r.nextInt(3));
  return r.nextInt(4) === 0 ? ite(le(leaf(), leaf()), leaf(), leaf()) : leaf();
}

function condition(r: Random, vars: readonly string[]): Expr {
  const cmp = (): Expr => {
    const a = intExpr(r, vars);
    const b = intExpr(r, vars);
    return pick(r, [eq, ne, le])(a, b);
  };
  return r.nextInt(2) === 0 ? cmp() : and(cmp(), cmp());
}

export function randomNet(seed: number): Net {
  const r = createRandom(seed);
  const places: PlaceSpec[] = [];
  const nPlaces = 1 + r.nextInt(4);
  for (let i = 0; i < nPlaces; i++) {
    if (r.nextInt(2) === 0) {
      places.push({ id: `p${i}`, colour: UNIT, initial: r.nextInt(3) });
    } else {
      const initial = [0, 1, 2].flatMap((n) => {
        const count = r.nextInt(3);
        return count === 0 ? [] : [{ token: { n }, count }];
      });
      places.push({ id: `p${i}`, colour: N, initial });
    }
  }
  const coloured = (id: string): boolean => places.find((p) => p.id === id)!.colour === N;
  const transitions: TransitionSpec[] = [];
  const nTransitions = 1 + r.nextInt(4);
  for (let t = 0; t < nTransitions; t++) {
    const inputs: InputArcSpec[] = [];
    const nVars: string[] = [];
    const inhibitors: { place: string; bind: string }[] = [];
    const nInputs = r.nextInt(4);
    for (let a = 0; a < nInputs; a++) {
      const place = pick(r, places).id;
      const kind = r.nextInt(5);
      const bind = `x${a}`;
      if (kind <= 2) {
        const weight = 1 + r.nextInt(2);
        if (coloured(place)) {
          inputs.push({ kind: 'consume', place, bind, weight });
          nVars.push(bind);
        } else if (r.nextInt(2) === 0) {
          inputs.push({ kind: 'consume', place, weight });
        } else {
          inputs.push({ kind: 'consume', place, bind, weight });
        }
      } else if (kind === 3) {
        inputs.push({ kind: 'read', place, bind });
        if (coloured(place)) nVars.push(bind);
      } else {
        inhibitors.push({ place, bind: `i${a}` });
      }
    }
    for (const inh of inhibitors) {
      if (coloured(inh.place) && r.nextInt(2) === 0) {
        const where = eq(field(v(inh.bind), 'n'), intExpr(r, nVars));
        inputs.push({ kind: 'inhibit', place: inh.place, bind: inh.bind, where });
      } else {
        inputs.push({ kind: 'inhibit', place: inh.place, bind: inh.bind });
      }
    }
    const outputs: OutputArcSpec[] = [];
    const nOutputs = r.nextInt(4);
    for (let o = 0; o < nOutputs; o++) {
      const place = pick(r, places).id;
      const weight = 1 + r.nextInt(2);
      const when = r.nextInt(3) === 0 ? { when: condition(r, nVars) } : {};
      outputs.push(
        coloured(place)
          ? { place, token: tuple({ n: intExpr(r, nVars) }), weight, ...when }
          : { place, weight, ...when },
      );
    }
    const guard = r.nextInt(2) === 0 ? { guard: condition(r, nVars) } : {};
    transitions.push({ id: `t${t}`, inputs, outputs, ...guard });
  }
  return defineNet({ name: `random-${seed}`, places, transitions });
}
