/**
 * The scenario runner: a scenario run concretely (the protocol library), on the SeSPHR net with
 * the protocol's values, and on the abstract net, side by side, with the conformance check between
 * them; its trace, its readable and JSON reports, and the student's stepper over a run.
 */

export { writeFileAtomic } from '../write-atomic.ts';
export { concreteFunctions, type MissingValue, type ValueSource } from './concrete-functions.ts';
export {
  type ConcretePass,
  type ConcreteStep,
  concretePass,
  type KnowledgeSnapshot,
} from './concrete-pass.ts';
export {
  type Divergence,
  describeDivergence,
  divergenceMessage,
  divergencePlace,
  type StepPlace,
  type Verdict,
} from './divergence.ts';
export { type LoadedScenarios, loadScenarios } from './load-scenarios.ts';
export { netOpOf } from './net-op-of.ts';
export { netWorldOf } from './net-world-of.ts';
export { runActors } from './run-actors.ts';
export {
  type DivergenceJson,
  type RunJson,
  runJson,
  type StepJson,
  type TraceLine,
  traceLines,
  traceText,
} from './run-json.ts';
export {
  type FiringRecord,
  type RunModel,
  type RunOptions,
  runScenario,
  type ScenarioRun,
  type StepReport,
} from './run-scenario.ts';
export { drawSeed, type ResolvedSeed, resolveSeed, type SeedOrigin } from './run-seed.ts';
export { formatRun, formatTotals, seedText } from './run-summary.ts';
export {
  openStepper,
  STEPPER_HELP,
  type StepperReply,
  type StepperSession,
  stepperCommand,
} from './stepper-session.ts';
export {
  enabledSummary,
  firingsOf,
  firingView,
  knowledgeLines,
  showMove,
  startView,
} from './stepper-view.ts';
export type { TraceEvent } from './trace-event.ts';
export { parseTrace, replayMismatch, type TracedRun, type TraceParse } from './trace-replay.ts';
