/** Every `sesphr` subcommand, in the order `--help` lists them. */
import type { CommandModule } from 'yargs';
import { allCommand } from './all.ts';
import { benchCommand } from './bench.ts';
import { campaignCommand } from './campaign.ts';
import { exploreCommand } from './explore.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { stepCommand } from './step.ts';
import { verifyCommand } from './verify.ts';

// biome-ignore lint/suspicious/noExplicitAny: yargs command modules differ in their argument types.
export const commands: readonly CommandModule<any, any>[] = [
  exploreCommand,
  benchCommand,
  runCommand,
  stepCommand,
  verifyCommand,
  campaignCommand,
  reportCommand,
  allCommand,
];
