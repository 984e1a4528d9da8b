/**
 * The IR in Z3 terms. Two encodings share one expression compiler:
 * - an unrolling for BMC and k-induction: one copy of the state per step (`x@3`), a step selector
 *   (`#step@3`, the index of the transition fired from step 3) and per-step parameters
 *   (`t/p@3`), so a model decodes into "which transition fired, with which parameters";
 * - constrained Horn clauses for Spacer: an uninterpreted predicate `Inv` over the state with
 *   init ⇒ Inv, Inv ∧ T ⇒ Inv′ (one clause per transition) and Inv ∧ ¬P ⇒ false.
 * Bounded integers are Z3 integers with range constraints; enum values are their index in the sort,
 * also range-constrained; booleans are booleans.
 */
import type { Arith, Bool, FuncDecl, Model, Expr as Z3Expr } from 'z3-solver';
import type { Expr } from './expr.ts';
import { type ExprType, operandType, type Scope, typeOfSort } from './expr-type.ts';
import type { Sort, Value } from './sort.ts';
import type { Bindings, State, TraceStep } from './trace.ts';
import {
  type Property,
  stateScope,
  type Transition,
  type TransitionSystem,
  transitionScope,
} from './transition-system.ts';
import type { Z3Context } from './z3-context.ts';

type Name = 'verify';
/** A Z3 term standing for one IR variable or parameter: a Bool, or an Int for ints and enums. */
export type Z3Symbol = Bool<Name> | Arith<Name>;
/** The Z3 symbols that IR names denote in one place of an encoding. */
interface SymbolTable {
  readonly vars: ReadonlyMap<string, Z3Symbol>;
  readonly params: ReadonlyMap<string, Z3Symbol>;
}

/** A fresh Z3 constant for an IR name of the given sort. */
function declareSymbol(ctx: Z3Context, name: string, sort: Sort): Z3Symbol {
  return sort.kind === 'bool' ? ctx.Bool.const(name) : ctx.Int.const(name);
}

/** The constraint that `symbol` lies within `sort` (true for booleans). */
function inSort(ctx: Z3Context, symbol: Z3Symbol, sort: Sort): Bool<Name> {
  switch (sort.kind) {
    case 'bool':
      return ctx.Bool.val(true);
    case 'int':
      return ctx.And((symbol as Arith<Name>).ge(sort.min), (symbol as Arith<Name>).le(sort.max));
    case 'enum':
      return ctx.And((symbol as Arith<Name>).ge(0), (symbol as Arith<Name>).lt(sort.values.length));
    default: {
      const bad: never = sort;
      return bad;
    }
  }
}

/** Encodes a concrete value of `sort` as the Z3 value the encodings use for it. */
function encodeValue(ctx: Z3Context, value: Value, type: ExprType): Z3Symbol {
  if (typeof value === 'boolean') return ctx.Bool.val(value);
  if (typeof value === 'number') return ctx.Int.val(value);
  if (type.kind !== 'enum') throw new TypeError(`enum literal ${value} used as ${type.kind}`);
  return ctx.Int.val(type.values.indexOf(value));
}

/** Decodes a value from a model: booleans, integers, and enum indices back to value names. */
function decodeValue(ctx: Z3Context, model: Model<Name>, symbol: Z3Symbol, sort: Sort): Value {
  const v = model.eval(symbol, true);
  if (sort.kind === 'bool') return ctx.isTrue(v);
  if (!ctx.isIntVal(v)) throw new TypeError(`model gives no integer for ${symbol.sexpr()}: ${v.sexpr()}`);
  const n = Number(v.value());
  return sort.kind === 'int' ? n : (sort.values[n] ?? `#${n}`);
}

/**
 * Compiles an IR expression that type-checked in `scope` into Z3, with names resolved by
 * `symbols`; `expected` fixes the sort of enum literals that stand alone (e.g. update terms).
 */
