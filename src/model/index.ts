/**
 * The public surface of the Petri-net engine. Everything a caller needs is named here; modules not
 * re-exported (the compiled net, bag arithmetic) are internals that may change.
 */

// The coloured (high-level) net engine.
export { type Binding, enabledBindings, enabledBindingsOf, showBinding } from './binding.ts';
export {
  type Brand,
  type PlaceId,
  placeId,
  type TransitionId,
  transitionId,
  type VarName,
  varName,
} from './brand.ts';
export {
  BOOL,
  type ColourField,
  type ColourSet,
  colourSet,
  comparable,
  enumType,
  type FieldType,
  idType,
  intType,
  opaqueType,
  showFieldType,
  tokenProblem,
  UNIT,
  valueProblem,
} from './colour.ts';
export { toDot } from './dot.ts';
export {
  EvaluationError,
  ExprTypeError,
  isEvaluationError,
  isExprTypeError,
  isModelError,
  isNetDefinitionError,
  ModelError,
  NetDefinitionError,
} from './errors.ts';
export {
  type ExploreOptions,
  type ExploreProgress,
  type ExploreResult,
  explore,
  type Invariant,
  type Violation,
} from './explore.ts';
export {
  type AppExpr,
  type ArithExpr,
  add,
  and,
  app,
  applications,
  type CompareExpr,
  type ConstExpr,
  c,
  children,
  type EvalResult,
  type Expr,
  type ExprType,
  eq,
  evaluate,
  type FieldExpr,
  type FunctionTable,
  field,
  freeVars,
  ge,
  gt,
  type InExpr,
  type IteExpr,
  inSet,
  ite,
  type LogicExpr,
  le,
  lt,
  mul,
  type NotExpr,
  ne,
  not,
  or,
  type RecordType,
  showExpr,
  sub,
  type TupleExpr,
  type TypeEnv,
  tuple,
  typeOf,
  UNIT_EXPR,
  type VarExpr,
  v,
} from './expr.ts';
export { colourMismatch, showType } from './expr-type.ts';
export { type FireResult, fire, type TokenMove } from './fire.ts';
export {
  type Bag,
  countIn,
  initialMarking,
  type Marking,
  type MarkingKey,
  markingKey,
  markingOf,
  showMarking,
  tokensIn,
  totalTokens,
} from './marking.ts';
export {
  type ConsumeArc,
  defineNet,
  type InhibitArc,
  type InputArc,
  type InputArcSpec,
  type Net,
  type NetSpec,
  type OutputArc,
  type OutputArcSpec,
  type Place,
  type PlaceSpec,
  type ReadArc,
  type Transition,
  type TransitionSpec,
} from './net.ts';
// Place/transition nets: PNML import/export, the fast explorer, and the bridge to the coloured engine.
export { toPnml } from './pnml-export.ts';
export { isPnmlError, PnmlError, PTNET_TYPE, parsePnml } from './pnml-import.ts';
export {
  explorePt,
  isPtExploreError,
  PtExploreError,
  type PtExploreOptions,
  type PtExploreResult,
  type PtProgress,
} from './pt-explore.ts';
export { netToPt, ptToNet } from './pt-hlpn.ts';
export {
  definePtNet,
  isPtNetError,
  MAX_PT_COUNT,
  type PtArc,
  type PtNet,
  PtNetError,
  type PtPlace,
  type PtTransition,
} from './pt-net.ts';
export { createRandom, type Random } from './random.ts';
export { type SimulateOptions, type Simulation, type SimulationStep, simulate } from './simulate.ts';
export {
  type Choice,
  type ChooseResult,
  createStepper,
  type Step,
  type Stepper,
  type StepperOptions,
} from './stepper.ts';
export {
  isOpaque,
  type Opaque,
  opaque,
  showToken,
  showValue,
  type Token,
  type TokenCount,
  token,
  tokenKey,
  UNIT_TOKEN,
  type Value,
  valueEquals,
} from './token.ts';
