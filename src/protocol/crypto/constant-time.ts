/**
 * Equality of secrets without an early exit, so that the time a check takes does not tell an
 * attacker how many leading bytes of a guessed code or tag were right.
 */

/**
 * True when `a` and `b` hold the same bytes. The loop always visits every byte; only the lengths,
 * which are public (a code has a known number of digits), may end it early.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
