/**
 * The concrete executor: scenario steps run against the real SeSPHR protocol library, each mapped
 * to its op's outcome word, with every protocol call timed and its crypto values digested, so the
 * runner can set it beside the net step by step.
 */
export { checkExpectation, type ExpectationCheck, expectationHolds } from './check-expectation.ts';
export { shortDigest, textDigest } from './digest.ts';
export { createExecContext, type ExecContext } from './exec-context.ts';
export { executeScenario, type ScenarioExecution, type StepResult } from './execute-scenario.ts';
export { executeStep } from './execute-step.ts';
export type { ProtocolCall } from './protocol-call.ts';
export type { StepExecution } from './step-execution.ts';
