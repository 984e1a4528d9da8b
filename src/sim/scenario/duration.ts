/**
 * Durations: `45s`, `30m`, `2h`, `1d`, and compounds in that order such as `1d12h` or `1h30m`.
 * They move the simulated clock (`tick`) and offset times from the scenario's start (`+2h`).
 */
import { invalidValue, parsedValue, type ValueParse } from './value-parse.ts';

/** The body of a duration without anchors, so the time syntax can reuse it after a `+`. */
export const DURATION_BODY = '(?=\\d)(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?';

/** The duration syntax, shared by the parser and the published JSON Schema. */
export const DURATION_PATTERN = new RegExp(`^${DURATION_BODY}$`);

/**
 * Ten thousand years: longer than any meaningful simulation, and small enough that a start plus
 * any duration stays an exact integer number of seconds.
 */
export const MAX_DURATION_SECONDS = 10_000 * 366 * 86_400;

/** The duration syntax in words, for descriptions and error messages. */
export const DURATION_RULE =
  'a duration: whole days, hours, minutes, seconds in that order, e.g. 45s, 30m, 2h, 1d, 1h30m';

const UNIT_SECONDS = [86_400, 3_600, 60, 1] as const;

/** Reads a duration in seconds; zero is allowed here (`+0s` is the start) and refused by `tick`. */
export function parseDuration(text: string): ValueParse {
  const match = DURATION_PATTERN.exec(text);
  if (match === null) return invalidValue(`'${text}' is not ${DURATION_RULE}`);
  let seconds = 0;
  for (const [i, unit] of UNIT_SECONDS.entries()) {
    const digits = match[i + 1];
    if (digits !== undefined) seconds += Number(digits) * unit;
  }
  if (seconds > MAX_DURATION_SECONDS) return invalidValue(`'${text}' is longer than 10000 years`);
  return parsedValue(seconds);
}