function encodeExpr(
  ctx: Z3Context,
  expr: Expr,
  scope: Scope,
  symbols: SymbolTable,
  expected?: ExprType,
): Z3Symbol {
  const bool = (e: Expr): Bool<Name> => encodeExpr(ctx, e, scope, symbols) as Bool<Name>;
  const int = (e: Expr): Arith<Name> => encodeExpr(ctx, e, scope, symbols) as Arith<Name>;
  const typed = (e: Expr, type: ExprType): Z3Symbol => encodeExpr(ctx, e, scope, symbols, type);
  switch (expr.kind) {
    case 'var':
    case 'param': {
      const s = (expr.kind === 'var' ? symbols.vars : symbols.params).get(expr.name);
      if (s === undefined) throw new TypeError(`no symbol for ${expr.kind} ${expr.name}`);
      return s;
    }
    case 'const':
      return encodeValue(ctx, expr.value, expected ?? { kind: 'bool' });
    case 'not':
      return ctx.Not(bool(expr.arg));
    case 'and':
      return expr.args.length === 0 ? ctx.Bool.val(true) : ctx.And(...expr.args.map(bool));
    case 'or':
      return expr.args.length === 0 ? ctx.Bool.val(false) : ctx.Or(...expr.args.map(bool));
    case 'implies':
      return ctx.Implies(bool(expr.left), bool(expr.right));
    case 'eq':
    case 'ne': {
      const type = operandType(expr.left, expr.right, scope);
      const l = typed(expr.left, type) as Z3Expr<Name>;
      const same = l.eq(typed(expr.right, type) as Z3Expr<Name>);
      return expr.kind === 'eq' ? same : ctx.Not(same);
    }
    case 'lt':
      return int(expr.left).lt(int(expr.right));
    case 'le':
      return int(expr.left).le(int(expr.right));
    case 'add':
      return int(expr.left).add(int(expr.right));
    case 'sub':
      return int(expr.left).sub(int(expr.right));
    case 'ite': {
      const type = expected ?? operandType(expr.ifTrue, expr.ifFalse, scope);
      return ctx.If(bool(expr.cond), typed(expr.ifTrue, type), typed(expr.ifFalse, type)) as Z3Symbol;
    }
    default: {
      const bad: never = expr;
      return bad;
    }
  }
}

/** The updated value of each variable under transition `t` (the frame keeps the others). */
function nextValues(
  ctx: Z3Context,
  ts: TransitionSystem,
  t: Transition,
  symbols: SymbolTable,
): ReadonlyMap<string, Z3Symbol> {
  const scope = transitionScope(ts, t);
  return new Map(
    ts.vars.map((v) => {
      const term = t.updates[v.name];
      const current = symbols.vars.get(v.name)!;
      return [
        v.name,
        term === undefined ? current : encodeExpr(ctx, term, scope, symbols, typeOfSort(v.sort)),
      ];
    }),
  );
}

/** `and` of a list that may be empty. */
function all(ctx: Z3Context, parts: readonly Bool<Name>[]): Bool<Name> {
  return parts.length === 0 ? ctx.Bool.val(true) : ctx.And(...parts);
}

/** Copies of the state over steps 0, 1, 2, … and the constraints that link them. */
export interface Unrolling {
  /** The symbols of step `k`'s state, by variable name. */
  state(k: number): ReadonlyMap<string, Z3Symbol>;
  /** Step `k`'s state is initial (and within its sorts). */
  init(k: number): Bool<Name>;
  /** Step `k`'s state is within its sorts (for states not constrained by `init`). */
  ranges(k: number): Bool<Name>;
  /** One transition fires from step `k` to step `k + 1`, whose state is within its sorts. */
  transition(k: number): Bool<Name>;
  /** `formula` (over state variables) holds at step `k`. */
  holds(formula: Expr, k: number): Bool<Name>;
  /** Steps `i` and `j` differ in at least one variable (simple-path constraints). */
  differ(i: number, j: number): Bool<Name>;
  /** The initial state and the steps `0 → depth` of a model of an unrolling to `depth`. */
  decode(
    model: Model<Name>,
    depth: number,
  ): { readonly initial: State; readonly trace: readonly TraceStep[] };
}

