/**
 * fast-check generators of small random P/T nets, shared by the PNML round-trip, the explorer and the
 * fast-path-versus-general-engine properties. Nets may be unbounded: callers cap the search.
 */
import fc from 'fast-check';
import { definePtNet, type PtArc, type PtNet } from '../../src/model/pt-net.ts';

export type PtNetShape = Readonly<{
  maxPlaces: number;
  maxTransitions: number;
  maxWeight: number;
  maxInitial: number;
  /** Use ids and names with XML-special and non-ASCII characters (for the PNML round trip). */
  awkwardText: boolean;
  /**
   * Every transition consumes at least one token and produces no more than it consumes, so the
   * token total never grows and the state space is finite (and usually larger than random nets').
   */
  conservative: boolean;
}>;

const SMALL: PtNetShape = {
  maxPlaces: 5,
  maxTransitions: 6,
  maxWeight: 3,
  maxInitial: 3,
  awkwardText: false,
  conservative: false,
};

/** Caps output weights so they sum to at most what the transition consumes. */
const conserve = (pre: readonly PtArc[], post: readonly PtArc[]): readonly PtArc[] => {
  let budget = pre.reduce((sum, [, weight]) => sum + weight, 0);
  const kept: PtArc[] = [];
  for (const [place, weight] of post) {
    const capped = Math.min(weight, budget);
    if (capped > 0) kept.push([place, capped]);
    budget -= capped;
  }
  return kept;
};

const awkward = fc.string({
  unit: fc.constantFrom('a', 'Z', '&', '<', '>', '"', "'", 'é', '→', ' ', '_'),
  maxLength: 4,
});

const arcs = (places: number, maxWeight: number, minLength: number): fc.Arbitrary<readonly PtArc[]> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: places - 1 }), { minLength, maxLength: Math.min(places, 3) })
    .chain((targets) =>
      fc
        .array(fc.integer({ min: 1, max: maxWeight }), {
          minLength: targets.length,
          maxLength: targets.length,
        })
        .map((weights) => targets.map((place, index): PtArc => [place, weights[index]!])),
    );

/** Random small P/T nets, validated by `definePtNet`. */
export const ptNetArbitrary = (shape: Partial<PtNetShape> = {}): fc.Arbitrary<PtNet> => {
  const { maxPlaces, maxTransitions, maxWeight, maxInitial, awkwardText, conservative } = {
    ...SMALL,
    ...shape,
  };
  const text = awkwardText ? awkward : fc.constant('');
  return fc
    .record({
      places: fc.integer({ min: 1, max: maxPlaces }),
      transitions: fc.integer({ min: 0, max: maxTransitions }),
    })
    .chain(({ places, transitions }) =>
      fc.record({
        name: text.map((suffix) => `net${suffix}`.trim()),
        places: fc.array(fc.record({ initial: fc.integer({ min: 0, max: maxInitial }), suffix: text }), {
          minLength: places,
          maxLength: places,
        }),
        transitions: fc.array(
          fc.record({
            pre: arcs(places, maxWeight, conservative ? 1 : 0),
            post: arcs(places, maxWeight, 0),
            suffix: text,
          }),
          { minLength: transitions, maxLength: transitions },
        ),
      }),
    )
    .map((raw) =>
      definePtNet({
        name: raw.name,
        places: raw.places.map((place, index) => ({
          id: `p${index}${place.suffix}`,
          name: `P${place.suffix}${index}`,
          initial: place.initial,
        })),
        transitions: raw.transitions.map((transition, index) => ({
          id: `t${index}${transition.suffix}`,
          name: `T${transition.suffix}${index}`,
          pre: transition.pre,
          post: conservative ? conserve(transition.pre, transition.post) : transition.post,
        })),
      }),
    );
};
