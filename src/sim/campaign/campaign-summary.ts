/**
 * A campaign's report: the readable lines `sesphr campaign` prints, and the one JSON object it
 * prints with `--json`.
 */
import type { CampaignConfig } from './campaign-config.ts';
import { campaignCommand } from './campaign-file.ts';
import { describeFinding, findingStep } from './finding.ts';
import type { CampaignResult } from './run-campaign.ts';

const count = (n: number) => n.toLocaleString('en-US');

const rate = (r: CampaignResult) => (r.seconds > 0 ? r.sequences / r.seconds : 0);

const scope = (c: CampaignConfig) =>
  `${count(c.runs)} sequences of up to ${c.length} operations, variant ${c.variant}, seed ${c.seed}`;

/** The readable report; `file` is where the finding's scenario was written. */
export function formatCampaign(result: CampaignResult, file: string | undefined, drawnSeed: boolean): string {
  const { config, failure } = result;
  const timing = `${result.seconds.toFixed(1)} s, ${rate(result).toFixed(1)} sequences/s`;
  const seed = drawnSeed ? [`  the seed was drawn: rerun with ${campaignCommand(config)}`] : [];
  if (failure === undefined) {
    return `${[`campaign: ${scope(config)}: no finding (${count(result.steps)} steps; ${timing})`, ...seed].join('\n')}\n`;
  }
  const at = findingStep(failure.finding);
  const lines = [
    `campaign: ${scope(config)}: FINDING in sequence ${failure.failedRun}`,
    `  ${describeFinding(failure.finding, config.variant)}${at === undefined ? '' : ` after step ${at.index} (${at.op})`}`,
    `  shrunk in ${failure.shrinks} step(s) to ${failure.scenario.steps.length} operation(s)` +
      (file === undefined ? '' : `: ${file}`),
    ...(file === undefined ? [] : [`  replay: npx sesphr run ${file}`]),
    ...(failure.replays
      ? []
      : ['  note: the written scenario does not make the same finding when run again']),
    ...seed,
    `  ${count(result.sequences)} sequences, ${count(result.steps)} steps; ${timing}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The `--json` object. */
export function campaignJson(result: CampaignResult, file: string | undefined): Record<string, unknown> {
  const { config, failure } = result;
  const finding = failure?.finding;
  const at = finding === undefined ? undefined : findingStep(finding);
  return {
    seed: config.seed,
    variant: config.variant,
    runs: config.runs,
    length: config.length,
    sequences: result.sequences,
    steps: result.steps,
    passed: failure === undefined,
    seconds: Math.round(result.seconds * 1000) / 1000,
    sequencesPerSecond: Math.round(rate(result) * 100) / 100,
    ...(failure === undefined || finding === undefined
      ? {}
      : {
          finding: {
            kind: finding.kind,
            ...(finding.kind === 'property'
              ? { property: finding.property, expectedForVariant: finding.expectedForVariant }
              : {}),
            ...(finding.kind === 'divergence' ? { divergence: finding.divergence.kind } : {}),
            step: at?.index ?? null,
            op: at?.op ?? null,
            message: describeFinding(finding, config.variant),
            failedRun: failure.failedRun,
            shrinks: failure.shrinks,
            operations: failure.scenario.steps.length,
            replays: failure.replays,
            file: file ?? null,
          },
        }),
  };
}