/** `f` computed once per step index: the engines ask for the same steps at every depth. */
function perStep<T>(f: (k: number) => T): (k: number) => T {
  const cache = new Map<number, T>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      v = f(k);
      cache.set(k, v);
    }
    return v;
  };
}

/** Builds the unrolling of `ts` (assumed validated); symbols and constraints are built lazily per step. */
export function unroll(ctx: Z3Context, ts: TransitionSystem): Unrolling {
  const state = perStep(
    (k): ReadonlyMap<string, Z3Symbol> =>
      new Map(ts.vars.map((v) => [v.name, declareSymbol(ctx, `${v.name}@${k}`, v.sort)])),
  );
  const params = (t: Transition, k: number): ReadonlyMap<string, Z3Symbol> =>
    new Map((t.params ?? []).map((p) => [p.name, declareSymbol(ctx, `${t.name}/${p.name}@${k}`, p.sort)]));
  const selector = (k: number): Arith<Name> => ctx.Int.const(`#step@${k}`);
  const scope = stateScope(ts);
  const ranges = perStep(
    (k): Bool<Name> =>
      all(
        ctx,
        ts.vars.map((v) => inSort(ctx, state(k).get(v.name)!, v.sort)),
      ),
  );
  const holds = (formula: Expr, k: number): Bool<Name> =>
    encodeExpr(ctx, formula, scope, { vars: state(k), params: new Map() }) as Bool<Name>;
  const stateAt = (model: Model<Name>, k: number): State =>
    Object.freeze(
      Object.fromEntries(
        ts.vars.map((v) => [v.name, decodeValue(ctx, model, state(k).get(v.name)!, v.sort)]),
      ),
    );

  return {
    state,
    ranges,
    holds,
    init: perStep((k) => ctx.And(ranges(k), holds(ts.init, k))),
    transition: perStep((k) => {
      const sel = selector(k);
      const cur = state(k);
      const nxt = state(k + 1);
      // Each variable's next value is an if-then-else over the transitions that update it, with
      // its current value last: the frame costs nothing for the many variables a step leaves alone.
      const updates = new Map<string, { readonly index: number; readonly value: Z3Symbol }[]>();
      const choices = ts.transitions.map((t, i) => {
        const ps = params(t, k);
        const symbols = { vars: cur, params: ps };
        const scope = transitionScope(ts, t);
        for (const v of ts.vars) {
          const term = t.updates[v.name];
          if (term === undefined) continue;
          const value = encodeExpr(ctx, term, scope, symbols, typeOfSort(v.sort));
          const list = updates.get(v.name);
          if (list === undefined) updates.set(v.name, [{ index: i, value }]);
          else list.push({ index: i, value });
        }
        const enabled = all(ctx, [
          encodeExpr(ctx, t.guard, scope, symbols) as Bool<Name>,
          ...(t.params ?? []).map((p) => inSort(ctx, ps.get(p.name)!, p.sort)),
        ]);
        return ctx.Implies(sel.eq(i), enabled);
      });
      const frames = ts.vars.map((v) => {
        let value = cur.get(v.name)! as Z3Expr<Name>;
        for (const u of [...(updates.get(v.name) ?? [])].reverse()) {
          value = ctx.If(sel.eq(u.index), u.value as Z3Expr<Name>, value) as Z3Expr<Name>;
        }
        return (nxt.get(v.name)! as Z3Expr<Name>).eq(value);
      });
      return all(ctx, [sel.ge(0), sel.lt(ts.transitions.length), ...choices, ...frames, ranges(k + 1)]);
    }),
    differ: (i, j) =>
      ctx.Or(
        ctx.Bool.val(false),
        ...ts.vars.map((v) =>
          ctx.Not((state(i).get(v.name)! as Z3Expr<Name>).eq(state(j).get(v.name)! as Z3Expr<Name>)),
        ),
      ),
    decode: (model, depth) => {
      const trace: TraceStep[] = [];
      for (let k = 0; k < depth; k++) {
        const index = Number((model.eval(selector(k), true) as Arith<Name> & { value(): bigint }).value());
        const t = ts.transitions[index]!;
        const ps = params(t, k);
        const bindings: Bindings = Object.freeze(
          Object.fromEntries(
            (t.params ?? []).map((p) => [p.name, decodeValue(ctx, model, ps.get(p.name)!, p.sort)]),
          ),
        );
        trace.push(Object.freeze({ transition: t.name, params: bindings, state: stateAt(model, k + 1) }));
      }
      return { initial: stateAt(model, 0), trace };
    },
  };
}

