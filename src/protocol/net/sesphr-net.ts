/**
 * The SeSPHR net (SPEC section 4) for one instance: the paper's places and rules 23–33 under their
 * names, the extensions of the SPEC (registration, certificates, join and revocation, update and
 * delete, windows and the clock, TPA audit, tamper, OTP consent, search, forwarding, coalitions),
 * a knowledge place per principal and infrastructure actor, and the refusal log. Every guard and
 * token is an expression of the engine's language, so the net that is simulated is the net that
 * is verified.
 * @module
 */
import {
  defineNet,
  type Expr,
  type FunctionTable,
  initialMarking,
  type Marking,
  markingOf,
  type Net,
  type Token,
  type Transition,
  type TransitionSpec,
} from '../../model/index.ts';
import { NetBuilder } from './builder.ts';
import { netVocabulary } from './colours.ts';
import type { NetInstance } from './instance.ts';
import { Kit } from './kit.ts';
import { type PayloadOf, placeSpecs, startTokens } from './places.ts';
import { symbolic } from './terms.ts';
import { colludeTransitions } from './transitions/collude.ts';
import { consentTransitions } from './transitions/consent.ts';
import { decryptTransitions } from './transitions/decrypt.ts';
import { downloadTransitions } from './transitions/download.ts';
import { forwardTransitions } from './transitions/forward.ts';
import { integrityTransitions } from './transitions/integrity.ts';
import { policyTransitions } from './transitions/policy.ts';
import { refusalLogTransitions } from './transitions/refusal-log.ts';
import { registrationTransitions } from './transitions/registration.ts';
import { requestTransitions } from './transitions/request.ts';
import { searchTransitions } from './transitions/search.ts';
import { uploadTransitions } from './transitions/upload.ts';

/** What the planner needs to know about a net beyond its structure. */
export interface SesphrNetDetails {
  readonly instance: NetInstance;
  /** The reason expression of every refusal transition, by transition id. */
  readonly reasons: ReadonlyMap<string, Expr>;
}

const details = new WeakMap<Net, SesphrNetDetails>();

/** The SeSPHR net of `instance`; its initial marking is the scenario's start state. */
export function sesphrNet(instance: NetInstance): Net {
  const vocabulary = netVocabulary(instance);
  const kit = new Kit(instance, vocabulary);
  const b = new NetBuilder(kit);
  registrationTransitions(b);
  policyTransitions(b);
  uploadTransitions(b);
  requestTransitions(b);
  forwardTransitions(b);
  downloadTransitions(b);
  decryptTransitions(b);
  consentTransitions(b);
  searchTransitions(b);
  integrityTransitions(b);
  colludeTransitions(b);
  refusalLogTransitions(b);
  const net = defineNet({
    name: `sesphr-${instance.variant}`,
    places: placeSpecs(instance, vocabulary, symbolic),
    transitions: b.transitions,
  });
  details.set(net, Object.freeze({ instance, reasons: b.reasons }));
  return net;
}

/**
 * `net` with its transitions rewritten by `rewrite` (a conjunct dropped from a guard, a refusal
 * disabled): the mutants that show a check can fail. The planner treats the mutant as a net of
 * the same instance, so a runner drives it exactly as it drives `net`.
 */
export function sesphrMutant(net: Net, rewrite: (transition: Transition) => TransitionSpec): Net {
  const mutant = defineNet({
    name: `${net.name}-mutant`,
    places: net.places,
    transitions: net.transitions.map(rewrite),
  });
  details.set(mutant, sesphrNetDetails(net));
  return mutant;
}

/** The details of a net made by {@link sesphrNet}; throws for any other net. */
export function sesphrNetDetails(net: Net): SesphrNetDetails {
  const found = details.get(net);
  if (found === undefined) throw new TypeError(`net '${net.name}' was not made by sesphrNet`);
  return found;
}

/**
 * The start marking with payloads from `functions`: the abstract one is the net's initial marking;
 * a concrete runner passes its table so the start keys carry the protocol's values.
 */
export function startMarking(net: Net, functions?: FunctionTable): Marking {
  if (functions === undefined) return initialMarking(net);
  const { instance } = sesphrNetDetails(net);
  const payloadOf: PayloadOf = (fn, args) => {
    const f = functions[fn];
    if (f === undefined) throw new TypeError(`startMarking: the function table has no '${fn}'`);
    return f(args);
  };
  const tokens = startTokens(instance, payloadOf);
  const contents: Record<string, { token: Token }[]> = {};
  for (const [place, list] of tokens) contents[place] = list.map((token) => ({ token }));
  return markingOf(net, contents);
}
