/**
 * Scenario files: their format (zod schema and published JSON Schema), the loader with precise
 * errors, and the resolved `Scenario` value the runner, stepper and campaigns work on.
 */
export { DURATION_PATTERN, parseDuration } from './duration.ts';
export { scenarioFileSchema, scenarioJsonSchemaText } from './file-schema.ts';
export { type FoundFiles, findScenarioFiles } from './find-scenario-files.ts';
export { type LoadResult, loadScenarioFile } from './load-scenario-file.ts';
export type { FileName, PartitionLabel, PrincipalName } from './names.ts';
export {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  type OperationSpec,
  type Outcome,
  type OutcomeOf,
} from './operations.ts';
export { type ParseResult, parseScenario, scenarioOrThrow } from './parse-scenario.ts';
export { formatProblem, isScenarioError, ScenarioError, type ScenarioProblem } from './problem.ts';
export { DEFAULT_PARTITIONS, DEFAULT_SIZE_BYTES } from './resolve.ts';
export type {
  ApproveStep,
  AuditStep,
  CoalitionMember,
  ColludeStep,
  ConsentStep,
  DecryptStep,
  DeleteStep,
  DownloadStep,
  ForwardStep,
  Grantee,
  GrantStep,
  JoinStep,
  OwnerPolicy,
  Principal,
  PrincipalStatus,
  RegisterStep,
  RejectStep,
  RequestStep,
  RevokeCertificateStep,
  RevokeStep,
  Scenario,
  SearchStep,
  Step,
  StepOf,
  TamperStep,
  TickStep,
  TimeWindow,
  UpdateStep,
  UploadStep,
  WindowStep,
} from './scenario.ts';
export { MAX_SIZE_BYTES, parseSize, SIZE_PATTERN } from './size.ts';
export { DEFAULT_START_SECONDS, parseInstant, parseTime, TIME_PATTERN } from './time.ts';
export type { ValueParse } from './value-parse.ts';
export {
  HISTORY_POLICIES,
  type HistoryPolicy,
  INFRASTRUCTURE,
  type InfrastructureName,
  ROLES,
  type Role,
  USER_ROLES,
  type UserRole,
  VARIANTS,
  type Variant,
} from './vocabulary.ts';
export {
  isoInstant,
  SCENARIO_SCHEMA_FILE,
  type ScenarioTextOptions,
  scenarioDocument,
  schemaReferenceFrom,
  stringifyScenario,
} from './write-scenario.ts';
