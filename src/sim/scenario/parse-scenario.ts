/**
 * Loading a scenario from text, purely: YAML syntax, then shape (zod), then resolution, then
 * references. Every problem found is placed at its line and column; nothing throws on any input.
 */
import { LineCounter, parseDocument } from 'yaml';
import { checkReferences } from './check-references.ts';
import { checkShape } from './check-shape.ts';
import { deepFreeze } from './deep-freeze.ts';
import { formatPath, type PathProblem, ScenarioError, type ScenarioProblem } from './problem.ts';
import { resolveScenario } from './resolve.ts';
import type { Scenario } from './scenario.ts';
import { positionOf } from './yaml-positions.ts';

/** A loaded scenario, or every problem that keeps the text from being one. */
export type ParseResult =
  | { readonly kind: 'ok'; readonly scenario: Scenario }
  | { readonly kind: 'invalid'; readonly problems: readonly ScenarioProblem[] };

/** More aliases than a hand-written scenario ever needs; beyond it a file is an alias bomb. */
const MAX_ALIAS_COUNT = 100;

const byPosition = (a: ScenarioProblem, b: ScenarioProblem) => a.line - b.line || a.column - b.column;

function invalid(problems: ScenarioProblem[]): ParseResult {
  return { kind: 'invalid', problems: deepFreeze(problems.sort(byPosition)) };
}

/**
 * Parses and checks the scenario in `text`. `sourceName` names the text in problems and in the
 * scenario (usually its file path).
 */
export function parseScenario(text: string, sourceName: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return invalid(
      doc.errors.map((error) => ({
        file: sourceName,
        ...at(error.pos[0]),
        path: '',
        message: `YAML: ${error.message}`,
      })),
    );
  }
  const place = (problem: PathProblem): ScenarioProblem => ({
    file: sourceName,
    ...positionOf(doc, lines, problem.path, problem.target),
    path: formatPath(problem.path),
    message: problem.message,
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws only when expanding aliases goes past the limit.
    const message = `YAML: ${error instanceof Error ? error.message : String(error)}`;
    return invalid([place({ path: [], target: 'value', message })]);
  }
  const shape = checkShape(data);
  if (shape.kind === 'invalid') return invalid(shape.problems.map(place));
  const stepLines = shape.steps.map((_, index) => positionOf(doc, lines, ['steps', index], 'value').line);
  const scenario = resolveScenario(sourceName, shape.envelope, shape.steps, stepLines);
  const problems = checkReferences(scenario);
  if (problems.length > 0) return invalid(problems.map(place));
  return { kind: 'ok', scenario: deepFreeze(scenario) };
}

/** The scenario of an `ok` result; throws `ScenarioError` with every problem otherwise. */
export function scenarioOrThrow(result: ParseResult): Scenario {
  if (result.kind === 'invalid') throw new ScenarioError(result.problems);
  return result.scenario;
}
