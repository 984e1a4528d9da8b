/**
 * Verifying the SeSPHR net against SPEC section 5: for one variant, every selected property gets
 * one verdict on its instance, with evidence (the invariant, or a shortest trace turned into a
 * scenario file), the verdict of each of its mutants when it is proved, and whether it matches
 * what SPEC section 5 expects for that variant.
 *
 * The default strategy: symbolic reachability with BDDs decides every property of an instance in
 * one run (proved with the reachable set as invariant, or violated with a shortest trace, which is
 * deterministic); Z3 then decides each property again on its own, with code the BDDs share nothing
 * with. A violation: Z3's bounded model checker searches its depth and must find one too. A proof:
 * Spacer gets {@link INVARIANT_BUDGET_MS} to find an inductive invariant a reviewer can read (the
 * reachable set is one, but a BDD of a million nodes is no reading); when it does, that invariant,
 * re-checked by plain SMT, is the one shown. Either way the queries are exported as SMT-LIB, and an
 * engine contradicting the BDDs makes the verdict unknown. Mutants run on the cone of influence of their property with BDDs alone,
 * stopping at the first violation. `engine` forces one engine
 * for everything instead: `bdd` alone, or one of Z3's `bmc` (to `depth`), `kind` (k ≤ `depth`) and
 * `chc` (Spacer), each on the property's cone of influence; an engine that cannot decide within
 * `timeoutMs` says `unknown`, never `proved`.
 */
import type { Net } from '../model/index.ts';
import {
  type Expectation,
  type NetProperty,
  type NetWorld,
  netInstanceOf,
  type PropertyId,
  propertyPredicates,
  sesphrNet,
} from '../protocol/net/index.ts';
import type { Variant } from '../protocol/variant.ts';
import { bddReachability } from './bdd-reachability.ts';
import { bmc } from './bmc.ts';
import { chc } from './chc.ts';
import { coneOfInfluence, liftTrace } from './cone-of-influence.ts';
import { kInduction } from './k-induction.ts';
import { type CompiledNet, compileNet, type DecodedFiring, decodeTrace } from './net-compiler.ts';
import {
  describeWorld,
  type InstanceOptions,
  type InstanceProfile,
  VERIFY_START,
  verificationWorld,
} from './sesphr-instance.ts';
import { MUTANTS, type MutantName, mutantNet } from './sesphr-mutants.ts';
import { irProperty, monitorsOf, P2, SESPHR_PROPERTIES, type SesphrProperty } from './sesphr-properties.ts';
import { type CounterexampleScenario, counterexampleScenario } from './sesphr-scenario.ts';
import type { QuerySink } from './smtlib.ts';
import type { Property, TransitionSystem } from './transition-system.ts';
import type { EngineName, Verdict } from './verdict.ts';

/** The record places of the SeSPHR net and their key fields (one token per key: see its places.ts). */
export const SESPHR_RECORDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  Clock: [],
  Principal: ['principal'],
  Member: ['owner', 'user'],
  RoleGrant: ['owner', 'role', 'partition'],
  UserGrant: ['owner', 'user', 'partition'],
  File: ['file'],
  Current: ['file', 'partition'],
  Version: ['file', 'partition', 'version'],
  Ticket: ['file', 'user'],
});

/** Which engine decides: the default strategy, or one engine for everything. */
export type EngineChoice = 'auto' | EngineName;

/** A complete verification request. */
export interface VerifyConfig {
  readonly instance: InstanceOptions;
  /** The properties to check (P2 is always listed as tested). */
  readonly properties: readonly PropertyId[];
  readonly engine: EngineChoice;
  /** The bound of `bmc` and of k in `kind`. */
  readonly depth: number;
  /** The time limit of each check. */
  readonly timeoutMs: number;
  /** Whether to check the mutants of proved properties. */
  readonly mutants: boolean;
  /**
   * Spacer's time for a readable invariant of each proof under the default strategy (default
   * {@link INVARIANT_BUDGET_MS}, at most `timeoutMs`); 0 keeps the reachable set as the only one.
   */
  readonly invariantTimeoutMs?: number;
  readonly onQuery?: QuerySink;
  readonly onProgress?: (line: string) => void;
}