/** The Horn-clause encoding of one property over one system. */
export interface HornEncoding {
  /** The invariant predicate, one argument per state variable in declaration order. */
  readonly inv: FuncDecl<Name>;
  /** The constants standing for the state variables, in `inv`'s argument order. */
  readonly stateSymbols: readonly Z3Symbol[];
  /**
   * Universally closed clauses: init ⇒ Inv, one Inv ∧ T_t ⇒ Inv′ per transition, Inv ∧ ¬P ⇒ false.
   * They are satisfiable (an interpretation of Inv exists) exactly when the property holds.
   */
  readonly clauses: readonly Bool<Name>[];
}

/** Builds the Horn clauses of `property` over `ts` (both assumed validated). */
export function encodeHorn(ctx: Z3Context, ts: TransitionSystem, property: Property): HornEncoding {
  const sort = (s: Sort) => (s.kind === 'bool' ? ctx.Bool.sort() : ctx.Int.sort());
  const inv = ctx.Function.declare('Inv', ...ts.vars.map((v) => sort(v.sort)), ctx.Bool.sort());
  const vars = new Map(ts.vars.map((v) => [v.name, declareSymbol(ctx, v.name, v.sort)]));
  const stateSymbols = ts.vars.map((v) => vars.get(v.name)!);
  const scope = stateScope(ts);
  const closed = (bound: readonly Z3Symbol[], body: Bool<Name>): Bool<Name> =>
    bound.length === 0 ? body : (ctx.ForAll([...bound] as [Z3Symbol, ...Z3Symbol[]], body) as Bool<Name>);
  const invAt = (args: readonly Z3Symbol[]): Bool<Name> => inv.call(...args) as Bool<Name>;
  const noParams = { vars, params: new Map<string, Z3Symbol>() };

  const initClause = closed(
    stateSymbols,
    ctx.Implies(
      all(ctx, [
        ...ts.vars.map((v) => inSort(ctx, vars.get(v.name)!, v.sort)),
        encodeExpr(ctx, ts.init, scope, noParams) as Bool<Name>,
      ]),
      invAt(stateSymbols),
    ),
  );
  const stepClauses = ts.transitions.map((t) => {
    const params = new Map(
      (t.params ?? []).map((p) => [p.name, declareSymbol(ctx, `${t.name}/${p.name}`, p.sort)]),
    );
    const symbols = { vars, params };
    const next = nextValues(ctx, ts, t, symbols);
    const body = all(ctx, [
      invAt(stateSymbols),
      encodeExpr(ctx, t.guard, transitionScope(ts, t), symbols) as Bool<Name>,
      ...(t.params ?? []).map((p) => inSort(ctx, params.get(p.name)!, p.sort)),
      ...ts.vars
        .filter((v) => t.updates[v.name] !== undefined)
        .map((v) => inSort(ctx, next.get(v.name)!, v.sort)),
    ]);
    return closed(
      [...stateSymbols, ...params.values()],
      ctx.Implies(body, invAt(ts.vars.map((v) => next.get(v.name)!))),
    );
  });
  const bad = ctx.And(
    invAt(stateSymbols),
    ctx.Not(encodeExpr(ctx, property.formula, scope, noParams) as Bool<Name>),
  );
  return {
    inv,
    stateSymbols,
    clauses: [initClause, ...stepClauses, closed(stateSymbols, ctx.Implies(bad, ctx.Bool.val(false)))],
  };
}
