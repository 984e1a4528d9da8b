/**
 * Expands the paths given on a command line into scenario files: a file stands for itself, a
 * folder for every `*.yaml` and `*.yml` beneath it. The order is fixed (arguments in order, each
 * folder's files sorted by path) so runs and their reports are reproducible.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';

/** The files found, or the paths that do not exist. */
export type FoundFiles =
  | { readonly kind: 'ok'; readonly files: readonly string[] }
  | { readonly kind: 'missing'; readonly paths: readonly string[] };

const SCENARIO_EXTENSION = /\.ya?ml$/;

/** Hidden entries and installed packages are never scenarios, even under a folder given as `.`. */
const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (skipped(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile() && SCENARIO_EXTENSION.test(entry.name)) found.push(path);
  }
  return found;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands `paths`. A file named explicitly is kept whatever its extension (the author chose it);
 * a file reached twice is listed once, where first reached.
 */
export async function findScenarioFiles(paths: readonly string[]): Promise<FoundFiles> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) missing.push(path);
    else if (info.isDirectory()) files.push(...(await filesUnder(path)).sort(byCodeUnits));
    else files.push(normalize(path));
  }
  if (missing.length > 0) return { kind: 'missing', paths: missing };
  return { kind: 'ok', files: [...new Set(files)] };
}
