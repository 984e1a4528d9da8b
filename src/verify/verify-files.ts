/**
 * What a verification run leaves under `reports/verify/` (the only file output of the verifier
 * besides the SMT-LIB queries): each violation's scenario file, ready for `sesphr run`, and the
 * per-property times as JSON and Markdown.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schemaReferenceFrom, stringifyScenario } from '../sim/scenario/index.ts';
import type { VerificationReport } from './sesphr-verification.ts';
import { type ScenarioPaths, timesJson, timesMarkdown } from './verify-report.ts';

/** Writes the scenarios and times of `report` into `dir` (created); returns the scenario paths. */
export async function writeVerificationFiles(
  report: VerificationReport,
  dir: string,
): Promise<ScenarioPaths> {
  await mkdir(dir, { recursive: true });
  const scenarios = new Map<string, string>();
  for (const r of report.results) {
    if (r.scenario === undefined) continue;
    const path = join(dir, `${r.scenario.scenario.name}.yaml`);
    const text = stringifyScenario(r.scenario.scenario, {
      header: r.scenario.header,
      schema: schemaReferenceFrom(path),
    });
    await writeFile(path, text, 'utf8');
    scenarios.set(r.id, path);
  }
  await writeFile(join(dir, 'times.json'), `${JSON.stringify(timesJson(report), null, 2)}\n`, 'utf8');
  await writeFile(join(dir, 'times.md'), timesMarkdown(report), 'utf8');
  return scenarios;
}
