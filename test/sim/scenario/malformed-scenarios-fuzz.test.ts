import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type ParseResult, parseScenario } from '../../../src/sim/scenario/parse-scenario.ts';
import { EVERY_OPERATION, fixtureText, ISSUE_EXAMPLE } from './fixtures.ts';

/** Whatever the input, the loader answers with a result, and every problem points into the text. */
function expectAnswered(text: string, result: ParseResult): void {
  if (result.kind === 'ok') return;
  expect(result.problems.length).toBeGreaterThanOrEqual(1);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const problem of result.problems) {
    expect(problem.file).toBe('fuzz.yaml');
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

const load = (text: string) => {
  const result = parseScenario(text, 'fuzz.yaml');
  expectAnswered(text, result);
  return result;
};

/** Characters that make YAML interesting: indicators, quotes, brackets, anchors, tabs, newlines. */
const yamlish = fc.string({
  unit: fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyz0123456789_.+-:,?!&*#|>%@`"\'[]{} \t\n\n\n'.split(''),
    'name: ',
    'steps:\n',
    '  - ',
    'principals: ',
    'owners: ',
    '{ role: owner }',
    'upload: ',
    'request: ',
    'expect: ',
    '&a ',
    '*a',
    '---\n',
    '\\u0000',
  ),
  maxLength: 120,
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in a JSON value, the root included. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const own: (string | number)[][] = [path];
  if (Array.isArray(value)) return own.concat(...value.map((item, i) => pathsOf(item, [...path, i])));
  if (value !== null && typeof value === 'object') {
    return own.concat(...Object.entries(value).map(([key, item]) => pathsOf(item, [...path, key])));
  }
  return own;
}

interface Mutation {
  readonly at: number;
  readonly kind: 'delete' | 'replace' | 'add-key' | 'rename';
  readonly value: Json;
  readonly key: string;
}

/** Applies one mutation to a fresh copy; the path is chosen by index among all paths. */
function mutate(value: Json, { at, kind, value: replacement, key }: Mutation): Json {
  const paths = pathsOf(value);
  const path = paths[at % paths.length]!;
  if (path.length === 0) return kind === 'replace' ? replacement : value;
  const copy = structuredClone(value);
  let parent: Json = copy;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[segment]!;
  const last = path[path.length - 1]!;
  const holder = parent as Record<string | number, Json>;
  if (kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete holder[last];
  } else if (kind === 'replace') {
    holder[last] = replacement;
  } else if (kind === 'add-key' && !Array.isArray(parent)) {
    holder[key] = replacement;
  } else if (kind === 'rename' && !Array.isArray(parent) && key !== last) {
    holder[key] = holder[last]!;
    delete holder[last];
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'add-key', 'rename'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>(
      '64KiB',
      '+2h',
      '1h30m',
      'alice',
      'bob',
      'f1',
      'medical',
      'owner',
      'ok',
      [],
      {},
      0,
      -1,
    ),
  ),
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('expect', 'user', 'file', 'size', 'window', 'version'),
  ),
});

describe('fuzzed scenario files', () => {
  it('random YAML-ish text is answered with a result, never an exception', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        load(text);
      }),
      { numRuns: 400 },
    );
  });

  it('random text after a valid head is answered with a result, never an exception', () => {
    const head = fixtureText(ISSUE_EXAMPLE);
    fc.assert(
      fc.property(fc.nat(), yamlish, (cut, tail) => {
        load(head.slice(0, cut % head.length) + tail);
      }),
      { numRuns: 200 },
    );
  });

  it.each([ISSUE_EXAMPLE, EVERY_OPERATION])(
    'mutations of %s are answered with a result, never an exception',
    (name) => {
      const valid = parse(fixtureText(name)) as Json;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const mutated = mutations.reduce(mutate, valid);
          load(stringify(mutated));
        }),
        { numRuns: 150 },
      );
    },
  );

  it('a mutation that changes nothing keeps the file valid', () => {
    const text = fixtureText(EVERY_OPERATION);
    expect(load(stringify(parse(text))).kind).toBe('ok');
  });
});
