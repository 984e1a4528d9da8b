/**
 * What is wrong with a scenario file, located precisely enough for an editor to jump to it:
 * `scenarios/x.yaml:14:7: steps[3].request.partition: 'medcal' is not a partition of alice; …`.
 */

/** One problem in one file. `line` and `column` count from 1; `path` is empty for YAML syntax. */
export interface ScenarioProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Where in the document, e.g. `steps[3].request.partition`. */
  readonly path: string;
  /** What is wrong and what is allowed there. */
  readonly message: string;
}

/** A path inside the document: map keys and list indices from the root. */
export type DocumentPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Writes a path the way the author would point at it: `owners.alice.grants.doctor[1]`. */
export function formatPath(path: DocumentPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** The conventional `file:line:column: path: message` form compilers use and editors link. */
export function formatProblem(problem: ScenarioProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === ''
    ? `${where}: ${problem.message}`
    : `${where}: ${problem.path}: ${problem.message}`;
}

/** A scenario that cannot be loaded, for callers that prefer throwing to matching on a result. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly problems: readonly ScenarioProblem[];

  constructor(problems: readonly ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = Object.freeze([...problems]);
  }
}

/** Tells a `ScenarioError` from any other error, e.g. to exit 2 (bad input) rather than crash. */
export const isScenarioError = (error: unknown): error is ScenarioError => error instanceof ScenarioError;

/**
 * A problem found on the parsed value, before it is placed in the source: the path, whether it is
 * about a key or a value there, and the message.
 */
export interface PathProblem {
  readonly path: DocumentPath;
  readonly target: 'key' | 'value';
  readonly message: string;
}
