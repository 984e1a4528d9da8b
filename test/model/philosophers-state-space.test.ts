/**
 * Exact state spaces of dining philosophers, counted by hand.
 *
 * Atomic take: a state is the set of eating philosophers, which must be pairwise non-adjacent on the
 * ring: for 3 philosophers {} and three singletons = 4 states; edges: `take` from {} plus `put` from
 * each singleton = 4. For 5: {} + 5 singletons + 5 non-adjacent pairs = 11 states; edges: 1 (take
 * from {}) + 5 × 2 (put, and take by a non-neighbour) + 5 × 1 (put) = 16.
 *
 * Left fork first, 3 philosophers: each is T (thinking), H (holding its left fork) or E (holding
 * both). With no E: 2^3 = 8 states; one E (say philosopher 0, forks 0 and 1): philosopher 1 must
 * think, philosopher 2 is T or H: 2 states × 3 = 6; two E would share a fork. 14 states. Edges:
 * TTT 1; one H 3 × 2; two H 3 × 2; HHH 0 (the deadlock); E·T·T 3 × 2 (put, left); E·T·H 3 × 1 = 22.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/model/index.ts';
import { philosophers } from './philosophers.ts';

describe('dining philosophers state space', () => {
  it.each([
    [3, true, { states: 4, edges: 4, deadlock: false }],
    [5, true, { states: 11, edges: 16, deadlock: false }],
    [3, false, { states: 14, edges: 22, deadlock: true }],
  ] as const)('%i philosophers, atomic=%s', (n, atomic, expected) => {
    const result = explore(philosophers(n, atomic));
    expect(result).toEqual({
      ...expected,
      // Every token is always somewhere: n philosopher tokens, and the forks not in use.
      maxTokensInPlace: n,
      maxTokensPerMarking: 2 * n,
      complete: true,
    });
  });
});
