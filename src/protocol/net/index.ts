/**
 * The SeSPHR net: the protocol as a High-Level Petri Net built with `src/model` (SPEC section 4),
 * the instance it is built for, the choreography that turns scenario operations into firings,
 * the knowledge view the conformance check compares with the protocol, and the SPEC properties
 * as predicates over markings.
 * @module
 */
export { bindingFor, matchingBindings, matchOf, type PlannedFiring, satisfies } from './binding-match.ts';
export {
  CERT_STATES,
  FACT_KINDS,
  type FactKind,
  FILE_STATES,
  KEY_STATES,
  type NetColours,
  type NetVocabulary,
  netVocabulary,
  RAND_STAGES,
  STATUSES,
  VERSION_STAGES,
} from './colours.ts';
export {
  type Coalition,
  coalitionName,
  type IndexWindow,
  type InstanceOwner,
  type InstancePrincipal,
  type KeywordHit,
  type NetInstance,
  type NetWorld,
  NONE,
  netInstanceOf,
  type SchemePartition,
  type StartStatus,
  type WorldOwner,
  type WorldPrincipal,
} from './instance.ts';
export { factOfToken, knowledgeOfMarking } from './knowledge-view.ts';
export {
  clockOf,
  currentVersion,
  fileRecord,
  knowledgeTokens,
  recordOf,
  tokensWhere,
} from './marking-read.ts';
export {
  NET_OP_NAMES,
  type NetOp,
  type NetOpName,
  type NetOpOf,
  type OpGrantee,
  type OpWindow,
} from './net-op.ts';
export { knowledgeActors, knowledgePlace, PLACES } from './places.ts';
export {
  coalitionReads,
  type Expectation,
  type NetProperty,
  type PropertyId,
  propertyPredicates,
  sameR,
} from './properties.ts';
export {
  type SesphrNetDetails,
  sesphrMutant,
  sesphrNet,
  sesphrNetDetails,
  startMarking,
} from './sesphr-net.ts';
export { planStep, runStepAbstract, type StepPlan, type StepRun } from './step-plan.ts';
export type { FiredStep } from './step-simulation.ts';
export { abstractFunctions, symbolic, TERM_FUNCTIONS, type TermFunction } from './terms.ts';
