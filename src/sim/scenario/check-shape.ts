/**
 * Pass one of loading: is the parsed YAML shaped like a scenario? The file apart from its steps
 * is checked with the envelope schema in one go; each step is then told apart by its operation
 * key and checked against that operation's own schema, so a bad step gets "request.partition:
 * missing" rather than the "no alternative matched" a union of twenty operations would give.
 */
import { didYouMean } from './did-you-mean.ts';
import { type RawEnvelope, scenarioEnvelopeSchema } from './file-schema.ts';
import {
  argsVariant,
  isOperationName,
  OPERATION_NAMES,
  type OperationName,
  type OutcomeOf,
  type RawArgsOf,
  stepSchemaOf,
} from './operations.ts';
import type { DocumentPath, PathProblem } from './problem.ts';
import { describeValue, problemsFromIssues } from './zod-issues.ts';

/** A shape-checked step, as written: its operation, arguments and expectation. */
export type RawStep = {
  readonly [Op in OperationName]: {
    readonly op: Op;
    readonly args: RawArgsOf<Op>;
    readonly expect?: OutcomeOf<Op>;
  };
}[OperationName];

/** The outcome of pass one. */
export type ShapeCheck =
  | { readonly kind: 'ok'; readonly envelope: RawEnvelope; readonly steps: readonly RawStep[] }
  | { readonly kind: 'invalid'; readonly problems: readonly PathProblem[] };

const STEP_EXAMPLE = '- request: { user: bob, file: f1, partition: medical }';

const isPlainMap = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** Checks one step; `step` is the parsed value of `steps[index]`. */
function checkStep(step: unknown, index: number): { step?: RawStep; problems: PathProblem[] } {
  const path: DocumentPath = ['steps', index];
  if (!isPlainMap(step)) {
    const message = `expected a step: one operation as key, its arguments as value (${STEP_EXAMPLE}); got ${describeValue(step)}`;
    return { problems: [{ path, target: 'value', message }] };
  }
  const keys = Object.keys(step).filter((key) => key !== 'expect');
  const known = keys.filter(isOperationName);
  const problems: PathProblem[] = [];
  if (keys.length === 0) {
    const message = `a step needs an operation as key; allowed: ${OPERATION_NAMES.join(', ')}`;
    problems.push({ path, target: 'value', message });
  }
  for (const key of keys) {
    if (isOperationName(key)) {
      if (key === known[0]) continue;
      const message = `a step holds one operation and this one already has '${known[0]}'; give '${key}' a step of its own`;
      problems.push({ path: [...path, key], target: 'key', message });
    } else if (known.length === 0) {
      const message = `unknown operation '${key}';${didYouMean(key, OPERATION_NAMES)} allowed: ${OPERATION_NAMES.join(', ')}`;
      problems.push({ path: [...path, key], target: 'key', message });
    } else {
      const message = `unknown key '${key}';${didYouMean(key, ['expect'])} a step holds one operation (here '${known[0]}') and an optional expect`;
      problems.push({ path: [...path, key], target: 'key', message });
    }
  }
  const op = known[0];
  if (problems.length > 0 || op === undefined) return { problems };
  const args = step[op];
  const schema = stepSchemaOf(op, isPlainMap(args) ? argsVariant(op, args) : undefined);
  const result = schema.safeParse(step);
  if (!result.success) return { problems: problemsFromIssues(result.error.issues, schema, step, path) };
  const { expect } = result.data as { expect?: string };
  const raw = { op, args: result.data[op], ...(expect === undefined ? {} : { expect }) };
  // The schema just checked `args` and `expect` against `op`'s own schema: the pairing holds.
  return { step: raw as RawStep, problems: [] };
}

/** Checks the shape of a whole parsed file. */
export function checkShape(data: unknown): ShapeCheck {
  const envelope = scenarioEnvelopeSchema.safeParse(data);
  const problems: PathProblem[] = envelope.success
    ? []
    : problemsFromIssues(envelope.error.issues, scenarioEnvelopeSchema, data);
  const steps: RawStep[] = [];
  const given = isPlainMap(data) ? data.steps : undefined;
  if (Array.isArray(given)) {
    for (const [index, step] of given.entries()) {
      const checked = checkStep(step, index);
      problems.push(...checked.problems);
      if (checked.step !== undefined) steps.push(checked.step);
    }
  }
  if (!envelope.success || problems.length > 0) return { kind: 'invalid', problems };
  const { steps: _, ...rest } = envelope.data;
  return { kind: 'ok', envelope: rest, steps };
}