/** One mutant's verdict. */
export interface MutantResult {
  readonly name: MutantName;
  readonly change: string;
  readonly verdict: Verdict;
}

/** One property's outcome. */
export interface PropertyResult {
  readonly id: PropertyId;
  readonly title: string;
  readonly statement: string;
  readonly coalition?: readonly string[];
  readonly instance: InstanceProfile;
  readonly expected: Expectation;
  readonly verdict: Verdict;
  /** Whether the verdict is the one SPEC section 5 expects for the variant. */
  readonly matches: boolean;
  readonly mutants: readonly MutantResult[];
  /** Proved, yet no mutant violates it: the proof shows nothing about the checks it relies on. */
  readonly vacuous: boolean;
  /** A violation's firings, in the net's terms. */
  readonly attack?: readonly string[];
  /**
   * Z3 deciding the property on its own under the default strategy: BMC looking for the violation
   * at the depth BDD reachability found it, or Spacer looking for a readable inductive invariant of
   * a proof (unknown when its budget ran out, which leaves the BDDs' proof standing).
   */
  readonly confirmation?: Verdict;
  readonly scenario?: CounterexampleScenario;
}

/** An instance as checked: what it is and how big its compiled system was. */
export interface InstanceSummary {
  readonly profile: InstanceProfile;
  readonly description: string;
  readonly world: NetWorld;
  readonly variables: number;
  readonly transitions: number;
}

/** Everything one verification established. */
export interface VerificationReport {
  readonly variant: Variant;
  readonly engine: EngineChoice;
  readonly instances: readonly InstanceSummary[];
  readonly results: readonly PropertyResult[];
  readonly tested: typeof P2;
  readonly seconds: number;
  /** Every verdict is the expected one. */
  readonly passed: boolean;
}

/** The fields that say which token a firing took, in the order a reader looks for them. */
const TELLING = ['principal', 'user', 'owner', 'file', 'partition', 'version', 'kind', 'subject', 'intact'];

/** `D_R_S/bob (pu: bob; fr: f1, alice; ve: f1, medical, 1)`: a firing as a reviewer reads it. */
function describeFiring(f: DecodedFiring): string {
  const parts = Object.entries(f.tokens).map(([x, t]) => {
    const shown = TELLING.filter((k) => k in t && t[k] !== '-').map((k) => String(t[k]));
    return `${x}: ${shown.join(', ')}`;
  });
  return parts.length === 0 ? f.transition.id : `${f.transition.id} (${parts.join('; ')})`;
}

const expectedVerdict = (e: Expectation): Verdict['kind'] => (e === 'holds' ? 'proved' : 'violated');

/** One Z3 engine on the cone of influence of `property`, its trace lifted back to `compiled`. */
async function z3Check(
  engine: 'bmc' | 'kind' | 'chc',
  compiled: CompiledNet,
  property: Property,
  config: VerifyConfig,
  from?: number,
): Promise<Verdict> {
  const slice = coneOfInfluence(compiled.system, property.formula);
  const options = {
    timeoutMs: config.timeoutMs,
    ...(config.onQuery === undefined ? {} : { onQuery: config.onQuery }),
  };
  const verdict =
    engine === 'bmc'
      ? await bmc(slice, property, {
          ...options,
          // Confirming a shortest violation: that depth alone, as the BDDs found it there.
          depth: from ?? config.depth,
          ...(from === undefined ? {} : { from }),
        })
      : engine === 'kind'
        ? await kInduction(slice, property, { ...options, maxK: Math.max(1, config.depth) })
        : await chc(slice, property, options);
  return verdict.kind === 'violated'
    ? {
        ...verdict,
        trace: liftTrace(compiled.system, compiled.initialState, verdict.trace),
        initial: compiled.initialState,
      }
    : verdict;
}

