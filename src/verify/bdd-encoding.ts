/**
 * The transition-system IR as BDDs: every variable and parameter becomes a few bits (the binary
 * index of its value in its sort), every formula a BDD over them, and every transition a relation
 * between the current bits, its parameters' bits and the next bits of the variables it updates.
 * Levels are ordered parameters first (shared by all transitions, which never fire together), then
 * each state bit followed by its next-state copy, so renaming next bits to current ones keeps the
 * order and the image of a transition quantifies only what it touches.
 */
import { Bdd } from './bdd.ts';
import { variablesOf } from './cone-of-influence.ts';
import { IrError } from './errors.ts';
import type { Expr, Formula } from './expr.ts';
import { sortValues, type Value } from './sort.ts';
import type { Bindings, State } from './trace.ts';
import type { Transition, TransitionSystem } from './transition-system.ts';

/** The bits of one variable or parameter: their levels (least significant first) and its values. */
interface Slot {
  readonly levels: readonly number[];
  readonly values: readonly Value[];
}

/** A value by cases over BDD conditions (mutually exclusive, exhaustive where it is defined). */
type ValueCases = readonly { readonly cond: number; readonly value: Value }[];

/** One transition as a relation, with what its image quantifies and renames. */
export interface SymbolicTransition {
  readonly transition: Transition;
  readonly relation: number;
  readonly quantifier: number;
  readonly renaming: number;
  /** Next-state levels of the variables it updates, and the current levels it leaves alone. */
  readonly nextLevels: readonly number[];
  readonly keptLevels: readonly number[];
}

const bitsFor = (n: number): number => (n <= 1 ? 0 : Math.ceil(Math.log2(n)));

/**
 * A variable order that keeps the variables each transition reads and writes close together (the
 * FORCE heuristic: move every variable to the mean position of the transitions it takes part in,
 * re-rank, repeat). BDD sizes depend on the order above all; the compiler's order (place by place)
 * puts a user's copy of a ciphertext far from the cloud's.
 */
function variableOrder(ts: TransitionSystem): readonly TransitionSystem['vars'][number][] {
  const index = new Map(ts.vars.map((v, i) => [v.name, i]));
  const edges = ts.transitions
    .map((t) => {
      const used = variablesOf(t.guard);
      for (const [name, term] of Object.entries(t.updates)) {
        used.add(name);
        variablesOf(term, used);
      }
      return [...used].map((name) => index.get(name)!);
    })
    .filter((e) => e.length > 1);
  let position = ts.vars.map((_, i) => i);
  for (let round = 0; round < 40; round++) {
    const sum = new Float64Array(ts.vars.length);
    const count = new Float64Array(ts.vars.length);
    for (const e of edges) {
      const centre = e.reduce((acc, i) => acc + position[i]!, 0) / e.length;
      for (const i of e) {
        sum[i]! += centre;
        count[i]! += 1;
      }
    }
    const target = position.map((p, i) => (count[i]! === 0 ? p : sum[i]! / count[i]!));
    const ranked = ts.vars.map((_, i) => i).sort((a, b) => target[a]! - target[b]! || a - b);
    const next = new Array<number>(ts.vars.length);
    ranked.forEach((v, rank) => {
      next[v] = rank;
    });
    position = next;
  }
  return [...ts.vars].sort((a, b) => position[index.get(a.name)!]! - position[index.get(b.name)!]!);
}

/** The BDD encoding of one transition system (see the module comment). */
export class BddEncoding {
  readonly bdd: Bdd;
  readonly system: TransitionSystem;
  private readonly state = new Map<string, Slot>();
  private readonly next = new Map<string, Slot>();
  /** The parameter slots of each transition, by transition name then parameter name. */
  private readonly params = new Map<string, ReadonlyMap<string, Slot>>();
  readonly currentLevels: readonly number[];
  readonly transitions: readonly SymbolicTransition[];
  readonly init: number;

