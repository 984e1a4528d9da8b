/** Reads the loader's fixture files, which live beside this module. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The path of a fixture, as a test would pass it to `loadScenarioFile`. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/** The text of a fixture. */
export const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** The issue's example, the scenario the format was designed around. */
export const ISSUE_EXAMPLE = 'revocation-keeps-cached-parameters.yaml';
/** Every operation once, with every optional argument somewhere. */
export const EVERY_OPERATION = 'every-operation.yaml';
