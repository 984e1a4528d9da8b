/**
 * Whether a step met its `expect`. Kept apart and pure so the runner, the stepper and the
 * campaigns judge expectations the same way, whichever engine (protocol or net) produced the
 * outcome.
 */
import type { Outcome } from '../scenario/index.ts';

/** A step without `expect`, one whose outcome is the expected one, or one whose outcome is not. */
export type ExpectationCheck =
  | { readonly kind: 'unchecked'; readonly actual: Outcome }
  | { readonly kind: 'met'; readonly expected: Outcome; readonly actual: Outcome }
  | { readonly kind: 'unmet'; readonly expected: Outcome; readonly actual: Outcome };

/** Compares an outcome with what the step expected (if it expected anything). */
export function checkExpectation(expected: Outcome | undefined, actual: Outcome): ExpectationCheck {
  if (expected === undefined) return { kind: 'unchecked', actual };
  return expected === actual ? { kind: 'met', expected, actual } : { kind: 'unmet', expected, actual };
}

/** Whether a check lets the run pass: only `unmet` fails it. */
export function expectationHolds(check: ExpectationCheck): boolean {
  switch (check.kind) {
    case 'unchecked':
    case 'met':
      return true;
    case 'unmet':
      return false;
    default: {
      const never: never = check;
      return never;
    }
  }
}
