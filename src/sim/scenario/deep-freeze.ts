/**
 * Freezes a value and everything reachable from it. A loaded scenario is shared by the runner,
 * the stepper and the shrinker; freezing it makes an accidental edit by one of them throw (in
 * strict mode) instead of silently changing what the others replay.
 */

/** Freezes `value` deeply and returns it, typed as the readonly value it now is. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
