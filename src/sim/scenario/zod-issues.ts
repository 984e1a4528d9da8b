/**
 * Turns zod's issues into messages that say what is allowed at the spot, in the author's terms
 * ("expected a size: …; got '64kb'") rather than zod's ("Invalid string: must match pattern …").
 * What is allowed is read from the schema itself (its descriptions and key sets), so messages
 * follow the schema without a second list to keep in step.
 */
import { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import { isOperationName } from './operations.ts';
import type { DocumentPath, PathProblem } from './problem.ts';

/** Describes a value the way the author wrote it: `'medcal'`, `3`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `'${shown.replace(/\n/g, '\\n')}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp (quote it to keep it text)';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Set) return 'a set';
  return 'a map';
}

/** The schema that validates the value at `path` below `schema`, if the path leads anywhere. */
function schemaAt(schema: z.ZodType, path: DocumentPath): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (const segment of path) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (
      current instanceof z.ZodObject &&
      typeof segment === 'string' &&
      Object.hasOwn(current.shape, segment)
    ) {
      current = current.shape[segment] as z.ZodType;
    } else if (current instanceof z.ZodRecord && typeof segment === 'string') {
      current = current.valueType as z.ZodType;
    } else if (current instanceof z.ZodArray && typeof segment === 'number') {
      current = current.element as z.ZodType;
    } else if (current instanceof z.ZodTuple && typeof segment === 'number') {
      const item = current.def.items[segment];
      if (item === undefined) return undefined;
      current = item as z.ZodType;
    } else {
      return undefined;
    }
  }
  return current;
}

/** The keys a map at this schema may have, optional ones included; undefined when open. */
function allowedKeys(schema: z.ZodType | undefined): readonly string[] | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  if (current instanceof z.ZodObject) return Object.keys(current.shape);
  if (current instanceof z.ZodRecord && current.keyType instanceof z.ZodEnum) {
    return current.keyType.options.map(String);
  }
  return undefined;
}

/** What the schema accepts, in words: its description, else its key set or its type. */
export function expectedText(schema: z.ZodType | undefined): string {
  let current = schema;
  while (current instanceof z.ZodOptional && current.description === undefined) {
    current = current.unwrap() as z.ZodType;
  }
  if (current instanceof z.ZodObject) {
    const keys = Object.entries(current.shape).map(([key, value]) =>
      value instanceof z.ZodOptional ? `${key} (optional)` : key,
    );
    return keys.length === 0 ? 'an empty map' : `a map with ${keys.join(', ')}`;
  }
  if (current?.description !== undefined) return current.description;
  if (current instanceof z.ZodString) return 'text';
  if (current instanceof z.ZodBoolean) return 'true or false';
  if (current instanceof z.ZodNumber) return 'a number';
  if (current instanceof z.ZodArray) return 'a list';
  if (current instanceof z.ZodRecord) return 'a map';
  return 'something else';
}

function valueAt(data: unknown, path: DocumentPath): { readonly found: boolean; readonly value: unknown } {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<string | number, unknown>)[segment];
  }
  return { found: true, value: current };
}

/** The operation of the step holding `expect`, for "decrypt allows: ok, fails". */
function stepOperation(data: unknown, expectPath: DocumentPath): string | undefined {
  if (expectPath[expectPath.length - 1] !== 'expect') return undefined;
  const step = valueAt(data, expectPath.slice(0, -1)).value;
  if (typeof step !== 'object' || step === null) return undefined;
  return Object.keys(step).find(isOperationName);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Problems for the issues zod found validating `data` against `schema`. Paths in the problems
 * are `basePath` followed by the issue's path, `data` being the value found at `basePath`.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  data: unknown,
  basePath: DocumentPath = [],
): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const issue of issues) {
    const path = issue.path as DocumentPath;
    const fullPath = [...basePath, ...path];
    const { found, value } = valueAt(data, path);
    const expected = () => expectedText(schemaAt(schema, path));
    const add = (message: string, at: DocumentPath = fullPath, target: PathProblem['target'] = 'value') =>
      problems.push({ path: at, target, message });
    switch (issue.code) {
      case 'invalid_type':
      case 'invalid_union':
      case 'invalid_format':
        add(
          found ? `expected ${expected()}; got ${describeValue(value)}` : `missing; expected ${expected()}`,
        );
        break;
      case 'invalid_value': {
        const op = stepOperation(data, path);
        if (op !== undefined) {
          add(`${describeValue(value)} is not an outcome of ${op}; ${op} allows: ${issue.values.join(', ')}`);
        } else {
          add(`${describeValue(value)} is not allowed; allowed: ${issue.values.map(String).join(', ')}`);
        }
        break;
      }
      case 'too_small':
        if (issue.origin === 'array' && Number(issue.minimum) === 1)
          add(`must not be empty; expected ${expected()}`);
        else if (issue.origin === 'array') add(`needs at least ${plural(Number(issue.minimum), 'item')}`);
        else if (issue.origin === 'string') add(`must not be empty; expected ${expected()}`);
        else add(`must be at least ${issue.minimum}; got ${describeValue(value)}`);
        break;
      case 'too_big':
        if (issue.origin === 'array') add(`may have at most ${plural(Number(issue.maximum), 'item')}`);
        else add(`must be at most ${issue.maximum}; got ${describeValue(value)}`);
        break;
      case 'unrecognized_keys': {
        const allowed = allowedKeys(schemaAt(schema, path)) ?? [];
        for (const key of issue.keys) {
          add(
            `unknown key '${key}';${didYouMean(key, allowed)} allowed: ${allowed.join(', ')}`,
            [...fullPath, key],
            'key',
          );
        }
        break;
      }
      case 'invalid_key': {
        const record = schemaAt(schema, path.slice(0, -1));
        const keyType = record instanceof z.ZodRecord ? (record.keyType as z.ZodType) : undefined;
        add(
          `${describeValue(path[path.length - 1])} is not allowed as a key; expected ${expectedText(keyType)}`,
          fullPath,
          'key',
        );
        break;
      }
      case 'custom':
        add(issue.message);
        break;
      default:
        add(issue.message);
    }
  }
  return problems;
}