  constructor(ts: TransitionSystem, nodeLimit?: number) {
    this.system = ts;
    const paramBits = Math.max(
      0,
      ...ts.transitions.map((t) =>
        (t.params ?? []).reduce((n, p) => n + bitsFor(sortValues(p.sort).length), 0),
      ),
    );
    let level = paramBits;
    const current: number[] = [];
    for (const v of variableOrder(ts)) {
      const values = sortValues(v.sort);
      const cur: number[] = [];
      const nxt: number[] = [];
      for (let b = 0; b < bitsFor(values.length); b++) {
        cur.push(level++);
        nxt.push(level++);
      }
      current.push(...cur);
      this.state.set(v.name, { levels: cur, values });
      this.next.set(v.name, { levels: nxt, values });
    }
    this.currentLevels = current;
    this.bdd = new Bdd(level, nodeLimit);
    for (const t of ts.transitions) {
      let at = 0;
      const slots = new Map<string, Slot>();
      for (const p of t.params ?? []) {
        const values = sortValues(p.sort);
        const levels = Array.from({ length: bitsFor(values.length) }, (_, i) => at + i);
        at += levels.length;
        slots.set(p.name, { levels, values });
      }
      this.params.set(t.name, slots);
    }
    this.init = this.bdd.and(
      this.formula(ts.init),
      this.inRange(ts.vars.map((v) => this.state.get(v.name)!)),
    );
    this.transitions = ts.transitions.map((t) => this.relation(t));
  }

  /** The condition that the bits of `slot` encode value index `k`. */
  private encodes(slot: Slot, k: number): number {
    let out = 1;
    slot.levels.forEach((l, j) => {
      const bit = this.bdd.variable(l);
      out = this.bdd.and(out, (k >> j) & 1 ? bit : this.bdd.not(bit));
    });
    return out;
  }

  /** The condition that every slot holds a valid index (bits may encode more values than the sort has). */
  private inRange(slots: readonly Slot[]): number {
    let out = 1;
    for (const s of slots) {
      if (2 ** s.levels.length === s.values.length) continue;
      let ok = 0;
      for (let k = 0; k < s.values.length; k++) ok = this.bdd.or(ok, this.encodes(s, k));
      out = this.bdd.and(out, ok);
    }
    return out;
  }

  private slotCases(slot: Slot): ValueCases {
    return slot.values.map((value, k) => ({ cond: this.encodes(slot, k), value }));
  }

  /** Merges cases with equal values and drops impossible ones. */
  private merge(cases: readonly { cond: number; value: Value }[]): ValueCases {
    const byValue = new Map<Value, number>();
    for (const c of cases) {
      if (c.cond === 0) continue;
      byValue.set(c.value, this.bdd.or(byValue.get(c.value) ?? 0, c.cond));
    }
    return [...byValue].map(([value, cond]) => ({ cond, value }));
  }

  private pairs(a: ValueCases, b: ValueCases, f: (x: Value, y: Value) => Value): ValueCases {
    const out: { cond: number; value: Value }[] = [];
    for (const x of a)
      for (const y of b) out.push({ cond: this.bdd.and(x.cond, y.cond), value: f(x.value, y.value) });
    return this.merge(out);
  }

  /** `e` by cases, in the scope of transition `t`'s parameters (none outside transitions). */
  private cases(e: Expr, t: Transition | undefined): ValueCases {
    switch (e.kind) {
      case 'var': {
        const slot = this.state.get(e.name);
        if (slot === undefined) throw new IrError('bdd encoding', `unknown variable ${e.name}`);
        return this.slotCases(slot);
      }
      case 'param': {
        const slot = t === undefined ? undefined : this.params.get(t.name)?.get(e.name);
        if (slot === undefined) throw new IrError('bdd encoding', `unknown parameter ${e.name}`);
        return this.slotCases(slot);
      }
      case 'const':
        return [{ cond: 1, value: e.value }];
      case 'add':
        return this.pairs(
          this.cases(e.left, t),
          this.cases(e.right, t),
          (x, y) => (x as number) + (y as number),
        );
      case 'sub':
        return this.pairs(
          this.cases(e.left, t),
          this.cases(e.right, t),
          (x, y) => (x as number) - (y as number),
        );
      case 'ite': {
        const c = this.condition(e.cond, t);
        const yes = this.cases(e.ifTrue, t).map((x) => ({ cond: this.bdd.and(c, x.cond), value: x.value }));
        const no = this.cases(e.ifFalse, t).map((x) => ({
          cond: this.bdd.and(this.bdd.not(c), x.cond),
          value: x.value,
        }));
        return this.merge([...yes, ...no]);
      }
      default: {
        const holds = this.condition(e, t);
        return this.merge([
          { cond: holds, value: true },
          { cond: this.bdd.not(holds), value: false },
        ]);
      }
    }
  }

