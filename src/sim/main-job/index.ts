/**
 * The main job (`npm start`): the scenarios, the verifier and the quick benchmark as child
 * processes, then the report. See `main-job.ts`.
 */
export { bundledScenarios, checkoutLauncher } from './launcher.ts';
export {
  type MainJobConfig,
  type MainJobResult,
  type ReportStage,
  runMainJob,
  stageCommand,
} from './main-job.ts';
export { type Launcher, runStage } from './run-stage.ts';
export { type MainJobPaths, mainJobStages, type StagePlan } from './stage-plan.ts';
