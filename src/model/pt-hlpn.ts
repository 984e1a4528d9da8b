/**
 * Bridges between plain P/T nets (`PtNet`, what PNML imports to and the fast explorer runs) and the
 * general coloured engine (`Net`). A P/T net is the coloured net whose places all have the UNIT
 * colour, whose arcs only consume and produce weighted unit tokens, and which has no guards: the two
 * representations then have the same markings and the same firing rule, which is what lets the
 * engine's general explorer check the fast path (and lets PNML nets run in the simulator and stepper).
 */
import { defineNet, type Net } from './net.ts';
import { definePtNet, type PtArc, type PtNet, type PtTransition } from './pt-net.ts';

/** The net's name for the engine, which requires a non-empty one. */
const UNNAMED = 'pt-net';

/** The same net for the general engine: UNIT places, weighted consume arcs, unit-token outputs. */
export const ptToNet = (pt: PtNet): Net => {
  const placeIds = pt.places.map((place) => place.id);
  return defineNet({
    name: pt.name.length > 0 ? pt.name : UNNAMED,
    places: pt.places.map((place) => ({ id: place.id, name: place.name, initial: place.initial })),
    transitions: pt.transitions.map((transition) => ({
      id: transition.id,
      name: transition.name,
      inputs: transition.pre.map(([place, weight]) => ({
        kind: 'consume' as const,
        place: placeIds[place]!,
        weight,
      })),
      outputs: transition.post.map(([place, weight]) => ({ place: placeIds[place]!, weight })),
    })),
  });
};

const sumByPlace = (arcs: readonly (readonly [number, number])[]): PtArc[] => {
  const weights = new Map<number, number>();
  for (const [place, weight] of arcs) weights.set(place, (weights.get(place) ?? 0) + weight);
  return [...weights].map(([place, weight]) => [place, weight]);
};

/**
 * The P/T view of a coloured net, or `undefined` when it is not a plain P/T net: a place with a
 * colour other than UNIT, a read or inhibitor arc, a guard, or a conditional output. Several arcs
 * between the same place and transition become one arc with the summed weight. Throws `PtNetError`
 * when a place and a transition share an id (the engine allows it; PNML, and so `PtNet`, does not).
 */
export const netToPt = (net: Net): PtNet | undefined => {
  if (net.places.some((place) => place.colour.fields.length > 0)) return undefined;
  const index = new Map(net.places.map((place, i) => [place.id as string, i]));
  const transitions: PtTransition[] = [];
  for (const transition of net.transitions) {
    if (transition.guard !== undefined) return undefined;
    const pre: [number, number][] = [];
    for (const arc of transition.inputs) {
      if (arc.kind !== 'consume') return undefined;
      pre.push([index.get(arc.place)!, arc.weight ?? 1]);
    }
    const post: [number, number][] = [];
    for (const arc of transition.outputs) {
      if (arc.when !== undefined) return undefined;
      // On a UNIT place every token expression that type-checks is the unit token.
      post.push([index.get(arc.place)!, arc.weight ?? 1]);
    }
    transitions.push({
      id: transition.id,
      name: transition.name,
      pre: sumByPlace(pre),
      post: sumByPlace(post),
    });
  }
  return definePtNet({
    name: net.name,
    places: net.places.map((place) => ({
      id: place.id,
      name: place.name,
      initial: place.initial.reduce((sum, { count }) => sum + count, 0),
    })),
    transitions,
  });
};
