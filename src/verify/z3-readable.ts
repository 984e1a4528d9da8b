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

/** Binding strength of what {@link readableFormula} prints: higher binds tighter. */
const ITE = 0;
const IMPLIES = 1;
const OR = 2;
const AND = 3;
const COMPARISON = 4;
const SUM = 5;
const PRODUCT = 6;
const ATOM = 7;

/** Printed text and how tightly it binds. */
interface Printed {
  readonly text: string;
  readonly prec: number;
}

/**
 * Renders `expr`, whose free constants are named after IR variables of the given sorts, with as
 * few parentheses as precedence allows (`¬` tightest, then · + comparisons ∧ ∨ ⇒/⇔, `if` loosest).
 */
export function readableFormula(ctx: Z3Context, expr: Z3Expr, sorts: ReadonlyMap<string, Sort>): string {
  const atom = (text: string): Printed => ({ text, prec: ATOM });
  /** `e` as an operand that must bind at least as tightly as `min`. */
  const operand = (e: Z3Expr, min: number): string => {
    const r = render(e);
    return r.prec < min ? `(${r.text})` : r.text;
  };
  /**
   * n-ary operator at level `prec`; `first` and `rest` say how tightly the first and the other
   * operands must bind (`prec` for associative sides, `prec + 1` where grouping would change meaning).
   */
  const nary = (
    args: readonly Z3Expr[],
    symbol: string,
    prec: number,
    first: number,
    rest: number,
  ): Printed => ({
    text: args.map((a, i) => operand(a, i === 0 ? first : rest)).join(` ${symbol} `),
    prec,
  });
  const assoc = (args: readonly Z3Expr[], symbol: string, prec: number) =>
    nary(args, symbol, prec, prec, prec);

  const render = (e: Z3Expr): Printed => {
    if (ctx.isTrue(e)) return atom('true');
    if (ctx.isFalse(e)) return atom('false');
    if (ctx.isIntVal(e)) return atom(e.value().toString());
    if (!ctx.isApp(e)) return atom(e.sexpr());
    const kind = e.decl().kind();
    const args = e.children() as Z3Expr[];
    if (kind === K.Z3_OP_UNINTERPRETED && args.length === 0) return atom(String(e.decl().name()));
    if (kind === K.Z3_OP_NOT) {
      const [inner] = args as [Z3Expr];
      const innerKind = ctx.isApp(inner) ? inner.decl().kind() : undefined;
      const flipped = innerKind === undefined ? undefined : NEGATED.get(innerKind);
      if (flipped !== undefined) return comparison(flipped, inner.children() as Z3Expr[]);
      if (innerKind === K.Z3_OP_EQ && !ctx.isBool((inner.children() as Z3Expr[])[0])) {
        return comparison(K.Z3_OP_EQ, inner.children() as Z3Expr[], true);
      }
      return atom(`¬${operand(inner, ATOM)}`);
    }
    if (COMPARE.has(kind) && args.length === 2 && !ctx.isBool(args[0])) return comparison(kind, args);
    switch (kind) {
      case K.Z3_OP_AND:
        return assoc(args, '∧', AND);
      case K.Z3_OP_OR:
        return assoc(args, '∨', OR);
      case K.Z3_OP_IMPLIES:
        return nary(args, '⇒', IMPLIES, IMPLIES + 1, IMPLIES);
      case K.Z3_OP_EQ:
      case K.Z3_OP_IFF:
        return nary(args, '⇔', IMPLIES, IMPLIES + 1, IMPLIES + 1);
      case K.Z3_OP_XOR:
        return nary(args, '⊕', IMPLIES, IMPLIES + 1, IMPLIES + 1);
      case K.Z3_OP_DISTINCT:
        return nary(args, '≠', COMPARISON, SUM, SUM);
      case K.Z3_OP_ADD:
        return assoc(args, '+', SUM);
      case K.Z3_OP_SUB:
        return nary(args, '-', SUM, SUM, SUM + 1);
      case K.Z3_OP_MUL:
        return assoc(args, '·', PRODUCT);
      case K.Z3_OP_UMINUS:
        return atom(`-${operand(args[0]!, ATOM)}`);
      case K.Z3_OP_ITE:
        return {
          text: `if ${operand(args[0]!, IMPLIES)} then ${operand(args[1]!, IMPLIES)} else ${operand(args[2]!, ITE)}`,
          prec: ITE,
        };
      default:
        return atom(e.sexpr());
    }
  };

  /** `a op b`, with an enum variable against an index shown as the value names it allows. */
  const comparison = (kind: number, args: readonly Z3Expr[], negate = false): Printed => {
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
      const text = allowed.length === 1 ? `${name} = ${allowed[0]}` : `${name} ∈ {${allowed.join(', ')}}`;
      return { text, prec: COMPARISON };
    }
    const symbol = negate ? '≠' : cmp.symbol;
    return { text: `${operand(a, SUM)} ${symbol} ${operand(b, SUM)}`, prec: COMPARISON };
  };

  return render(expr).text;
}
