/**
 * The zod schemas of the format's leaf values. Each carries a description that is both the
 * editor's hover text in the published JSON Schema and the "expected …" part of a loader error,
 * and each string syntax is checked by the same parser the loader resolves it with.
 */
import { z } from 'zod';
import { DURATION_PATTERN, DURATION_RULE, parseDuration } from './duration.ts';
import { NAME_PATTERN, NAME_RULE } from './names.ts';
import { parseSize, SIZE_PATTERN, SIZE_RULE } from './size.ts';
import { INSTANT_PATTERN, INSTANT_RULE, parseInstant, parseTime, TIME_PATTERN, TIME_RULE } from './time.ts';
import type { ValueParse } from './value-parse.ts';
import { ROLES, USER_ROLES } from './vocabulary.ts';

/** A string matching `pattern` (published in the JSON Schema) that `parse` also accepts. */
function parsedString(pattern: RegExp, parse: (text: string) => ValueParse, rule: string) {
  return z
    .string()
    .regex(pattern, { abort: true })
    .superRefine((text, ctx) => {
      const result = parse(text);
      if (result.kind === 'invalid') ctx.addIssue({ code: 'custom', message: result.reason });
    })
    .describe(rule);
}

/** A name in the scenario: a principal, a file or a partition label. */
export const nameSchema = (what: string) => z.string().regex(NAME_PATTERN).describe(`${what}: ${NAME_RULE}`);

/** Any declared principal. */
export const principalSchema = nameSchema('a declared principal');
/** A declared principal whose role is owner. */
export const ownerSchema = nameSchema('a declared principal with role owner');
/** A file, named by its upload step. */
export const fileSchema = nameSchema('a file name, chosen by its upload step');
/** A partition label of the relevant owner. */
export const partitionSchema = nameSchema("a partition label of the file's owner");
/** A non-empty list of an owner's partition labels. */
export const partitionListSchema = z
  .array(nameSchema("a partition label of the owner's"))
  .min(1)
  .describe("a non-empty list of the owner's partition labels, e.g. [personal, medical]");

/** Any role. */
export const roleSchema = z.enum(ROLES).describe(`a role: ${ROLES.join(', ')}`);
/** A role other than owner. */
export const userRoleSchema = z.enum(USER_ROLES).describe(`a user role: ${USER_ROLES.join(', ')}`);

/** A partition version: 1 is written by the upload, each update adds one. */
export const versionSchema = z
  .int()
  .min(1)
  .describe('a partition version: 1 is the upload, each update adds one (default: the current version)');

/** A file size: bytes or `<digits><unit>`. */
export const sizeSchema = z
  .union([z.int(), parsedString(SIZE_PATTERN, parseSize, SIZE_RULE)])
  .superRefine((bytes, ctx) => {
    if (typeof bytes !== 'number') return;
    const result = parseSize(bytes);
    if (result.kind === 'invalid') ctx.addIssue({ code: 'custom', message: result.reason });
  })
  .describe(SIZE_RULE);

/** An instant or an offset from the scenario's start. */
export const timeSchema = parsedString(TIME_PATTERN, (text) => parseTime(text, 0), TIME_RULE);
/** An absolute instant (the scenario's start cannot be relative to itself). */
export const instantSchema = parsedString(INSTANT_PATTERN, parseInstant, INSTANT_RULE);
/** A positive duration. */
export const durationSchema = parsedString(
  DURATION_PATTERN,
  (text) => {
    const result = parseDuration(text);
    return result.kind === 'ok' && result.value === 0
      ? { kind: 'invalid', reason: 'a tick moves the clock forward: the duration must be more than 0s' }
      : result;
  },
  DURATION_RULE,
);
