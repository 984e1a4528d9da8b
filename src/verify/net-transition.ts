/**
 * One net transition as one IR transition. Its parameters choose the tokens of its input
 * variables (one integer per variable with several candidates); its guard says those tokens are
 * there and distinct, the net's guard holds and no inhibitor arc is blocked; its updates are the
 * presence of the tokens it takes and puts and the record fields it rewrites, plus the monitors it
 * trips. Everything is compiled from the model's expressions by cases (net-expr.ts).
 */
import type { ColourSet, Transition as NetTransition, Token } from '../model/index.ts';
import { constant, type Formula, type Term, variable } from './expr.ts';
import { fAnd, fIte, fNot, fOr, sameLeaf } from './ir-fold.ts';
import { allCandidates, fixed, presence, prune, withParameter } from './net-candidates.ts';
import {
  chooses,
  compileCondition,
  compileExpr,
  compileTerm,
  type Scope,
  type VariableSource,
} from './net-expr.ts';
import { type Firing, type Monitor, monitorVariable } from './net-monitor.ts';
import { producedTokens } from './net-outputs.ts';
import type { PlaceLayout } from './net-places.ts';
import {
  conjuncts,
  NetCompileError,
  outputFields,
  readsOpaque,
  type TokenUniverse,
  variablePlaces,
} from './net-universe.ts';
import { intSort } from './sort.ts';
import type { Transition } from './transition-system.ts';

/** A net name as an IR name: `/` becomes `.`, anything else not allowed becomes `_`. */
export const irName = (s: string): string => s.replace(/\//g, '.').replace(/[^A-Za-z0-9_.:-]/g, '_');

/** One IR transition's origin: the net transition and the sources of its variables. */
export interface CompiledTransition {
  readonly name: string;
  readonly transition: NetTransition;
  readonly sources: readonly VariableSource[];
}

/** What the net around a transition provides to compile it. */
export interface TransitionContext {
  readonly layout: PlaceLayout;
  readonly universe: TokenUniverse;
  readonly colours: ReadonlyMap<string, ColourSet>;
  readonly monitors: readonly Monitor[];
}

const isFalse = (f: Formula): boolean => f.kind === 'const' && f.value !== true;

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]);
  else list.push(v);
}

/** The consume and read variables of `t` with their pruned candidates, in arc order. */
function bindSources(t: NetTransition, net: TransitionContext): Map<string, VariableSource> | undefined {
  const element = `transition '${t.id}'`;
  const sources = new Map<string, VariableSource>();
  for (const [i, a] of t.inputs.entries()) {
    if (a.kind === 'inhibit') continue;
    const enc = net.layout.places.get(a.place)!;
    if (a.kind === 'consume' && (a.weight ?? 1) !== 1) {
      throw new NetCompileError(`${element} input arc ${i}`, 'arc weights other than 1 are not supported');
    }
    if (a.kind === 'consume' && enc.kind === 'static') {
      throw new NetCompileError(`${element} input arc ${i}`, 'consumes from a static place');
    }
    const name = a.bind ?? `_${i}`;
    sources.set(name, {
      variable: name,
      place: a.place,
      candidates: allCandidates(enc, net.universe),
      param: undefined,
    });
  }
  const places = variablePlaces(t);
  const usable = conjuncts(t.guard).filter((c) => !readsOpaque(c, places, net.colours));
  prune(sources, usable, new Set(sources.keys()));
  for (const [name, s] of sources) {
    if (s.candidates.length === 0) return undefined;
    sources.set(name, withParameter(s, irName(name)));
  }
  return sources;
}

/** The conditions an inhibitor arc adds: no candidate token of its place satisfies `where`. */
function inhibitorConditions(t: NetTransition, scope: Scope, net: TransitionContext): Formula[] {
  const out: Formula[] = [];
  const places = variablePlaces(t);
  for (const [i, a] of t.inputs.entries()) {
    if (a.kind !== 'inhibit') continue;
    const element = `transition '${t.id}' input arc ${i} where`;
    const where = conjuncts(a.where);
    const enc = net.layout.places.get(a.place)!;
    const blockers = new Map(scope);
    blockers.set(a.bind, {
      variable: a.bind,
      place: a.place,
      candidates: allCandidates(enc, net.universe),
      param: undefined,
    });
    prune(
      blockers,
      where.filter((c) => !readsOpaque(c, places, net.colours)),
      new Set([a.bind]),
    );
    for (const c of blockers.get(a.bind)!.candidates) {
      const inner = new Map(scope).set(a.bind, {
        variable: a.bind,
        place: a.place,
        candidates: [c],
        param: undefined,
      });
      out.push(fNot(fAnd(c.present, ...where.map((w) => compileCondition(w, inner, element)))));
    }
  }
  return out;
}

