/** The bundled scenario files (scenarios/*.yaml), read and loaded once for the tests that need them. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario, scenarioOrThrow } from '../../../src/sim/scenario/index.ts';

const folder = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** One bundled file: its name, its text and the scenario it loads to (throws on a bad file). */
export interface BundledScenario {
  readonly file: string;
  readonly text: string;
  readonly scenario: Scenario;
}

/** Every `*.yaml` in scenarios/, sorted by name. */
export const BUNDLED: readonly BundledScenario[] = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(`${folder}${file}`, 'utf8');
    return { file, text, scenario: scenarioOrThrow(parseScenario(text, `scenarios/${file}`)) };
  });

/** The seed a bundled scenario names, as the executor takes it. */
export const seedOf = (scenario: Scenario): string => String(scenario.seed);

/** A bundled scenario by file name. */
export function bundled(file: string): Scenario {
  const found = BUNDLED.find((b) => b.file === file);
  if (found === undefined) throw new Error(`no bundled scenario ${file}`);
  return found.scenario;
}
