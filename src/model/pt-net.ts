/**
 * Plain place/transition nets: the shape PNML P/T files import to and the fast explorer consumes.
 *
 * A `PtNet` refers to places by index rather than by id so the explorer can compile it straight into
 * flat typed arrays; ids and names are kept for messages and for export. Nets are validated once, at
 * the boundary (`definePtNet`), so everything downstream may trust indexes and weights.
 */

/** An arc between a transition and a place: the place's index in `PtNet.places` and a positive weight. */
export type PtArc = readonly [place: number, weight: number];

/** A place with its initial token count. */
export type PtPlace = Readonly<{ id: string; name: string; initial: number }>;

/**
 * A transition with its input (`pre`) and output (`post`) arcs. Each place appears at most once per
 * list, so a weight is the whole demand or production of the transition on that place.
 */
export type PtTransition = Readonly<{
  id: string;
  name: string;
  pre: readonly PtArc[];
  post: readonly PtArc[];
}>;

/** A place/transition net (ISO/IEC 15909 P/T semantics: weighted arcs, no colours, no capacities). */
export type PtNet = Readonly<{
  name: string;
  places: readonly PtPlace[];
  transitions: readonly PtTransition[];
}>;

/** Raised when a net violates the P/T rules; the message names the offending element. */
export class PtNetError extends Error {
  override readonly name = 'PtNetError';
}

/** Type guard for `PtNetError`, for callers that catch broadly. */
export const isPtNetError = (error: unknown): error is PtNetError => error instanceof PtNetError;

/** Largest token count or arc weight we accept: the explorer packs counts into 31-bit fields. */
export const MAX_PT_COUNT = 0x7fff_ffff;

const assertCount = (value: number, what: string, min: number): number => {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_PT_COUNT) {
    throw new PtNetError(`${what} must be an integer in [${min}, ${MAX_PT_COUNT}], got ${String(value)}`);
  }
  return value;
};

const checkArcs = (
  arcs: readonly PtArc[],
  placeCount: number,
  transition: string,
  side: 'pre' | 'post',
): readonly PtArc[] => {
  const seen = new Set<number>();
  return Object.freeze(
    arcs.map(([place, weight]) => {
      if (!Number.isInteger(place) || place < 0 || place >= placeCount) {
        throw new PtNetError(
          `transition '${transition}' ${side} arc refers to place index ${String(place)}, ` +
            `expected an index in [0, ${placeCount - 1}]`,
        );
      }
      if (seen.has(place)) {
        throw new PtNetError(
          `transition '${transition}' has two ${side} arcs on place index ${place}; merge them into one weight`,
        );
      }
      seen.add(place);
      assertCount(weight, `weight of transition '${transition}' ${side} arc on place index ${place}`, 1);
      return Object.freeze([place, weight] as const);
    }),
  );
};

/**
 * Validates a P/T net and returns it frozen: ids unique across places and transitions (as PNML
 * requires), place indexes in range, one arc per place and direction, weights positive integers,
 * initial counts non-negative integers. Throws `PtNetError` naming the element otherwise.
 */
export const definePtNet = (spec: PtNet): PtNet => {
  const ids = new Set<string>();
  const claim = (id: string, kind: string): void => {
    if (id.length === 0) throw new PtNetError(`a ${kind} has an empty id`);
    if (ids.has(id)) throw new PtNetError(`duplicate id '${id}' (${kind}); ids must be unique in a net`);
    ids.add(id);
  };
  const places = spec.places.map((place) => {
    claim(place.id, 'place');
    assertCount(place.initial, `initial marking of place '${place.id}'`, 0);
    return Object.freeze({ id: place.id, name: place.name, initial: place.initial });
  });
  const transitions = spec.transitions.map((transition) => {
    claim(transition.id, 'transition');
    return Object.freeze({
      id: transition.id,
      name: transition.name,
      pre: checkArcs(transition.pre, places.length, transition.id, 'pre'),
      post: checkArcs(transition.post, places.length, transition.id, 'post'),
    });
  });
  return Object.freeze({
    name: spec.name,
    places: Object.freeze(places),
    transitions: Object.freeze(transitions),
  });
};
