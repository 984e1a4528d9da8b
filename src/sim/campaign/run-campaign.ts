/**
 * A randomized campaign (SPEC section 6): fast-check draws worlds and operation sequences from the
 * campaign's seed, each sequence runs on the protocol and the net side by side with every property
 * checked after every step (`sequence-check.ts`), and the first sequence with a finding is shrunk
 * by fast-check, then step by step until no step can go. The shrunk sequence is cut after the step where the finding
 * appears, and that last step expects the outcome it had there, so the scenario replays it.
 */
import fc from 'fast-check';
import type { ScenarioRun } from '../run/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { CampaignConfig } from './campaign-config.ts';
import { type Intent, intents } from './campaign-ops.ts';
import { type CampaignWorld, campaignWorld } from './campaign-world.ts';
import { describeFinding, type Finding, findingClass, findingKey, findingStep } from './finding.ts';
import { checkSequence } from './sequence-check.ts';
import { type SequenceHeader, sequenceScenario, sequenceSteps, stepsScenario } from './sequence-document.ts';

/** How far a campaign has got, for a progress line. */
export interface CampaignProgress {
  /** Sequences run so far, shrinking attempts included. */
  readonly calls: number;
  /** Sequences the campaign was asked for. */
  readonly runs: number;
  /** Whether a finding was made and fast-check is shrinking it. */
  readonly shrinking: boolean;
}

/** The campaign's finding with its shrunk, replayable scenario. */
export interface CampaignFailure {
  readonly finding: Finding;
  /** The shrunk sequence, cut after the finding's step, its last step expecting what it gave. */
  readonly scenario: Scenario;
  /** That scenario's own run (absent when an exception escaped it). */
  readonly run?: ScenarioRun;
  /** Whether running that scenario makes the same finding again. */
  readonly replays: boolean;
  /**
   * Which sequence failed first (from 1), and how many shrinking steps it took: fast-check's, then
   * the single steps dropped after them.
   */
  readonly failedRun: number;
  readonly shrinks: number;
}

/** A campaign's result. */
export interface CampaignResult {
  readonly config: CampaignConfig;
  /** Sequences run up to and including the first that failed (or all of them). */
  readonly sequences: number;
  /** Scenario steps those sequences ran. */
  readonly steps: number;
  readonly failure?: CampaignFailure;
  readonly seconds: number;
}

/** The name, protocol seed and variant every sequence of the campaign shares. */
export function campaignHeader(config: CampaignConfig): SequenceHeader {
  return {
    name: `campaign-${config.variant}-${config.seed}`,
    seed: `campaign-${config.seed}`,
    variant: config.variant,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A sequence's run (absent when an exception escaped it) and its first finding. */
interface Judged {
  readonly run?: ScenarioRun;
  readonly finding?: Finding;
}

/** A sequence's run and finding; an exception escaping the protocol or the net is a finding too. */
function judge(scenario: Scenario, seed: string): Judged {
  try {
    return checkSequence(scenario, seed);
  } catch (error) {
    return { finding: { kind: 'crash', message: message(error) } };
  }
}

/**
 * The shrunk sequence as the scenario to write: cut after the finding's step, whose `expect` is
 * the outcome it had (`ran` is the uncut sequence's run), and described.
 */
function replayable(
  header: SequenceHeader,
  world: CampaignWorld,
  ops: readonly Intent[],
  finding: Finding,
  ran: ScenarioRun | undefined,
): Scenario {
  const at = findingStep(finding);
  const all = sequenceSteps(world, ops);
  const outcome = at === undefined ? undefined : ran?.steps[at.index]?.outcome;
  const steps =
    at === undefined
      ? all
      : [
          ...all.slice(0, at.index),
          { ...all[at.index], ...(outcome === undefined ? {} : { expect: outcome }) },
        ];
  const description =
    `Found by a randomized campaign and shrunk by fast-check: ${describeFinding(finding, header.variant)}` +
    (at === undefined ? '.' : ` after step ${at.index} (${at.op}), whose expectation is the outcome it had.`);
  return stepsScenario({ ...header, description }, world, steps);
}

/**
 * fast-check shrinks a sequence draw by draw, and an attack chain (`campaign-ops.ts`) is one draw,
 * so a step of it that the finding does not need survives. This takes out one step at a time,
 * keeping each removal after which the same finding (wherever it now happens) still appears, until
 * no single step can go: the written scenario has no step it could do without. `judged` is `ops`'s
 * own run; returns the sequence kept, its run, and the removals kept.
 */
function dropNeedless(
  header: SequenceHeader,
  world: CampaignWorld,
  ops: readonly Intent[],
  judged: Judged,
): { readonly ops: readonly Intent[]; readonly judged: Judged; readonly dropped: number } {
  const found = judged.finding;
  if (found === undefined) return { ops, judged, dropped: 0 };
  let current = { ops, judged, steps: JSON.stringify(sequenceSteps(world, ops)) };
  let dropped = 0;
  for (let i = ops.length - 1; i >= 0; i--) {
    const without = [...current.ops.slice(0, i), ...current.ops.slice(i + 1)];
    const steps = sequenceSteps(world, without);
    // Without the first upload every later step is dropped too: no scenario is left to run.
    if (steps.length === 0) continue;
    // An intent that resolved to no step (its file gone): the same scenario, nothing to run.
    if (JSON.stringify(steps) === current.steps) {
      current = { ...current, ops: without };
      dropped++;
      continue;
    }
    const again = judge(stepsScenario(header, world, steps), header.seed);
    if (again.finding !== undefined && findingClass(again.finding) === findingClass(found)) {
      current = { ops: without, judged: again, steps: JSON.stringify(steps) };
      dropped++;
    }
  }
  return { ops: current.ops, judged: current.judged, dropped };
}

/** Runs the campaign `config` describes; `onProgress` hears of every sequence run. */
export function runCampaign(
  config: CampaignConfig,
  onProgress?: (progress: CampaignProgress) => void,
): CampaignResult {
  const started = performance.now();
  const header = campaignHeader(config);
  let calls = 0;
  let shrinking = false;
  let steps = 0;
  const property = fc.property(campaignWorld, intents(config.length), (world, ops) => {
    const scenario = sequenceScenario(header, world, ops);
    const { finding } = judge(scenario, header.seed);
    calls++;
    if (!shrinking) steps += scenario.steps.length;
    if (finding !== undefined) shrinking = true;
    onProgress?.({ calls, runs: config.runs, shrinking });
    return finding === undefined;
  });
  const details = fc.check(property, { seed: config.seed, numRuns: config.runs });
  const base = { config, sequences: details.numRuns, steps };
  if (!details.failed || details.counterexample === null) {
    return { ...base, seconds: (performance.now() - started) / 1000 };
  }
  const [world, drawn] = details.counterexample;
  const drawnRun = judge(sequenceScenario(header, world, drawn), header.seed);
  const { ops, judged: shrunk, dropped } = dropNeedless(header, world, drawn, drawnRun);
  const finding: Finding = shrunk.finding ?? {
    kind: 'crash',
    message: `the shrunk sequence no longer fails when run again (${message(details.errorInstance)})`,
  };
  const scenario = replayable(header, world, ops, finding, shrunk.run);
  const replay = judge(scenario, header.seed);
  const failure: CampaignFailure = {
    finding,
    scenario,
    ...(replay.run === undefined ? {} : { run: replay.run }),
    replays: replay.finding !== undefined && findingKey(replay.finding) === findingKey(finding),
    failedRun: details.numRuns,
    shrinks: details.numShrinks + dropped,
  };
  return { ...base, failure, seconds: (performance.now() - started) / 1000 };
}
