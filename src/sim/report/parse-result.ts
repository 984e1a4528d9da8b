/**
 * Reading the result files other commands write (`sesphr run --json`, its `--trace`, `sesphr
 * verify --json`, bench.json). Each file is data from another process, possibly cut short or
 * hand-edited, so it is checked against its contract here and turned into a value or a problem
 * that says where the file is wrong; the page then shows the problem instead of crashing.
 */
import type { z } from 'zod';

/** A file's contents as a checked value, or why they are not one. */
export type ParseResult<T> =
  | { readonly kind: 'parsed'; readonly value: T }
  | { readonly kind: 'invalid'; readonly problem: string };

const invalid = (problem: string): ParseResult<never> => ({ kind: 'invalid', problem });

/** zod's first issue as `path: message` (the rest usually follow from the first). */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'does not match the expected shape';
  const path = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  return `${path}${issue.message}`;
}

/** Parses one JSON text with `schema`; the problem names what did not match. */
export function parseJsonWith<S extends z.ZodType>(text: string, schema: S): ParseResult<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalid(`not JSON: ${(error as Error).message}`);
  }
  const checked = schema.safeParse(json);
  return checked.success ? { kind: 'parsed', value: checked.data } : invalid(firstIssue(checked.error));
}

/**
 * Parses JSON Lines (one JSON value per line, blank lines ignored) with `schema` for each line;
 * the problem names the first bad line by its number.
 */
export function parseJsonLinesWith<S extends z.ZodType>(
  text: string,
  schema: S,
): ParseResult<readonly z.output<S>[]> {
  const values: z.output<S>[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim().length === 0) continue;
    const parsed = parseJsonWith(line, schema);
    switch (parsed.kind) {
      case 'parsed':
        values.push(parsed.value);
        break;
      case 'invalid':
        return invalid(`line ${i + 1}: ${parsed.problem}`);
      default: {
        const unreachable: never = parsed;
        return unreachable;
      }
    }
  }
  return { kind: 'parsed', value: Object.freeze(values) };
}
