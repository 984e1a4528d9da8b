/**
 * The verifier's public surface: the transition-system IR and its interpreter, the compiler from
 * a coloured net to it, the four engines (BDD reachability; Z3's BMC, k-induction and CHC) with
 * their one verdict type, the SMT-LIB export, and the verification of the SeSPHR net against SPEC
 * section 5 (properties, mutants, counterexample scenarios, reports). The Z3 encoding stays
 * internal.
 */
export { BddLimitError } from './bdd.ts';
export { type BddOptions, type BddRun, bddReachability } from './bdd-reachability.ts';

export { type BmcOptions, bmc } from './bmc.ts';
export { type ChcOptions, chc } from './chc.ts';
export { coneOfInfluence, liftTrace, variablesOf } from './cone-of-influence.ts';
export { IrError, isIrError, isVerifyError, VerifyError } from './errors.ts';
export {
  add,
  and,
  constant,
  type Expr,
  eq,
  type Formula,
  formatExpr,
  implies,
  ite,
  le,
  lt,
  ne,
  not,
  or,
  param,
  sub,
  type Term,
  variable,
} from './expr.ts';
export {
  evaluate,
  holds,
  initialStates,
  type ReplayResult,
  replay,
  type StepResult,
  step,
  successors,
} from './interpreter.ts';
export { type KInductionOptions, kInduction } from './k-induction.ts';
export { type NativeZ3Run, nativeZ3Version, runNativeZ3 } from './native-z3.ts';
export {
  type CompiledNet,
  type CompileOptions,
  compileNet,
  type DecodedFiring,
  decodeTrace,
} from './net-compiler.ts';
export { type Firing, type Monitor, monitorVariable } from './net-monitor.ts';
export { type PlaceLayout, stateOfMarking } from './net-places.ts';
export { recordCases, tokensOf } from './net-state.ts';
export { NetCompileError, type TokenUniverse, tokenUniverse } from './net-universe.ts';
export {
  DEFAULT_INSTANCE_OPTIONS,
  describeWorld,
  type InstanceOptions,
  type InstanceProfile,
  MAX_USERS,
  VERIFY_START,
  verificationWorld,
} from './sesphr-instance.ts';
export { MUTANT_NAMES, MUTANTS, type MutantName, mutantNet } from './sesphr-mutants.ts';
export { irProperty, monitorsOf, P2, SESPHR_PROPERTIES, type SesphrProperty } from './sesphr-properties.ts';
export {
  type Counterexample,
  type CounterexampleScenario,
  counterexampleScenario,
  operationsOf,
} from './sesphr-scenario.ts';
export {
  type EngineChoice,
  type InstanceSummary,
  type MutantResult,
  type PropertyResult,
  SESPHR_RECORDS,
  type VerificationReport,
  type VerifyConfig,
  verifySesphr,
} from './sesphr-verification.ts';
export { writeSmtQueries } from './smt-files.ts';
export {
  parseCheckSatAnswer,
  type QuerySink,
  type SmtLogic,
  type SmtQuery,
  smtQueryFileName,
} from './smtlib.ts';
export {
  boolSort,
  type EnumSort,
  enumSort,
  formatSort,
  type IntSort,
  intSort,
  type Sort,
  sortContains,
  sortValues,
  type Value,
} from './sort.ts';
export { type Bindings, formatFiring, formatState, type State, type TraceStep } from './trace.ts';
export {
  type Property,
  type Transition,
  type TransitionSystem,
  type Variable,
  validateProperty,
  validateTransitionSystem,
} from './transition-system.ts';
export { describeVerdict, type EngineName, type UnknownReason, type Verdict } from './verdict.ts';
export { writeVerificationFiles } from './verify-files.ts';
export {
  type ScenarioPaths,
  timesJson,
  timesMarkdown,
  verificationJson,
  verificationTable,
} from './verify-report.ts';
export { type ProofOutcome, prove } from './z3-check.ts';
export { type Z3Context, z3Context } from './z3-context.ts';
