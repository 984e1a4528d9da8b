/**
 * Loading every scenario a command line names before running any: paths expanded into files,
 * every file loaded, and every problem of every file collected, so a bad input is reported in full
 * (`file:line:column: path: message` for each problem) and nothing runs until all of it is fixed.
 */
import { findScenarioFiles, formatProblem, loadScenarioFile, type Scenario } from '../scenario/index.ts';

/** The scenarios, in the order named, or the lines saying what is wrong with the input. */
export type LoadedScenarios =
  | { readonly kind: 'ok'; readonly scenarios: readonly Scenario[] }
  | { readonly kind: 'bad-input'; readonly problems: readonly string[] };

/** Expands `paths` (files and folders) and loads every scenario file found. */
export async function loadScenarios(paths: readonly string[]): Promise<LoadedScenarios> {
  const found = await findScenarioFiles(paths);
  if (found.kind === 'missing') {
    return { kind: 'bad-input', problems: found.paths.map((p) => `${p}: no such file or folder`) };
  }
  if (found.files.length === 0) {
    return { kind: 'bad-input', problems: [`${paths.join(', ')}: no scenario files (*.yaml, *.yml) found`] };
  }
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  for (const file of found.files) {
    const loaded = await loadScenarioFile(file);
    switch (loaded.kind) {
      case 'ok':
        scenarios.push(loaded.scenario);
        break;
      case 'invalid':
        problems.push(...loaded.problems.map(formatProblem));
        break;
      case 'unreadable':
        problems.push(`${loaded.file}: cannot read the file: ${loaded.message}`);
        break;
      default: {
        const never: never = loaded;
        throw new TypeError(`loadScenarios: unknown result ${JSON.stringify(never)}`);
      }
    }
  }
  return problems.length > 0 ? { kind: 'bad-input', problems } : { kind: 'ok', scenarios };
}
