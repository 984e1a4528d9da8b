/**
 * Randomized campaigns: worlds and operation sequences drawn by fast-check from a seed, each run
 * on the protocol and the SeSPHR net side by side with every SPEC property checked after every
 * step, the first finding shrunk to a minimal scenario file that `sesphr run` replays.
 */
export {
  CAMPAIGN_DEFAULTS,
  type CampaignConfig,
  MAX_LENGTH,
  type RawCampaignOptions,
  type ResolvedCampaign,
  resolveCampaignConfig,
} from './campaign-config.ts';
export { CAMPAIGN_REPORT_DIR, campaignCommand, campaignFilePath, campaignFileText } from './campaign-file.ts';
export { type Intent, intent, intents } from './campaign-ops.ts';
export { campaignJson, formatCampaign } from './campaign-summary.ts';
export { CAST, type CampaignWorld, campaignWorld } from './campaign-world.ts';
export { describeFinding, type Finding, findingClass, findingKey, findingStep } from './finding.ts';
export {
  type CampaignFailure,
  type CampaignProgress,
  type CampaignResult,
  campaignHeader,
  runCampaign,
} from './run-campaign.ts';
export { checkSequence, type SequenceCheck } from './sequence-check.ts';
export {
  type SequenceHeader,
  sequenceDocument,
  sequenceScenario,
  sequenceSteps,
} from './sequence-document.ts';