  /** The BDD of a boolean expression in the scope of transition `t`. */
  private condition(e: Expr, t: Transition | undefined): number {
    const b = this.bdd;
    const holds = (cases: ValueCases) =>
      cases.reduce((acc, c) => (c.value === true ? b.or(acc, c.cond) : acc), 0);
    const compare = (f: (x: Value, y: Value) => boolean) => {
      const { left, right } = e as Extract<Expr, { left: Expr }>;
      return holds(this.pairs(this.cases(left, t), this.cases(right, t), f));
    };
    switch (e.kind) {
      case 'const':
        return e.value === true ? 1 : 0;
      case 'var':
      case 'param':
      case 'ite':
        return holds(this.cases(e, t));
      case 'not':
        return b.not(this.condition(e.arg, t));
      case 'and': {
        let out = 1;
        for (const a of e.args) {
          out = b.and(out, this.condition(a, t));
          if (out === 0) break;
        }
        return out;
      }
      case 'or': {
        let out = 0;
        for (const a of e.args) {
          out = b.or(out, this.condition(a, t));
          if (out === 1) break;
        }
        return out;
      }
      case 'implies':
        return b.or(b.not(this.condition(e.left, t)), this.condition(e.right, t));
      case 'eq':
        return compare((x, y) => x === y);
      case 'ne':
        return compare((x, y) => x !== y);
      case 'lt':
        return compare((x, y) => (x as number) < (y as number));
      case 'le':
        return compare((x, y) => (x as number) <= (y as number));
      default:
        throw new IrError('bdd encoding', `${e.kind} is not a condition`);
    }
  }

  /** The BDD of a state formula (a property, `init`). */
  formula(f: Formula): number {
    return this.condition(f, undefined);
  }

  private relation(t: Transition): SymbolicTransition {
    const b = this.bdd;
    const params = this.params.get(t.name)!;
    let rel = b.and(this.condition(t.guard, t), this.inRange([...params.values()]));
    const quantified: number[] = [...params.values()].flatMap((s) => [...s.levels]);
    const map = new Int32Array(b.levels + 1);
    for (let l = 0; l <= b.levels; l++) map[l] = l;
    const nextLevels: number[] = [];
    const updated = new Set<string>();
    for (const [name, term] of Object.entries(t.updates)) {
      const cur = this.state.get(name)!;
      const nxt = this.next.get(name)!;
      updated.add(name);
      const cases = this.cases(term, t);
      let valid = 0;
      for (const c of cases) if (cur.values.includes(c.value)) valid = b.or(valid, c.cond);
      rel = b.and(rel, valid);
      nxt.levels.forEach((l, j) => {
        let on = 0;
        for (const c of cases) {
          const k = cur.values.indexOf(c.value);
          if (k >= 0 && (k >> j) & 1) on = b.or(on, c.cond);
        }
        rel = b.and(rel, b.iff(b.variable(l), on));
        map[l] = cur.levels[j]!;
        quantified.push(cur.levels[j]!);
        nextLevels.push(l);
      });
    }
    const keptLevels = this.system.vars
      .filter((v) => !updated.has(v.name))
      .flatMap((v) => [...this.state.get(v.name)!.levels]);
    return {
      transition: t,
      relation: rel,
      quantifier: b.quantifier(quantified),
      renaming: b.renaming(map),
      nextLevels,
      keptLevels,
    };
  }

  /** The states reached from `states` in one firing of `t`. */
  image(t: SymbolicTransition, states: number): number {
    return this.bdd.replace(this.bdd.andExists(states, t.relation, t.quantifier), t.renaming);
  }

  /** The IR state that the current bits of `bits` encode. */
  decodeState(bits: Uint8Array): State {
    const out: Record<string, Value> = {};
    for (const [name, slot] of this.state) out[name] = slot.values[indexOf(slot, bits)]!;
    return Object.freeze(out);
  }

  /** The parameters of `t` that the parameter bits of `bits` encode. */
  decodeParams(t: Transition, bits: Uint8Array): Bindings {
    const out: Record<string, Value> = {};
    for (const [name, slot] of this.params.get(t.name)!) out[name] = slot.values[indexOf(slot, bits)]!;
    return Object.freeze(out);
  }

  /**
   * The condition that a firing of `t` leads to the state whose current bits are `bits`: the
   * next bits of what `t` updates and the current bits of what it keeps equal that state's.
   */
  leadsTo(t: SymbolicTransition, bits: Uint8Array): number {
    const target = new Uint8Array(this.bdd.levels);
    for (const l of t.keptLevels) target[l] = bits[l]!;
    for (const [name, nxt] of this.next) {
      const cur = this.state.get(name)!;
      nxt.levels.forEach((l, j) => {
        target[l] = bits[cur.levels[j]!]!;
      });
    }
    return this.bdd.cube([...t.nextLevels, ...t.keptLevels], target);
  }
}

function indexOf(slot: Slot, bits: Uint8Array): number {
  return slot.levels.reduce((k, l, j) => k + (bits[l]! << j), 0);
}
