/**
 * Z3 formulas in a reviewer's notation: infix operators over the IR's variable names, Spacer's
 * habitual `¬(x ≥ 6)` turned into `x < 6`, and comparisons of an enum variable with an index turned
 * back into value names (`phase ∈ {idle, want}`). Anything unrecognised prints as Z3's s-expression,
 * so nothing is ever hidden.
 */
import { type Expr, Z3_decl_kind } from 'z3-solver';
import type { Sort } from './sort.ts';
import type { Z3Context } from './z3-context.ts';

type Z3Expr = Expr<'verify'>;

const K = Z3_decl_kind;
const COMPARE: ReadonlyMap<number, { symbol: string; test: (a: number, b: number) => boolean }> = new Map([
  [K.Z3_OP_EQ, { symbol: '=', test: (a: number, b: number) => a === b }],
  [K.Z3_OP_LE, { symbol: '≤', test: (a: number, b: number) => a <= b }],
  [K.Z3_OP_GE, { symbol: '≥', test: (a: number, b: number) => a >= b }],
  [K.Z3_OP_LT, { symbol: '<', test: (a: number, b: number) => a < b }],
  [K.Z3_OP_GT, { symbol: '>', test: (a: number, b: number) => a > b }],
]);
/** The comparison that `¬(a op b)` is. */
const NEGATED: ReadonlyMap<number, number> = new Map([
  [K.Z3_OP_LE, K.Z3_OP_GT],
  [K.Z3_OP_GE, K.Z3_OP_LT],
  [K.Z3_OP_LT, K.Z3_OP_GE],
  [K.Z3_OP_GT, K.Z3_OP_LE],
]);

/**
 * Renders `expr`, whose free constants are named after IR variables of the given sorts. Comparisons
 * count as atomic: they bind tighter than every connective, so `x < 6 ∧ y = 0` needs no parentheses.
 */
export function readableFormula(ctx: Z3Context, expr: Z3Expr, sorts: ReadonlyMap<string, Sort>): string {
  /** Text and whether it needs parentheses as an operand. */
  const render = (e: Z3Expr): { text: string; atomic: boolean } => {
    if (ctx.isTrue(e)) return { text: 'true', atomic: true };
    if (ctx.isFalse(e)) return { text: 'false', atomic: true };
    if (ctx.isIntVal(e)) return { text: e.value().toString(), atomic: true };
    if (!ctx.isApp(e)) return { text: e.sexpr(), atomic: true };
    const kind = e.decl().kind();
    const args = e.children() as Z3Expr[];
    const op = (x: Z3Expr): string => {
      const r = render(x);
      return r.atomic ? r.text : `(${r.text})`;
    };
    const joined = (symbol: string) => ({ text: args.map(op).join(` ${symbol} `), atomic: false });
    if (kind === K.Z3_OP_UNINTERPRETED && args.length === 0)
      return { text: String(e.decl().name()), atomic: true };
    if (kind === K.Z3_OP_NOT) {
      const [inner] = args as [Z3Expr];
      const innerKind = ctx.isApp(inner) ? inner.decl().kind() : undefined;
      const flipped = innerKind === undefined ? undefined : NEGATED.get(innerKind);
      if (flipped !== undefined) return comparison(flipped, inner.children() as Z3Expr[]);
      if (innerKind === K.Z3_OP_EQ) return comparison(K.Z3_OP_EQ, inner.children() as Z3Expr[], true);
      return { text: `¬${op(inner)}`, atomic: true };
    }
    const cmp = COMPARE.get(kind);
    if (cmp !== undefined && args.length === 2 && !ctx.isBool(args[0])) return comparison(kind, args);
    switch (kind) {
      case K.Z3_OP_AND:
        return joined('∧');
      case K.Z3_OP_OR:
        return joined('∨');
      case K.Z3_OP_IMPLIES:
        return joined('⇒');
      case K.Z3_OP_EQ:
      case K.Z3_OP_IFF:
        return joined('⇔');
      case K.Z3_OP_XOR:
        return joined('⊕');
      case K.Z3_OP_DISTINCT:
        return joined('≠');
      case K.Z3_OP_ADD:
        return joined('+');
      case K.Z3_OP_SUB:
        return joined('-');
      case K.Z3_OP_MUL:
        return joined('·');
      case K.Z3_OP_UMINUS:
        return { text: `-${op(args[0]!)}`, atomic: true };
      case K.Z3_OP_ITE:
        return { text: `if ${op(args[0]!)} then ${op(args[1]!)} else ${op(args[2]!)}`, atomic: false };
      default:
        return { text: e.sexpr(), atomic: true };
    }
  };

  /** `a op b`, with an enum variable against an index shown as the set of value names it allows. */
  const comparison = (kind: number, args: Z3Expr[], negate = false): { text: string; atomic: boolean } => {
    const [a, b] = args as [Z3Expr, Z3Expr];
    const cmp = COMPARE.get(kind)!;
    const enumValues = (x: Z3Expr): readonly string[] | undefined => {
      if (!ctx.isApp(x) || x.numArgs() !== 0 || x.decl().kind() !== K.Z3_OP_UNINTERPRETED) return undefined;
      const sort = sorts.get(String(x.decl().name()));
      return sort?.kind === 'enum' ? sort.values : undefined;
    };
    for (const [variable, index, swap] of [
      [a, b, false],
      [b, a, true],
    ] as const) {
      const values = enumValues(variable);
      if (values === undefined || !ctx.isIntVal(index)) continue;
      const n = Number(index.value());
      const allowed = values.filter((_, i) => (swap ? cmp.test(n, i) : cmp.test(i, n)) !== negate);
      const name = String(variable.decl().name());
      if (allowed.length === 1) return { text: `${name} = ${allowed[0]}`, atomic: true };
      return { text: `${name} ∈ {${allowed.join(', ')}}`, atomic: true };
    }
    const left = render(a);
    const right = render(b);
    const symbol = negate ? '≠' : cmp.symbol;
    return {
      text: `${left.atomic ? left.text : `(${left.text})`} ${symbol} ${right.atomic ? right.text : `(${right.text})`}`,
      atomic: true,
    };
  };

  return render(expr).text;
}