/** Compiles one net transition; undefined when it can never fire or never changes the state. */
export function compileTransition(
  t: NetTransition,
  net: TransitionContext,
): { readonly ir: Transition; readonly info: CompiledTransition } | undefined {
  const element = `transition '${t.id}'`;
  const sources = bindSources(t, net);
  if (sources === undefined) return undefined;
  const scope: Scope = sources;
  const list = [...sources.values()];

  // The guard: the tokens are there and distinct, the net's guard holds, no inhibitor blocks.
  const guard: Formula[] = list.map(presence);
  list.forEach((x, i) => {
    for (const y of list.slice(i + 1)) {
      if (x.place !== y.place) continue;
      x.candidates.forEach((cx, ix) => {
        y.candidates.forEach((cy, iy) => {
          if (cx.identity === cy.identity) guard.push(fNot(fAnd(chooses(x, ix), chooses(y, iy))));
        });
      });
    }
  });
  for (const c of conjuncts(t.guard)) guard.push(compileCondition(c, scope, `${element} guard`));
  guard.push(...inhibitorConditions(t, scope, net));
  const guardFormula = fAnd(...guard);
  if (isFalse(guardFormula)) return undefined;

  // The updates: presence of the tokens taken and put, record fields rewritten, monitors tripped.
  const consumed = new Map<string, Formula[]>();
  const produced = new Map<string, Formula[]>();
  const rewritten = new Map<string, { cond: Formula; term: Term }[]>();
  const records = new Map<string, VariableSource>();
  for (const [i, a] of t.inputs.entries()) {
    if (a.kind !== 'consume') continue;
    const source = sources.get(a.bind ?? `_${i}`)!;
    const enc = net.layout.places.get(a.place)!;
    if (enc.kind === 'set') {
      source.candidates.forEach((c, ci) => {
        push(consumed, enc.vars[enc.index.get(c.identity)!]!, chooses(source, ci));
      });
    } else records.set(source.variable, source);
  }
  const matched = new Set<string>();
  for (const [i, o] of t.outputs.entries()) {
    const at = `${element} output arc ${i}`;
    const enc = net.layout.places.get(o.place)!;
    const fields = outputFields(o.token, enc.place.colour, at);
    switch (enc.kind) {
      case 'static':
        throw new NetCompileError(at, 'produces into a static place');
      case 'set': {
        const when = o.when === undefined ? constant(true) : compileCondition(o.when, scope, `${at} when`);
        for (const [k, match] of producedTokens(enc.tokens, fields, scope, at)) {
          const put = fAnd(when, match);
          if (!isFalse(put)) push(produced, enc.vars[k]!, put);
        }
        break;
      }
      case 'record': {
        if (o.when !== undefined)
          throw new NetCompileError(at, 'a record place cannot be written conditionally');
        const copies = (x: string) =>
          enc.keyFields.every((kf) => {
            const f = fields.find((g) => g.name === kf)?.expr;
            return f?.kind === 'field' && f.of.kind === 'var' && f.of.name === x && f.name === kf;
          });
        const source = [...records.values()].find((s) => s.place === o.place && copies(s.variable));
        if (source === undefined || matched.has(source.variable)) {
          throw new NetCompileError(
            at,
            `must put back, key unchanged, a token it takes from record place '${o.place}'`,
          );
        }
        matched.add(source.variable);
        source.candidates.forEach((candidate, ci) => {
          const inner = new Map(scope).set(source.variable, fixed(source, ci));
          for (const [fname, field] of candidate.slot!.fields) {
            if (field.kind !== 'var') continue;
            const expr = fields.find((g) => g.name === fname)!.expr;
            const term = compileTerm(expr, inner, `${at} field '${fname}'`);
            if (!sameLeaf(term, variable(field.name)))
              push(rewritten, field.name, { cond: chooses(source, ci), term });
          }
        });
        break;
      }
      default: {
        const bad: never = enc;
        return bad;
      }
    }
  }
  for (const s of records.values()) {
    if (!matched.has(s.variable)) {
      throw new NetCompileError(
        element,
        `takes a token from record place '${s.place}' and does not put it back`,
      );
    }
  }
  const updates: Record<string, Term> = {};
  for (const v of new Set([...consumed.keys(), ...produced.keys()])) {
    const next = fOr(fAnd(variable(v), fNot(fOr(...(consumed.get(v) ?? [])))), ...(produced.get(v) ?? []));
    if (!sameLeaf(next, variable(v))) updates[v] = next;
  }
  for (const [v, cases] of rewritten) {
    let next: Term = variable(v);
    for (const c of [...cases].reverse()) next = fIte(c.cond, c.term, next);
    if (!sameLeaf(next, variable(v))) updates[v] = next;
  }
  const firing: Firing = {
    transition: t,
    scope,
    cases: (e) => compileExpr(e, scope, `monitor on ${element}`),
    condition: (e) => compileCondition(e, scope, `monitor on ${element}`),
  };
  for (const m of net.monitors) {
    if (!m.watches(t)) continue;
    const ok = m.requires(firing, net.layout);
    if (ok.kind === 'const' && ok.value === true) continue;
    const v = monitorVariable(m.id);
    updates[v] = fOr(variable(v), fNot(ok));
  }
  if (Object.keys(updates).length === 0) return undefined;
  const name = irName(t.id);
  const params = list.flatMap((s) =>
    s.param === undefined ? [] : [{ name: s.param, sort: intSort(0, s.candidates.length - 1) }],
  );
  return { ir: { name, params, guard: guardFormula, updates }, info: { name, transition: t, sources: list } };
}

/** The (stripped) tokens a firing of `info` took, given its parameters and the state it fired from. */
export function firingTokens(
  info: CompiledTransition,
  params: Readonly<Record<string, unknown>>,
  tokenOfSlot: (c: VariableSource['candidates'][number]) => Token,
): Readonly<Record<string, Token>> {
  const out: Record<string, Token> = {};
  for (const s of info.sources) {
    const c = s.candidates[s.param === undefined ? 0 : Number(params[s.param])]!;
    out[s.variable] = c.token ?? tokenOfSlot(c);
  }
  return out;
}
