/**
 * Instants on the simulated clock, in whole unix seconds. A scenario writes them as ISO 8601
 * instants with an explicit zone (`2026-03-01T09:00:00Z`, `…+01:00`) or as offsets from its start
 * (`+2h`), so a file reads the same on every machine and in every time zone.
 */
import { DURATION_BODY, parseDuration } from './duration.ts';
import { invalidValue, parsedValue, type ValueParse } from './value-parse.ts';

const INSTANT_BODY = '(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:Z|([+-])(\\d{2}):(\\d{2}))';

/** An ISO 8601 instant to the second with a zone, shared by the parser and the JSON Schema. */
export const INSTANT_PATTERN = new RegExp(`^${INSTANT_BODY}$`);

/** An instant or a `+duration` offset from the scenario's start. */
export const TIME_PATTERN = new RegExp(`^(?:${INSTANT_BODY}|\\+${DURATION_BODY})$`);

/** The instant syntax in words, for descriptions and error messages. */
export const INSTANT_RULE = 'an ISO 8601 instant to the second with a zone, e.g. 2026-01-01T00:00:00Z';

/** The time syntax in words, for descriptions and error messages. */
export const TIME_RULE = `a time: ${INSTANT_RULE}, or an offset from the start such as +90s, +30m, +2h, +1d`;

/** The clock's start when a scenario names none: 2026-01-01T00:00:00Z. */
export const DEFAULT_START_SECONDS = 1_767_225_600;

/** Reads an ISO 8601 instant, refusing dates and times that do not exist (2026-02-30, 24:00:00). */
export function parseInstant(text: string): ValueParse {
  const match = INSTANT_PATTERN.exec(text);
  if (match === null) return invalidValue(`'${text}' is not ${INSTANT_RULE}`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return invalidValue(`'${text}': ${match[1]}-${match[2]}-${match[3]} is not a date`);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return invalidValue(`'${text}': ${match[4]}:${match[5]}:${match[6]} is not a time of day`);
  }
  let zoneSeconds = 0;
  if (match[7] !== undefined) {
    const zoneHours = Number(match[8]);
    const zoneMinutes = Number(match[9]);
    if (zoneHours > 23 || zoneMinutes > 59) {
      return invalidValue(`'${text}': ${match[7]}${match[8]}:${match[9]} is not a zone offset`);
    }
    zoneSeconds = (match[7] === '+' ? 1 : -1) * (zoneHours * 3_600 + zoneMinutes * 60);
  }
  return parsedValue(date.getTime() / 1000 + hour * 3_600 + minute * 60 + second - zoneSeconds);
}

/** Reads a time, resolving a `+duration` offset against `startSeconds`. */
export function parseTime(text: string, startSeconds: number): ValueParse {
  if (text.startsWith('+')) {
    const offset = parseDuration(text.slice(1));
    if (offset.kind === 'invalid') return invalidValue(`'${text}' is not ${TIME_RULE}`);
    return parsedValue(startSeconds + offset.value);
  }
  if (!INSTANT_PATTERN.test(text)) return invalidValue(`'${text}' is not ${TIME_RULE}`);
  return parseInstant(text);
}
