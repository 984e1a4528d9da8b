/**
 * The verifier's public surface: the transition-system IR and its interpreter, the three engines
 * with their one verdict type, and the SMT-LIB export. The SeSPHR net compiler and the CLI build on
 * these names only; the Z3 encoding stays internal.
 */

export { type BmcOptions, bmc } from './bmc.ts';
export { type ChcOptions, chc } from './chc.ts';
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
export { type ProofOutcome, prove } from './z3-check.ts';
export { newZ3Context, type Z3Context } from './z3-context.ts';
