/** Simulated instants in step details, readable as UTC (`2026-01-01T01:30:00Z`) rather than unix seconds. */

/** `seconds` (unix) as an ISO 8601 instant to the second. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
