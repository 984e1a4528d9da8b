/**
 * How the main job starts `sesphr` in a child process: the running node, tsx's command line and
 * this checkout's `src/cli/main.ts`, exactly what `bin/sesphr.js` runs (without its extra process
 * in between, so stopping a stage stops the command itself).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Launcher } from './run-stage.ts';

/** The launcher of this checkout's CLI. */
export function checkoutLauncher(): Launcher {
  const require = createRequire(import.meta.url);
  return Object.freeze({
    node: process.execPath,
    prefix: Object.freeze([
      require.resolve('tsx/cli'),
      fileURLToPath(new URL('../../cli/main.ts', import.meta.url)),
    ]),
  });
}

/** This checkout's folder of bundled scenarios. */
export const bundledScenarios = (): string => fileURLToPath(new URL('../../../scenarios', import.meta.url));