/**
 * Spacer's time for a readable inductive invariant of a property the BDDs proved. On the base
 * instance it finds one for P1, P4, P5, P9, P10, P11 and P13 within 2 s; P3 takes it about 70 s
 * and P7 and P12 more than two minutes, so a larger default would only slow every run down.
 */
export const INVARIANT_BUDGET_MS = 4000;

/** The verdict `bdd` gave, turned unknown because Z3 (`other`) contradicts it. */
function disagreement(id: string, bdd: Verdict, other: Verdict): Verdict {
  const said =
    bdd.kind === 'violated'
      ? `BDD reachability violates ${id} in ${bdd.trace.length} steps, Z3's BMC finds no violation at that depth`
      : `BDD reachability proves ${id}, Z3's Spacer reports it violated`;
  return {
    kind: 'unknown',
    engine: 'bdd',
    reason: 'solver-unknown',
    detail: `the engines disagree: ${said}`,
    seconds: bdd.seconds + other.seconds,
  };
}

/**
 * A verdict, and under the default strategy Z3's own decision of the same property (BMC for a
 * violation, Spacer for a proof).
 */
interface Decision {
  readonly verdict: Verdict;
  readonly confirmation?: Verdict;
}

/** Verdicts of `properties` on `compiled` with the configured engine (see the module comment). */
async function decide(
  compiled: CompiledNet,
  properties: readonly Property[],
  config: VerifyConfig,
  stopWhenAllViolated: boolean,
): Promise<ReadonlyMap<string, Decision>> {
  const out = new Map<string, Decision>();
  if (config.engine !== 'auto' && config.engine !== 'bdd') {
    for (const p of properties) out.set(p.id, { verdict: await z3Check(config.engine, compiled, p, config) });
    return out;
  }
  const system: TransitionSystem =
    properties.length === 1 ? coneOfInfluence(compiled.system, properties[0]!.formula) : compiled.system;
  const run = bddReachability(system, properties, { timeoutMs: config.timeoutMs, stopWhenAllViolated });
  const invariantMs = Math.min(config.timeoutMs, config.invariantTimeoutMs ?? INVARIANT_BUDGET_MS);
  for (const p of properties) {
    const v = run.verdicts.get(p.id)!;
    if (v.kind === 'proved' && config.engine === 'auto' && !stopWhenAllViolated && invariantMs > 0) {
      const spacer = await z3Check('chc', compiled, p, { ...config, timeoutMs: invariantMs });
      out.set(
        p.id,
        spacer.kind === 'violated'
          ? { verdict: disagreement(p.id, v, spacer), confirmation: spacer }
          : { verdict: v, confirmation: spacer },
      );
      continue;
    }
    if (v.kind !== 'violated') {
      out.set(p.id, { verdict: v });
      continue;
    }
    const verdict: Verdict =
      system === compiled.system
        ? v
        : {
            ...v,
            trace: liftTrace(compiled.system, compiled.initialState, v.trace),
            initial: compiled.initialState,
          };
    if (config.engine === 'bdd' || stopWhenAllViolated) {
      out.set(p.id, { verdict });
      continue;
    }
    // Z3 searches the same depth on its own: the violation stands on two engines that share no code.
    const confirmation = await z3Check('bmc', compiled, p, config, v.trace.length);
    out.set(
      p.id,
      confirmation.kind === 'unknown' && confirmation.reason === 'bound-reached'
        ? { verdict: disagreement(p.id, v, confirmation), confirmation }
        : { verdict, confirmation },
    );
  }
  return out;
}

/** The properties selected, grouped by the instance they are checked on. */
function byInstance(
  selected: readonly SesphrProperty[],
): ReadonlyMap<InstanceProfile, readonly SesphrProperty[]> {
  const out = new Map<InstanceProfile, SesphrProperty[]>();
  for (const p of selected) out.set(p.instance, [...(out.get(p.instance) ?? []), p]);
  return out;
}

