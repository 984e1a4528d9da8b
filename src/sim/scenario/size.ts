/**
 * File sizes: `512B`, `64KiB`, `2048KB`, `1MiB`, or a bare number of bytes. Decimal units (KB =
 * 1000) and binary units (KiB = 1024) are both accepted because the paper reports its sizes in KB
 * while memory is counted in KiB; the unit must be spelled exactly so `kb` is never guessed at.
 */
import { invalidValue, parsedValue, type ValueParse } from './value-parse.ts';

const UNIT_BYTES = {
  B: 1,
  KB: 1000,
  KiB: 1024,
  MB: 1000 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  GiB: 1024 ** 3,
} as const;

/** The size syntax, shared by the parser and the published JSON Schema. */
export const SIZE_PATTERN = /^(\d+)(B|KB|KiB|MB|MiB|GB|GiB)$/;

/** Runs keep files in memory, so a scenario may not ask for more than this per file. */
export const MAX_SIZE_BYTES = UNIT_BYTES.GiB;

/** The size syntax in words, for descriptions and error messages. */
export const SIZE_RULE =
  'a size: whole bytes (4096) or a whole number with a unit B, KB, KiB, MB, MiB, GB, GiB ' +
  '(KB = 1000 bytes, KiB = 1024), from 1B to 1GiB, e.g. 64KiB';

/** Reads a size in bytes; `text` may be a number of bytes (YAML `size: 4096`) or `<digits><unit>`. */
export function parseSize(text: string | number): ValueParse {
  let bytes: number;
  if (typeof text === 'number') {
    if (!Number.isInteger(text)) return invalidValue(`${text} is not a whole number of bytes`);
    bytes = text;
  } else {
    const match = SIZE_PATTERN.exec(text);
    if (match === null) return invalidValue(`'${text}' is not ${SIZE_RULE}`);
    bytes = Number(match[1]) * UNIT_BYTES[match[2] as keyof typeof UNIT_BYTES];
  }
  if (bytes < 1) return invalidValue('a file has at least 1 byte');
  if (bytes > MAX_SIZE_BYTES) return invalidValue(`${text} is more than the 1GiB a run keeps in memory`);
  return parsedValue(bytes);
}
