/**
 * The scenario file a campaign writes for its finding, under `reports/campaigns/<variant>-<seed>.yaml`:
 * the shrunk sequence as a scenario (`stringifyScenario`), with comment lines saying which campaign
 * found it, what it found, and how to replay it. Its last step expects the outcome that exhibits
 * the finding, so `sesphr run` on it passes while the flaw is there (a regression test for the
 * flaw: once fixed, that step's outcome changes and the run fails there). A divergence is replayed
 * as one: `sesphr run` reports it and fails.
 */
import { join } from 'node:path';
import { schemaReferenceFrom, stringifyScenario } from '../scenario/index.ts';
import type { CampaignConfig } from './campaign-config.ts';
import { describeFinding, findingStep } from './finding.ts';
import type { CampaignFailure } from './run-campaign.ts';

/** Where reports go unless told otherwise. */
export const CAMPAIGN_REPORT_DIR = join('reports', 'campaigns');

/** The file a campaign's finding is written to. */
export function campaignFilePath(dir: string, config: CampaignConfig): string {
  return join(dir, `${config.variant}-${config.seed}.yaml`);
}

/** The command line that reruns the campaign. */
export function campaignCommand(config: CampaignConfig): string {
  return `npx sesphr campaign --seed ${config.seed} --runs ${config.runs} --length ${config.length} --variant ${config.variant}`;
}

/** What `sesphr run` on the file shows, for its header. */
function replayNote(failure: CampaignFailure): string {
  const at = findingStep(failure.finding);
  switch (failure.finding.kind) {
    case 'property':
      return at === undefined
        ? 'the property fails in the start state: sesphr run passes while it does'
        : `passes while the violation happens: step ${at.index} expects the outcome it had (${failure.run?.steps[at.index]?.outcome ?? '?'})`;
    case 'divergence':
      return 'fails: the runner reports the same divergence';
    case 'crash':
      return 'crashes as the campaign did, until the cause is fixed';
    default: {
      const never: never = failure.finding;
      return never;
    }
  }
}

/** The file's text: the scenario with its header comments. */
export function campaignFileText(failure: CampaignFailure, config: CampaignConfig, path: string): string {
  const at = findingStep(failure.finding);
  return stringifyScenario(failure.scenario, {
    schema: schemaReferenceFrom(path),
    header: [
      `Written by: ${campaignCommand(config)}`,
      `Finding: ${describeFinding(failure.finding, config.variant)}` +
        (at === undefined ? '' : `, after step ${at.index} (${at.op})`),
      `Sequence ${failure.failedRun} of the campaign failed first; fast-check and single-step removal shrank it in ${failure.shrinks} step(s) to these ${failure.scenario.steps.length}.`,
      `Replay: npx sesphr run ${path}  (${replayNote(failure)})`,
    ],
  });
}