/** The mutants of `p` on `net`, each checked by the configured engine. */
async function checkMutants(
  net: Net,
  p: SesphrProperty,
  stated: NetProperty,
  config: VerifyConfig,
): Promise<readonly MutantResult[]> {
  const out: MutantResult[] = [];
  for (const name of p.mutants) {
    const compiled = compileNet(mutantNet(net, name), { records: SESPHR_RECORDS, monitors: monitorsOf([p]) });
    const property = irProperty(p, compiled, stated);
    const { verdict } = (await decide(compiled, [property], config, true)).get(p.id)!;
    config.onProgress?.(
      `  mutant ${name}: ${verdict.kind} (${verdict.engine}, ${verdict.seconds.toFixed(1)} s)`,
    );
    out.push({ name, change: MUTANTS[name], verdict });
  }
  return out;
}

/** Verifies the selected SeSPHR properties for one variant (see the module comment). */
export async function verifySesphr(config: VerifyConfig): Promise<VerificationReport> {
  const started = performance.now();
  const variant = config.instance.variant;
  const selected = SESPHR_PROPERTIES.filter((p) => config.properties.includes(p.id));
  const instances: InstanceSummary[] = [];
  const results: PropertyResult[] = [];
  for (const [profile, props] of byInstance(selected)) {
    const world = verificationWorld(profile, config.instance);
    const instance = netInstanceOf(world);
    const net = sesphrNet(instance);
    const stated = new Map(propertyPredicates(net, instance).map((s) => [s.id, s]));
    const compiled = compileNet(net, { records: SESPHR_RECORDS, monitors: monitorsOf(props) });
    instances.push({
      profile,
      description: describeWorld(world),
      world,
      variables: compiled.system.vars.length,
      transitions: compiled.system.transitions.length,
    });
    config.onProgress?.(
      `${profile} instance: ${compiled.system.vars.length} variables, ${compiled.system.transitions.length} transitions`,
    );
    const irs = props.map((p) => irProperty(p, compiled, stated.get(p.id)!));
    const decisions = await decide(compiled, irs, config, false);
    for (const p of props) {
      const s = stated.get(p.id)!;
      const { verdict, confirmation } = decisions.get(p.id)!;
      config.onProgress?.(`${p.id}: ${verdict.kind} (${verdict.engine}, ${verdict.seconds.toFixed(1)} s)`);
      const mutants =
        verdict.kind === 'proved' && config.mutants ? await checkMutants(net, p, s, config) : [];
      const firings =
        verdict.kind === 'violated' ? decodeTrace(compiled, verdict.initial, verdict.trace) : [];
      const scenario =
        verdict.kind === 'violated'
          ? counterexampleScenario({
              net,
              instance,
              world,
              property: s,
              firings,
              variant,
              start: VERIFY_START,
            })
          : undefined;
      results.push({
        id: p.id,
        title: s.title,
        statement: s.formula,
        ...(p.coalition === undefined ? {} : { coalition: p.coalition }),
        instance: profile,
        expected: s.expected[variant],
        verdict,
        matches: verdict.kind === expectedVerdict(s.expected[variant]),
        mutants,
        // A proof with mutants none of which breaks it; without mutants there is nothing to say.
        vacuous:
          verdict.kind === 'proved' &&
          mutants.length > 0 &&
          !mutants.some((m) => m.verdict.kind === 'violated'),
        ...(verdict.kind === 'violated' ? { attack: firings.map(describeFiring) } : {}),
        ...(confirmation === undefined ? {} : { confirmation }),
        ...(scenario === undefined ? {} : { scenario }),
      });
    }
  }
  const order = SESPHR_PROPERTIES.map((p) => p.id);
  results.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return {
    variant,
    engine: config.engine,
    instances,
    results,
    tested: P2,
    seconds: Math.round(performance.now() - started) / 1000,
    passed: results.every((r) => r.matches),
  };
}
