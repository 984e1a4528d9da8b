/**
 * `sesphr campaign [--runs N] [--length L] [--seed S] [--variant V] [--json] [--out DIR]`: a
 * randomized campaign (src/sim/campaign): fast-check draws worlds and operation sequences from the
 * seed (drawn and printed when not given), each runs on the protocol and the SeSPHR net side by
 * side with every SPEC property checked after every step, and the first finding is shrunk and
 * written as a scenario file `DIR/<variant>-<seed>.yaml` (default `reports/campaigns`) that
 * `sesphr run` replays. Progress goes to stderr only when it is a terminal; `--json` prints one
 * summary object. Exit codes: 0 no finding, 1 a finding, 2 bad input (nothing run, nothing written).
 */

import { mkdir } from 'node:fs/promises';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  CAMPAIGN_DEFAULTS,
  CAMPAIGN_REPORT_DIR,
  type CampaignConfig,
  type CampaignProgress,
  campaignFilePath,
  campaignFileText,
  campaignJson,
  formatCampaign,
  MAX_LENGTH,
  resolveCampaignConfig,
  runCampaign,
} from '../../sim/campaign/index.ts';
import { drawSeed, writeFileAtomic } from '../../sim/run/index.ts';
import { VARIANTS } from '../../sim/scenario/index.ts';
import { outFolderProblem } from '../out-folder.ts';

type RawCampaignArgs = {
  runs?: string | undefined;
  length?: string | undefined;
  seed?: string | undefined;
  variant?: string | undefined;
  json: boolean;
  out: string;
};

const badInput = (message: string): void => {
  process.stderr.write(`sesphr campaign: ${message}\n`);
  process.exitCode = 2;
};

/** A progress line on a terminal, at most a few times a second. */
function progressLine(): (p: CampaignProgress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 200) return;
    last = now;
    const text = p.shrinking
      ? `  finding: shrinking (${p.calls.toLocaleString('en-US')} sequences run)`
      : `  sequence ${p.calls.toLocaleString('en-US')} of ${p.runs.toLocaleString('en-US')}`;
    process.stderr.write(`\r${text}\x1b[K`);
  };
}

const run = async (config: CampaignConfig, out: string, json: boolean, drawn: boolean): Promise<void> => {
  const live = process.stderr.isTTY === true;
  const result = runCampaign(config, live ? progressLine() : undefined);
  if (live) process.stderr.write('\r\x1b[K');
  let file: string | undefined;
  if (result.failure !== undefined) {
    file = campaignFilePath(out, config);
    await mkdir(out, { recursive: true });
    await writeFileAtomic(file, campaignFileText(result.failure, config, file));
  }
  process.stdout.write(
    json ? `${JSON.stringify(campaignJson(result, file))}\n` : formatCampaign(result, file, drawn),
  );
  process.exitCode = result.failure === undefined ? 0 : 1;
};

/** The `campaign` command module. */
export const campaignCommand: CommandModule<object, RawCampaignArgs> = {
  command: 'campaign',
  describe:
    'Randomized operation sequences on the protocol and the net, every property checked, failures shrunk',
  builder: (yargs: Argv) =>
    yargs
      .option('runs', { type: 'string', describe: `sequences to run (default ${CAMPAIGN_DEFAULTS.runs})` })
      .option('length', {
        type: 'string',
        describe: `the most operations in a sequence, 1 to ${MAX_LENGTH} (default ${CAMPAIGN_DEFAULTS.length})`,
      })
      .option('seed', {
        type: 'string',
        describe: 'a whole number; the same seed draws the same sequences (default: drawn and printed)',
      })
      .option('variant', {
        type: 'string',
        describe: `${VARIANTS.join(', ')} (default ${CAMPAIGN_DEFAULTS.variant})`,
      })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON summary object' })
      .option('out', {
        type: 'string',
        default: CAMPAIGN_REPORT_DIR,
        describe: 'where a finding’s scenario file is written',
      })
      .example('$0 campaign --runs 1000 --seed 42', 'a thousand sequences on the secure protocol')
      .example('$0 campaign --variant otp-leak --seed 42', 'find, shrink and write the otp-leak flaw'),
  handler: async (args: ArgumentsCamelCase<RawCampaignArgs>) => {
    const resolved = resolveCampaignConfig(
      {
        ...(args.runs === undefined ? {} : { runs: String(args.runs) }),
        ...(args.length === undefined ? {} : { length: String(args.length) }),
        ...(args.seed === undefined ? {} : { seed: String(args.seed) }),
        ...(args.variant === undefined ? {} : { variant: String(args.variant) }),
      },
      () => Number(drawSeed()),
    );
    if (resolved.kind === 'bad-input') {
      badInput(resolved.message);
      return;
    }
    const out = String(args.out);
    const problem = outFolderProblem(out);
    if (problem !== undefined) {
      badInput(`--out: ${problem}`);
      return;
    }
    await run(resolved.config, out, args.json, resolved.drawnSeed);
  },
};
